/*
 * SLOWLOG GET [count] / LEN / RESET / HELP (Redis's slowlogCommand). GET answers the newest entries
 * first, 10 by default, all of them for -1; each entry is [id, unix time, µs, [args...], peer, name].
 * The dispatcher checks the arity of LEN/RESET/HELP; GET (arity -2) refuses more than one count with
 * the generic "unknown subcommand or wrong number of arguments" error, as Redis does.
 */
import { bin, type Bytes } from '../../bytes.ts';
import { arr, bulk, bulkBin, int, OK, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import type { SlowlogEntry } from '../../server/slowlog.ts';
import { parseI64 } from '../../util/parse.ts';
import { helpReply } from '../client.ts';

const HELP = [
  'GET [<count>]',
  '    Return top <count> entries from the slowlog (default: 10, -1 mean all).',
  '    Entries are made of:',
  '    id, timestamp, time in microseconds, arguments array, client IP and port,',
  '    client name',
  'LEN',
  '    Return the length of the slowlog.',
  'RESET',
  '    Reset the slowlog.',
];

/** addReplySubcommandSyntaxError, shared by SLOWLOG and LATENCY. */
export function subcommandSyntaxError(argv: readonly Bytes[]): never {
  fail(
    `ERR unknown subcommand or wrong number of arguments for '${bin(argv[1]!).slice(0, 128)}'. ` +
      `Try ${bin(argv[0]!).toUpperCase()} HELP.`,
  );
}

const LONG_MAX = 2n ** 63n - 1n;

function countArg(b: Bytes, available: number): number {
  // getRangeLongFromObjectOrReply: a non-integer gets the range message too.
  const v = parseI64(b);
  if (v === null || v < -1n || v > LONG_MAX) fail('ERR count should be greater than or equal to -1');
  return v === -1n ? available : v > BigInt(available) ? available : Number(v);
}

function entryReply(e: SlowlogEntry): Reply {
  return arr([
    int(e.id),
    int(e.timeS),
    int(e.durationUs),
    arr(e.argv.map((a) => bulk(a))),
    bulkBin(e.peer),
    bulk(e.clientName),
  ]);
}

function slowlogGet(c: Client, argv: Bytes[]): Reply {
  if (argv.length > 3) subcommandSyntaxError(argv);
  const entries = c.node.slowlog.entries;
  const count = argv.length === 3 ? countArg(argv[2]!, entries.length) : 10;
  return arr(entries.slice(0, count).map(entryReply));
}

export const slowlogHandlers = {
  'slowlog|get': slowlogGet,
  'slowlog|len': (c: Client): Reply => int(c.node.slowlog.entries.length),
  'slowlog|reset'(c: Client): Reply {
    c.node.slowlog.reset();
    return OK;
  },
  'slowlog|help': (_c: Client, argv: Bytes[]): Reply => helpReply(argv[0]!, HELP),
};
