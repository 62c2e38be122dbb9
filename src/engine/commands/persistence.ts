/*
 * SAVE, BGSAVE [SCHEDULE] and DEBUG RELOAD (rdb.c saveCommand / bgsaveCommand, debug.c), over the
 * node's RdbPersistence (persistence/rdb-saver.ts). A node's "child processes" are its simulated
 * background save and AOF rewrite, one at a time: BGSAVE while a rewrite runs is refused (or
 * scheduled with SCHEDULE); BGSAVE run by EXEC is scheduled for cron, as Redis does inside a
 * transaction.
 */
import { type Bytes, lowerBin } from '../bytes.ts';
import { OK, type Reply, simple } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { E, fail } from '../server/errors.ts';
import { persistenceSpecs } from './persistence-specs.ts';
import type { CommandFamily } from './types.ts';

const IN_PROGRESS = 'ERR Background save already in progress';
const ANOTHER_CHILD =
  "ERR Another child process is active (AOF?): can't BGSAVE right now. Use BGSAVE SCHEDULE in order to " +
  'schedule a BGSAVE whenever possible.';

function save(c: Client): Reply {
  const rdb = c.node.rdb;
  if (rdb.child !== null) fail(IN_PROGRESS);
  rdb.saves++;
  if (!rdb.saveNow()) fail('ERR');
  return OK;
}

function bgsave(c: Client, argv: Bytes[]): Reply {
  const schedule = argv.length === 2 && lowerBin(argv[1]!) === 'schedule';
  if (argv.length > 1 && !schedule) fail(E.syntax);
  const rdb = c.node.rdb;
  if (rdb.child !== null) fail(IN_PROGRESS);
  // Inside EXEC the client is still in MULTI state (Redis's server.in_exec): schedule instead.
  if (c.node.aof.child !== null || c.multi !== null) {
    if (!schedule && c.multi === null) fail(ANOTHER_CHILD);
    rdb.scheduled = true;
    return simple('Background saving scheduled');
  }
  rdb.startBackground();
  return simple('Background saving started');
}

/** DEBUG RELOAD [MERGE] [NOFLUSH] [NOSAVE]. */
export function debugReload(c: Client, argv: Bytes[]): Reply {
  const opts = { save: true, flush: true, merge: false };
  for (const a of argv.slice(2)) {
    const opt = lowerBin(a);
    if (opt === 'merge') opts.merge = true;
    else if (opt === 'noflush') opts.flush = false;
    else if (opt === 'nosave') opts.save = false;
    else fail('ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.');
  }
  const error = c.node.rdb.reload(opts);
  if (error !== null) fail(error);
  return OK;
}

export const persistenceCommands: CommandFamily = {
  specs: persistenceSpecs,
  handlers: { save, bgsave },
};
