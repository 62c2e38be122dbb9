/*
 * BGREWRITEAOF, SHUTDOWN and DEBUG LOADAOF (aof.c bgrewriteaofCommand, db.c shutdownCommand,
 * debug.c), over the node's AofPersistence (persistence/aof*.ts) and persistence/shutdown.ts.
 *
 * "In EXEC" is the client still in MULTI state while EXEC runs its queue (Redis's server.in_exec):
 * BGREWRITEAOF then only schedules the rewrite, as while a BGSAVE runs.
 */
import { type Bytes, lowerBin } from '../bytes.ts';
import { hasActiveChild, startRewrite } from '../persistence/aof-rewrite-job.ts';
import { debugLoadAof } from '../persistence/aof-startup.ts';
import { finishShutdown, type ShutdownFlags } from '../persistence/shutdown.ts';
import { OK, type Reply, simple } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { E, fail } from '../server/errors.ts';
import { persistenceAofSpecs } from './persistence-aof-specs.ts';
import type { CommandFamily } from './types.ts';

function bgrewriteaof(c: Client): Reply {
  const aof = c.node.aof;
  if (aof.child !== null) fail('ERR Background append only file rewriting already in progress');
  if (hasActiveChild(c.node) || c.multi !== null) {
    aof.rewriteScheduled = true;
    aof.consecutiveFailures = 0;
    return simple('Background append only file rewriting scheduled');
  }
  if (startRewrite(aof)) return simple('Background append only file rewriting started');
  fail("ERR Can't execute an AOF background rewriting. Please check the server logs for more information.");
}

function parseShutdown(argv: Bytes[]): { flags: ShutdownFlags; abort: boolean } {
  const flags: ShutdownFlags = { save: false, nosave: false, force: false };
  let abort = false;
  let now = false;
  for (const a of argv.slice(1)) {
    const w = lowerBin(a);
    if (w === 'nosave') flags.nosave = true;
    else if (w === 'save') flags.save = true;
    else if (w === 'now') now = true;
    else if (w === 'force') flags.force = true;
    else if (w === 'abort') abort = true;
    else fail(E.syntax);
  }
  const anyFlag = flags.save || flags.nosave || flags.force || now;
  if ((abort && anyFlag) || (flags.save && flags.nosave)) fail(E.syntax);
  return { flags, abort };
}

function shutdown(c: Client, argv: Bytes[]): Reply | undefined {
  const { flags, abort } = parseShutdown(argv);
  // Nothing ever waits for replicas here, so no shutdown is ever in progress to abort.
  if (abort) fail('ERR No shutdown in progress.');
  const node = c.node;
  const log = (line: string): void => node.aof.log('warning', line);
  log('User requested shutdown...');
  if (!finishShutdown(node, flags, log)) fail('ERR Errors trying to SHUTDOWN. Check logs.');
  node.aof.port?.exit?.(0);
  c.closeAfterReply = true;
  return undefined;
}

/** DEBUG LOADAOF: Redis exits when the reload fails; so does the node (through the host). */
export function debugLoadAofCommand(c: Client): Reply {
  const node = c.node;
  const emptyData = (): void => {
    for (const db of node.dbs) {
      node.watches.touchAllInDb(db);
      db.clear();
    }
    node.tracking.invalidateAll();
  };
  if (debugLoadAof(node.aof, emptyData)) return OK;
  node.aof.port?.exit?.(1);
  fail('ERR Error loading the AOF');
}

export const persistenceAofCommands: CommandFamily = {
  specs: persistenceAofSpecs,
  handlers: { bgrewriteaof, shutdown },
};
