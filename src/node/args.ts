/*
 * redis-server's command line: `[configfile] [--name value...]...`. Both sources become config
 * directives (name + words); later directives win. A value may span several words (`--save 900 1`)
 * and words are joined with single spaces as Redis does when it rebuilds the config text. Config file
 * lines are split with sdssplitargs rules (quotes, escapes); blank lines and `#` comments are skipped.
 * `port` and `bind` also decide where the host listens.
 */
import { bin, unbin } from '../engine/bytes.ts';
import { splitInlineArgs } from '../engine/resp/request-parser-inline.ts';

export interface ServerArgs {
  port: number;
  host: string;
  config: Record<string, string>;
}

export interface ArgsError {
  error: string;
  directive: string;
}

/** Parses argv (without node and script); `readFile` loads a config file given as first argument. */
export function parseServerArgs(
  argv: readonly string[],
  readFile: (path: string) => string,
): ServerArgs | ArgsError {
  const directives: string[][] = [];
  let i = 0;
  if (argv.length > 0 && !argv[0]!.startsWith('--')) {
    const fromFile = configFileDirectives(readFile(argv[0]!));
    if ('error' in fromFile) return fromFile;
    directives.push(...fromFile);
    i = 1;
  }
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--') && a.length > 2) directives.push([a.slice(2)]);
    else if (directives.length === 0 || !argv.slice(0, i).some((x) => x.startsWith('--'))) {
      return { error: 'Bad directive or wrong number of arguments', directive: a };
    } else directives[directives.length - 1]!.push(a);
  }
  const config: Record<string, string> = {};
  for (const [name, ...words] of directives) {
    if (words.length === 0) return { error: 'wrong number of arguments', directive: name! };
    const key = name!.toLowerCase();
    // `user` may repeat (one ACL user each): the lines are kept, newline-separated.
    config[key] =
      key === 'user' && config.user !== undefined ? `${config.user}\n${words.join(' ')}` : words.join(' ');
  }
  const port = config.port === undefined ? 6379 : Number(config.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { error: 'Invalid port', directive: `port ${config.port}` };
  }
  const firstBind = config.bind?.split(' ')[0];
  const host = firstBind && firstBind !== '*' ? firstBind.replace(/^-/, '') : '127.0.0.1';
  return { port, host, config };
}

function configFileDirectives(text: string): string[][] | ArgsError {
  const out: string[][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const b = unbin(line);
    const words = splitInlineArgs(b, 0, b.length);
    if (words === null) return { error: 'Unbalanced quotes in configuration line', directive: line };
    out.push(words.map(bin));
  }
  return out;
}
