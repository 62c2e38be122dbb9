/*
 * FUNCTION: a deliberately partial container. Only FUNCTION FLUSH exists, because Redis's own Tcl test
 * suite calls it (with FLUSHALL) before every test file in external-server mode. The playground has no
 * function registry yet (no Lua runtime), so the registry is always empty and flushing it has nothing
 * to drop; what Redis does observably still holds: argument checking with Redis's error texts, OK, and
 * server.dirty++ (a flush counts as one change, even when there was nothing to flush).
 *
 * When the scripting family lands, FUNCTION LOAD/LIST/DELETE/DUMP/RESTORE/STATS/KILL/HELP belong here
 * and FLUSH should clear the real library table (ASYNC vs SYNC only changes when memory is reclaimed).
 */
import { bin, type Bytes, lowerBin } from '../bytes.ts';
import { OK, type Reply } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { fail } from '../server/errors.ts';
import type { CommandFamily, CommandSpec } from './types.ts';

const functionSpecs: CommandSpec[] = [
  {
    name: 'function',
    summary: 'Container for the subcommands that manage server-side function libraries.',
    since: '7.0.0',
    group: 'scripting',
    complexity: 'Depends on subcommand.',
    arity: -2,
    flags: [],
    acl: ['slow'],
  },
  {
    name: 'function|flush',
    summary: 'Drops every loaded function library.',
    since: '7.0.0',
    group: 'scripting',
    complexity: 'O(N) where N is the number of functions deleted',
    arity: -2,
    flags: ['write', 'noscript'],
    acl: ['write', 'slow', 'scripting'],
    tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
    arguments: [
      {
        name: 'async',
        type: 'oneof',
        optional: true,
        arguments: [
          { name: 'async', type: 'pure-token', token: 'ASYNC' },
          { name: 'sync', type: 'pure-token', token: 'SYNC' },
        ],
      },
    ],
  },
];

/** FUNCTION FLUSH [ASYNC|SYNC]: more than one option is a subcommand syntax error, as in Redis. */
function functionFlush(c: Client, argv: Bytes[]): Reply {
  if (argv.length > 3) {
    fail(
      `ERR unknown subcommand or wrong number of arguments for '${bin(argv[1]!).slice(0, 128)}'. ` +
        `Try ${bin(argv[0]!).toUpperCase()} HELP.`,
    );
  }
  if (argv.length === 3) {
    const mode = lowerBin(argv[2]!);
    if (mode !== 'sync' && mode !== 'async') fail('ERR FUNCTION FLUSH only supports SYNC|ASYNC option');
  }
  // The (empty) registry is cleared; the flush still counts as a change for persistence.
  c.node.dirty++;
  return OK;
}

export const functionCommands: CommandFamily = {
  specs: functionSpecs,
  handlers: { 'function|flush': functionFlush },
};
