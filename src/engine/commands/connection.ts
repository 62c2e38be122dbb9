/*
 * Connection commands (Redis's "connection" group): PING, ECHO, QUIT, SELECT.
 */
import { E, fail } from '../server/errors.ts';
import { arr, bulk, bulkStr, OK, PONG } from '../resp/reply.ts';
import { parseI64Num } from '../util/parse.ts';
import type { CommandFamily } from './types.ts';

export const connectionCommands: CommandFamily = {
  specs: [
    {
      name: 'ping',
      summary: 'Checks that the server answers: PONG, or the given message.',
      since: '1.0.0',
      group: 'connection',
      complexity: 'O(1)',
      arity: -1,
      flags: ['fast', 'sentinel'],
      acl: ['fast', 'connection'],
      tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
      arguments: [{ name: 'message', type: 'string', optional: true }],
    },
    {
      name: 'echo',
      summary: 'Answers with the message it was given.',
      since: '1.0.0',
      group: 'connection',
      complexity: 'O(1)',
      arity: 2,
      flags: ['loading', 'stale', 'fast'],
      acl: ['fast', 'connection'],
      arguments: [{ name: 'message', type: 'string' }],
    },
    {
      name: 'quit',
      summary: 'Closes the connection once the reply is sent.',
      since: '1.0.0',
      group: 'connection',
      complexity: 'O(1)',
      arity: -1,
      flags: ['allow_busy', 'noscript', 'loading', 'stale', 'fast', 'no_auth'],
      acl: ['fast', 'connection'],
    },
    {
      name: 'select',
      summary: 'Switches this connection to another numbered database.',
      since: '1.0.0',
      group: 'connection',
      complexity: 'O(1)',
      arity: 2,
      flags: ['loading', 'stale', 'fast'],
      acl: ['fast', 'connection'],
      arguments: [{ name: 'index', type: 'integer' }],
    },
  ],
  handlers: {
    ping(c, argv) {
      if (argv.length > 2) fail("ERR wrong number of arguments for 'ping' command");
      if (c.flags.has('pubsub') && c.resp === 2) {
        return arr([bulkStr('pong'), argv.length === 2 ? bulk(argv[1]!) : bulkStr('')]);
      }
      return argv.length === 2 ? bulk(argv[1]!) : PONG;
    },
    echo(_c, argv) {
      return bulk(argv[1]!);
    },
    quit(c) {
      c.closeAfterReply = true;
      return OK;
    },
    select(c, argv) {
      const id = parseI64Num(argv[1]!);
      if (id === null) fail(E.notInt);
      const db = c.node.dbs[id];
      if (id < 0 || db === undefined) fail(E.dbIndex);
      c.db = db;
      return OK;
    },
  },
};
