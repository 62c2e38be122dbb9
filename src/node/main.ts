/*
 * `npm run server -- [configfile] [--name value ...]`: the engine as a redis-server on TCP.
 *
 * Arguments follow redis-server: an optional config file first (lines of `name value...`, # comments),
 * then `--name value...` overrides where a value may span several words up to the next `--` option
 * (`--save 900 1`, `--save ""`). `--port` picks the port (default 6379) and `--bind` the first address
 * to listen on (default 127.0.0.1). Log lines use Redis's format (see log.ts; loglevel and logfile
 * apply), including the "Ready to accept connections" line that scripts wait for. SIGINT and
 * SIGTERM stop the server and exit with status 0. `--dir` (default: the working folder) and
 * `--dbfilename` say where the RDB file is: loaded at start when present, written by SAVE/BGSAVE.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RespServer } from './server.ts';
import { parseServerArgs } from './args.ts';
import { ServerLog, type LogLevel } from './log.ts';
import { readInitialRdb } from './rdb-files.ts';

function fatalConfig(detail: string, directive: string): never {
  process.stderr.write(`\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\n>>> '${directive}'\n${detail}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const parsed = parseServerArgs(process.argv.slice(2), (path) => readFileSync(path, 'latin1'));
  if ('error' in parsed) fatalConfig(parsed.error, parsed.directive);
  const { port, host, config } = parsed;
  let server: RespServer | undefined;
  const out = new ServerLog(
    () => server?.node.config.get('loglevel') ?? config.loglevel ?? 'notice',
    () => server?.node.config.get('logfile') ?? config.logfile ?? '',
  );
  const log = (msg: string, level: LogLevel = 'notice'): void => out.log(level, msg);
  // Redis's dir defaults to the working folder and CONFIG GET dir shows it absolute (Redis chdirs into
  // it and reports getcwd()); a dir that does not exist is a fatal config error.
  config.dir = resolve(config.dir ?? process.cwd());
  if (!existsSync(config.dir)) fatalConfig('No such file or directory', `dir ${config.dir}`);
  const rdb = readInitialRdb(config.dir, config.dbfilename ?? 'dump.rdb');
  try {
    server = new RespServer({ port, host, config, rdb, log: (m, level) => log(m, level ?? 'warning') });
  } catch (e) {
    if (rdb !== undefined && e instanceof Error && e.message === 'Error loading the RDB file') {
      log('Fatal error loading the DB: Invalid argument. Exiting.', 'warning');
      process.exit(1);
    }
    fatalConfig(e instanceof Error ? e.message : String(e), 'command line');
  }
  log('Redis playground (TypeScript engine, Redis 7.0 compatible) starting', 'warning');
  try {
    const bound = await server.start();
    log(`Running mode=standalone, port=${bound}.`);
  } catch (e) {
    log(`Failed listening on port ${port} (tcp), aborting: ${(e as Error).message}`, 'warning');
    process.exit(1);
  }
  log('Server initialized');
  log('Ready to accept connections tcp');
  const running = server;
  const shutdown = (signal: string): void => {
    log(`Received ${signal} scheduling shutdown...`, 'warning');
    saveBeforeExit(running, log);
    void running.stop().then(() => {
      log('Redis is now ready to exit, bye bye...', 'warning');
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('uncaughtException', (e) => log(`Uncaught exception: ${e.stack ?? e}`, 'warning'));
  process.on('unhandledRejection', (e) => log(`Unhandled rejection: ${String(e)}`, 'warning'));
}

/** prepareForShutdown's RDB part: a running BGSAVE is killed; with save points, a final SAVE. */
function saveBeforeExit(server: RespServer, log: (msg: string, level?: LogLevel) => void): void {
  const rdb = server.node.rdb;
  if (rdb.child !== null) {
    log('There is a child saving an .rdb. Killing it!', 'warning');
    rdb.killChild();
  }
  if (server.node.config.get('save').trim() === '') return;
  log('Saving the final RDB snapshot before exiting.');
  if (!rdb.saveNow()) log("Error trying to save the DB, can't exit.", 'warning');
}

void main();
