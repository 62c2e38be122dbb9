/*
 * `npm run server -- [configfile] [--name value ...]`: the engine as a redis-server on TCP.
 *
 * Arguments follow redis-server: an optional config file first (lines of `name value...`, # comments),
 * then `--name value...` overrides where a value may span several words up to the next `--` option
 * (`--save 900 1`, `--save ""`). `--port` picks the port (default 6379) and `--bind` the first address
 * to listen on (default 127.0.0.1). Log lines use Redis's format, including the "Ready to accept
 * connections" line that scripts wait for. SIGINT / SIGTERM stop the server and exit with status 0.
 */
import { readFileSync } from 'node:fs';
import { RespServer } from './server.ts';
import { parseServerArgs } from './args.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One log line as Redis writes it: "pid:M 26 Nov 2026 03:56:06.123 * message". */
function logLine(msg: string, level = '*'): void {
  const d = new Date();
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const stamp =
    `${p2(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ` +
    `${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
  process.stdout.write(`${process.pid}:M ${stamp} ${level} ${msg}\n`);
}

function fatalConfig(detail: string, directive: string): never {
  process.stderr.write(`\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\n>>> '${directive}'\n${detail}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const parsed = parseServerArgs(process.argv.slice(2), (path) => readFileSync(path, 'latin1'));
  if ('error' in parsed) fatalConfig(parsed.error, parsed.directive);
  const { port, host, config } = parsed;
  let server: RespServer;
  try {
    server = new RespServer({ port, host, config, log: (m) => logLine(m, '#') });
  } catch (e) {
    fatalConfig(e instanceof Error ? e.message : String(e), 'command line');
  }
  logLine('Redis playground (TypeScript engine, Redis 7.0 compatible) starting', '#');
  try {
    const bound = await server.start();
    logLine(`Running mode=standalone, port=${bound}.`);
  } catch (e) {
    logLine(`Failed listening on port ${port} (tcp), aborting: ${(e as Error).message}`, '#');
    process.exit(1);
  }
  logLine('Server initialized');
  logLine('Ready to accept connections tcp');
  const shutdown = (signal: string): void => {
    logLine(`Received ${signal} scheduling shutdown...`, '#');
    void server.stop().then(() => {
      logLine('Redis is now ready to exit, bye bye...', '#');
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('uncaughtException', (e) => logLine(`Uncaught exception: ${e.stack ?? e}`, '#'));
  process.on('unhandledRejection', (e) => logLine(`Unhandled rejection: ${String(e)}`, '#'));
}

void main();
