/*
 * EVAL, EVALSHA, EVAL_RO, EVALSHA_RO and SCRIPT (Redis 7.0's eval.c). The order of checks is Redis's:
 * EVALSHA refuses a digest that is not 40 characters before anything else; then numkeys (an integer,
 * not above the number of remaining arguments, not negative); then the script is found in the cache
 * (EVALSHA: NOSCRIPT otherwise) or compiled into it (EVAL: shebang and compile errors); then the
 * declared flags are checked against the server state (engine.prepareRun) and the script runs.
 *
 * The command line is shown to MONITOR before the commands the script runs (EVAL itself is flagged
 * skip_monitor so the dispatcher does not show it a second time, after them).
 */
import { bin, type Bytes, lowerBin } from '../../bytes.ts';
import { arr, bulkStr, err, int, OK, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import { executeScript, finishScript } from '../../scripting/run.ts';
import { parseI64Num } from '../../util/parse.ts';
import { helpReply } from '../command.ts';
import type { Command } from '../registry.ts';

export const NOSCRIPT = 'NOSCRIPT No matching script. Please use EVAL.';

/** Shows the script command to monitors now (before the commands it runs). */
export function feedMonitors(c: Client, argv: Bytes[]): void {
  const cmd = c.node.commands.lookup(argv);
  if (cmd === undefined) return;
  const visible = { ...cmd, spec: { ...cmd.spec, flags: [] } } as Command;
  c.node.monitors.feed(c, visible, argv);
}

/** numkeys as EVAL/FCALL parse it; throws the error reply. */
export function parseNumKeys(argv: Bytes[], notIntText: string): number {
  const n = parseI64Num(argv[2]!);
  if (n === null) fail(notIntText);
  if (n > argv.length - 3) fail("ERR Number of keys can't be greater than number of args");
  if (n < 0) fail("ERR Number of keys can't be negative");
  return n;
}

function evalGeneric(c: Client, argv: Bytes[], bySha: boolean, ro: boolean): Reply | undefined {
  feedMonitors(c, argv);
  if (bySha && argv[1]!.length !== 40) return err(NOSCRIPT);
  const numKeys = parseNumKeys(argv, 'ERR value is not an integer or out of range');
  const engine = c.node.scripts;
  let script;
  if (bySha) {
    script = engine.scripts.get(bin(argv[1]!).toLowerCase());
    if (script === undefined) return err(NOSCRIPT);
  } else {
    const loaded = engine.loadScript(argv[1]!);
    if (typeof loaded === 'string') return err(loaded);
    script = loaded;
  }
  const run = engine.prepareRun({
    caller: c,
    mode: 'eval',
    name: script.sha,
    fn: script.fn,
    env: engine.evalEnv,
    keys: argv.slice(3, 3 + numKeys),
    args: argv.slice(3 + numKeys),
    argv,
    flags: script.flags,
    ro,
  });
  if (typeof run === 'string') return err(run);
  const outcome = executeScript(run);
  // undefined: the script suspended; its reply comes when it ends (server/busy-script.ts).
  return outcome === undefined ? undefined : finishScript(run, outcome);
}

const SCRIPT_HELP = [
  'DEBUG (YES|SYNC|NO)',
  '    Set the debug mode for subsequent scripts executed.',
  'EXISTS <sha1> [<sha1> ...]',
  '    Return information about the existence of the scripts in the script cache.',
  'FLUSH [ASYNC|SYNC]',
  '    Flush the Lua scripts cache. Very dangerous on replicas.',
  '    When called without the optional mode argument, the behavior is determined by the',
  '    lazyfree-lazy-user-flush configuration directive. Valid modes are:',
  '    * ASYNC: Asynchronously flush the scripts cache.',
  '    * SYNC: Synchronously flush the scripts cache.',
  'KILL',
  '    Kill the currently executing Lua script.',
  'LOAD <script>',
  '    Load a script into the scripts cache without executing it.',
];

function scriptFlush(c: Client, argv: Bytes[]): Reply {
  const mode = argv.length === 3 ? lowerBin(argv[2]!) : '';
  if (argv.length > 3 || (argv.length === 3 && mode !== 'sync' && mode !== 'async')) {
    fail('ERR SCRIPT FLUSH only support SYNC|ASYNC option');
  }
  c.node.scripts.flushScripts();
  return OK;
}

function scriptExists(c: Client, argv: Bytes[]): Reply {
  const scripts = c.node.scripts.scripts;
  return arr(argv.slice(2).map((sha) => int(scripts.has(bin(sha).toLowerCase()) ? 1 : 0)));
}

function scriptLoad(c: Client, argv: Bytes[]): Reply {
  const loaded = c.node.scripts.loadScript(argv[2]!);
  if (typeof loaded === 'string') return err(loaded);
  return bulkStr(loaded.sha);
}

/** SCRIPT DEBUG: the playground has no Lua debugger; NO is accepted, YES/SYNC are refused. */
function scriptDebug(_c: Client, argv: Bytes[]): Reply {
  const mode = lowerBin(argv[2]!);
  if (mode === 'no') return OK;
  if (mode === 'yes' || mode === 'sync')
    return err('ERR The Lua debugger is not available in this playground');
  return err('ERR Use SCRIPT DEBUG YES/SYNC/NO');
}

function scriptKill(c: Client): Reply {
  const text = c.node.scripts.kill(true);
  return text === 'OK' ? OK : err(text);
}

export const evalHandlers = {
  eval: (c: Client, argv: Bytes[]) => evalGeneric(c, argv, false, false),
  eval_ro: (c: Client, argv: Bytes[]) => evalGeneric(c, argv, false, true),
  evalsha: (c: Client, argv: Bytes[]) => evalGeneric(c, argv, true, false),
  evalsha_ro: (c: Client, argv: Bytes[]) => evalGeneric(c, argv, true, true),
  'script|help': (_c: Client, argv: Bytes[]) => helpReply(argv[0]!, SCRIPT_HELP),
  'script|flush': scriptFlush,
  'script|exists': scriptExists,
  'script|load': scriptLoad,
  'script|debug': scriptDebug,
  'script|kill': scriptKill,
};
