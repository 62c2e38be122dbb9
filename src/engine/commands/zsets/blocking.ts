/*
 * BZPOPMIN BZPOPMAX BZMPOP (blockingGenericZpopCommand).
 *
 * The timeout is parsed first for BZPOPMIN/MAX and after the ZMPOP-style arguments for BZMPOP
 * (seconds as a long double, see lists/blocking.ts). When one of the keys holds a sorted set the
 * command pops at once exactly like ZPOPMIN/ZPOPMAX/ZMPOP and answers [key, member, score] (BZPOP*)
 * or [key, [[member, score], ...]] (BZMPOP). Otherwise the client blocks through node.blocking (FIFO per
 * key, served when a sorted set appears there; timeout -> nil array); where blocking is not allowed
 * (MULTI, scripts) it answers a nil array at once, as Redis does for CLIENT_DENY_BLOCKING.
 */
import { bin, type Bytes } from '../../bytes.ts';
import { NIL_ARRAY, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { parseTimeoutSeconds } from '../lists/blocking.ts';
import type { Handler } from '../types.ts';
import { asZset, writeZset } from './access.ts';
import { bzpopReply, mpopReply, parseMpop, popEntries, type Where } from './pop.ts';

/** Pops from the first key holding a sorted set; undefined when none does. */
function popFirst(c: Client, keys: Bytes[], where: Where, count: number, nested: boolean): Reply | undefined {
  for (const k of keys) {
    const key = bin(k);
    const z = writeZset(c, key);
    if (z === undefined || z.size === 0) continue;
    const popped = popEntries(c, key, z, where, count);
    return nested ? mpopReply(k, popped) : bzpopReply(k, popped);
  }
  return undefined;
}

function blockOrNil(
  c: Client,
  keys: Bytes[],
  where: Where,
  count: number,
  nested: boolean,
  deadline: number,
) {
  if (!c.node.blocking.canBlock(c)) return NIL_ARRAY;
  c.node.blocking.block(c, {
    kind: 'zset',
    keys: keys.map(bin),
    deadlineMs: deadline,
    serve: (key) => {
      const z = asZset(c.db.peek(key));
      if (z === undefined || z.size === 0) return undefined;
      const k = keys.find((b) => bin(b) === key)!;
      const popped = popEntries(c, key, z, where, count);
      return nested ? mpopReply(k, popped) : bzpopReply(k, popped);
    },
  });
  return undefined;
}

function bzpop(c: Client, argv: Bytes[], where: Where): Reply | undefined {
  const deadline = parseTimeoutSeconds(c, argv[argv.length - 1]!);
  const keys = argv.slice(1, argv.length - 1);
  return popFirst(c, keys, where, 1, false) ?? blockOrNil(c, keys, where, 1, false, deadline);
}

const bzmpop: Handler = (c, argv) => {
  const a = parseMpop(argv, 2);
  const deadline = parseTimeoutSeconds(c, argv[1]!);
  return (
    popFirst(c, a.keys, a.where, a.count, true) ?? blockOrNil(c, a.keys, a.where, a.count, true, deadline)
  );
};

export const blockingHandlers: Record<string, Handler> = {
  bzpopmin: (c, argv) => bzpop(c, argv, 'min'),
  bzpopmax: (c, argv) => bzpop(c, argv, 'max'),
  bzmpop,
};
