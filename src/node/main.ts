/*
 * `npm run server -- [configfile] [--name value ...]`: the engine as a redis-server on TCP.
 *
 * Arguments follow redis-server: an optional config file first (lines of `name value...`, # comments),
 * then `--name value...` overrides where a value may span several words up to the next `--` option
 * (`--save 900 1`, `--save ""`). `--port` picks the port (default 6379) and `--bind` the first address
 * to listen on (default 127.0.0.1). Log lines use Redis's format (see log.ts; loglevel and logfile
 * apply), including the "Ready to accept connections" line that scripts wait for. SIGINT and
 * SIGTERM shut the server down as SHUTDOWN does (AOF flushed, final save with save points) and exit
 * with status 0. `--dir` (default: the working folder) and `--dbfilename` say where the RDB file is:
 * loaded at start when present, written by SAVE/BGSAVE. With `--appendonly yes` the multi-part AOF in
 * dir/appenddirname is loaded instead (see aof-files.ts) and written as Redis writes it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RespServer } from './server.ts';
import { parseServerArgs } from './args.ts';
import { ServerLog, type LogLevel } from './log.ts';
import { readInitialRdb } from './rdb-files.ts';
import { readAofFiles } from './aof-files.ts';
import { AofLoadError } from '../engine/persistence/aof-startup.ts';
import { finishShutdown } from '../engine/persistence/shutdown.ts';

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
  const aofOn = (config.appendonly ?? 'no').toLowerCase() === 'yes';
  const aofFiles = aofOn ? readAofFiles(config.dir, config.appenddirname ?? 'appendonlydir') : undefined;
  const onExit = (code: number): void => {
    void server?.stop().then(() => process.exit(code));
    setTimeout(() => process.exit(code), 1000).unref();
  };
  try {
    const logAt = (m: string, level?: LogLevel): void => log(m, level ?? 'warning');
    server = new RespServer({ port, host, config, rdb, aofFiles, onExit, log: logAt });
  } catch (e) {
    if (e instanceof AofLoadError) process.exit(1);
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
    log('User requested shutdown...', 'warning');
    const flags = { save: false, nosave: false, force: false };
    if (!finishShutdown(running.node, flags, (line) => log(line, 'warning'))) {
      log(
        `${signal} received but errors trying to shut down the server, check the logs for more information`,
        'warning',
      );
      return;
    }
    onExit(0);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('uncaughtException', (e) => log(`Uncaught exception: ${e.stack ?? e}`, 'warning'));
  process.on('unhandledRejection', (e) => log(`Unhandled rejection: ${String(e)}`, 'warning'));
}

void main();
