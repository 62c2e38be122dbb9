/*
 * HRANDFIELD key [count [WITHVALUES]] (t_hash.c hrandfieldCommand), randomness from node.random.
 *
 * Argument checks come first, in Redis's order: count must be a signed 64-bit integer other than
 * -2^63 ("value is out of range, value must between ..."), anything but a lone WITHVALUES after it is
 * a syntax error, and with WITHVALUES |count| must fit in LONG_MAX/2 ("value is out of range"). Then the
 * key: missing answers nil (no count) or an empty array.
 *
 * Count semantics:
 *   count = 0           empty array
 *   count < 0 or = 1    |count| independent picks (repeats allowed), in pick order
 *   count >= size       the whole hash, in the hash's own order (deterministic for listpack)
 *   otherwise           `count` distinct fields in no particular order
 * WITHVALUES answers field, value pairs: flat in RESP2, a two-element array per pair in RESP3.
 * Which distinct fields come out is uniform; Redis gets there by removing random fields from a copy
 * (when count is near the size) or by drawing until enough distinct ones; we draw in the second case
 * and shuffle partially in the first, which gives the same distribution.
 */
import { eqIgnoreCase } from '../../bytes.ts';
import { arr, bulk, bulkBin, EMPTY_ARRAY, NIL, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import type { HashValue } from '../../server/object.ts';
import { bigIntArg } from '../../util/parse.ts';
import { keyArg } from '../keys-lookup.ts';
import { checkRandomPicks } from '../random-count.ts';
import type { Handler } from '../types.ts';
import { hashForRead } from './value.ts';

const LONG_MAX = 9223372036854775807n;
const HALF_LONG_MAX = LONG_MAX / 2n;

function parseCount(argv: Uint8Array[]): { count: bigint; withValues: boolean } {
  const count = bigIntArg(argv[2]!);
  if (count < -LONG_MAX) fail(`ERR value is out of range, value must between ${-LONG_MAX} and ${LONG_MAX}`);
  if (argv.length > 4 || (argv.length === 4 && !eqIgnoreCase(argv[3]!, 'withvalues'))) fail(E.syntax);
  const withValues = argv.length === 4;
  if (withValues && (count < -HALF_LONG_MAX || count > HALF_LONG_MAX)) fail('ERR value is out of range');
  return { count, withValues };
}

/** One field (and its value) in the reply shape of the protocol. */
function pushPair(c: Client, out: Reply[], h: HashValue, field: string, withValues: boolean): void {
  if (!withValues) {
    out.push(bulkBin(field));
    return;
  }
  const value = bulk(h.fields.get(field)!);
  if (c.resp === 3) out.push(arr([bulkBin(field), value]));
  else out.push(bulkBin(field), value);
}

/**
 * `count` distinct fields chosen uniformly: drawn until enough distinct ones when the hash is at least
 * three times larger (O(count), Redis's CASE 4), else by a partial Fisher-Yates shuffle (O(size)).
 */
function distinctFields(c: Client, h: HashValue, count: number): string[] {
  const r = c.node.random;
  if (count * 3 <= h.fields.size) {
    const picked = new Set<string>();
    while (picked.size < count) picked.add(h.fields.randomKey(r)!);
    return [...picked];
  }
  const fields = [...h.fields.keys()];
  for (let i = 0; i < count; i++) {
    const j = i + r.int(fields.length - i);
    [fields[i], fields[j]] = [fields[j]!, fields[i]!];
  }
  return fields.slice(0, count);
}

function withCount(c: Client, h: HashValue, count: bigint, withValues: boolean): Reply {
  if (count === 0n) return EMPTY_ARRAY;
  const out: Reply[] = [];
  const size = h.fields.size;
  if (count < 0n || count === 1n) {
    checkRandomPicks(count);
    const picks = Number(count < 0n ? -count : count);
    for (let i = 0; i < picks; i++) pushPair(c, out, h, h.fields.randomKey(c.node.random)!, withValues);
  } else if (count >= BigInt(size)) {
    for (const field of h.fields.keys()) pushPair(c, out, h, field, withValues);
  } else {
    for (const field of distinctFields(c, h, Number(count))) pushPair(c, out, h, field, withValues);
  }
  return arr(out);
}

const hrandfield: Handler = (c, argv) => {
  if (argv.length >= 3) {
    const { count, withValues } = parseCount(argv);
    const h = hashForRead(c, keyArg(argv, 1));
    return h === undefined ? EMPTY_ARRAY : withCount(c, h, count, withValues);
  }
  const h = hashForRead(c, keyArg(argv, 1));
  return h === undefined ? NIL : bulkBin(h.fields.randomKey(c.node.random)!);
};

export const randomHandlers: Record<string, Handler> = { hrandfield };
