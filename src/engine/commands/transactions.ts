/*
 * Transactions (Redis's multi.c): MULTI opens a queue (the dispatcher answers QUEUED and flags the
 * transaction when a command is rejected while queueing), EXEC runs the queue through call() and
 * answers one array of all the replies, DISCARD drops it. WATCH gives optimistic locking: a write to a
 * watched key (signalModifiedKey), or the expiry of a key that was alive when watched, makes the next
 * EXEC answer a nil array without running anything. EXEC, DISCARD and RESET forget every watched key.
 */
import { bin } from '../bytes.ts';
import { arr, NIL, NIL_ARRAY, OK, type Reply } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { call } from '../server/dispatch.ts';
import { fail } from '../server/errors.ts';
import { discardTransaction } from '../server/watch.ts';
import { transactionSpecs } from './transactions-specs.ts';
import type { CommandFamily } from './types.ts';

export { discardTransaction };

function exec(c: Client): Reply {
  if (c.multi === null) fail('ERR EXEC without MULTI');
  if (c.node.watches.anyExpired(c)) c.dirtyCas = true;
  if (c.multiDirty || c.dirtyCas) {
    const reply = c.multiDirty ? 'EXECABORT Transaction discarded because of previous errors.' : null;
    discardTransaction(c);
    if (reply) fail(reply);
    return NIL_ARRAY;
  }
  // The client stays in MULTI state while the queue runs (CLIENT INFO inside shows flags=x, multi=N).
  const queued = c.multi;
  c.node.watches.unwatchAll(c);
  const replies: Reply[] = [];
  for (const q of queued) {
    // ACL rules may have changed since the command was queued: it is checked again (multi.c).
    const denied = c.node.acl.execDenied(c, q.cmd, q.argv);
    replies.push(denied ?? call(c.node, c, q.cmd, q.argv) ?? NIL);
  }
  discardTransaction(c);
  return arr(replies);
}

export const transactionCommands: CommandFamily = {
  specs: transactionSpecs,
  handlers: {
    multi(c) {
      if (c.multi !== null) fail('ERR MULTI calls can not be nested');
      c.multi = [];
      c.multiDirty = false;
      c.flags.add('multi');
      return OK;
    },
    exec,
    discard(c) {
      if (c.multi === null) fail('ERR DISCARD without MULTI');
      discardTransaction(c);
      return OK;
    },
    watch(c, argv) {
      if (c.multi !== null) fail('ERR WATCH inside MULTI is not allowed');
      if (c.dirtyCas) return OK;
      for (let i = 1; i < argv.length; i++) c.node.watches.watch(c, bin(argv[i]!));
      return OK;
    },
    unwatch(c) {
      c.node.watches.unwatchAll(c);
      c.dirtyCas = false;
      return OK;
    },
  },
};
