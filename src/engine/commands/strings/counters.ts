/*
 * Counters: INCR, DECR, INCRBY, DECRBY (signed 64-bit, exact, with Redis's overflow errors) and
 * INCRBYFLOAT (x87 long double, see util/longdouble.ts).
 *
 * An absent key counts as 0 and is created; an existing key keeps its deadline. Integer results are
 * stored with the 'int' encoding; INCRBYFLOAT stores the text it answers, embstr or raw by length
 * (Redis never tries the int encoding there, so "INCRBYFLOAT k 1" on "1" leaves embstr "2").
 * Events: "incrby" for the integer commands, "incrbyfloat" for the float one.
 */
import type { Bytes } from '../../bytes.ts';
import { bulk, int, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import type { StringValue } from '../../server/object.ts';
import { formatLongDoubleHuman } from '../../util/ldformat.ts';
import { parseLongDouble } from '../../util/ldparse.ts';
import { ldAdd, ldZero } from '../../util/longdouble.ts';
import { bigIntArg } from '../../util/parse.ts';
import { parseI64 } from '../../util/parse.ts';
import type { Handler } from '../types.ts';
import { asciiBytes, asString, intString, keyOf, plainString, putValue, writeKey } from './value.ts';

const I64_MAX = 9223372036854775807n;
const I64_MIN = -9223372036854775808n;

/** Stores a counter result: a new key is added, an existing one keeps its deadline. */
function storeCounter(c: Client, key: string, v: StringValue, event: string): void {
  putValue(c, key, v, true);
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('$', event, key, c.db);
  c.node.dirty++;
}

/** incrDecrCommand: adds `delta` to the integer at `key`, refusing a 64-bit overflow. */
function incrDecr(c: Client, key: string, delta: bigint): Reply {
  const o = writeKey(c, key);
  let value = 0n;
  if (o !== undefined) {
    const parsed = parseI64(asString(o).v);
    if (parsed === null) fail(E.notInt);
    value = parsed;
  }
  const sum = value + delta;
  if (sum > I64_MAX || sum < I64_MIN) fail(E.overflow);
  storeCounter(c, key, intString(sum, c.node.nowMs()), 'incrby');
  return int(Number.isSafeInteger(Number(sum)) ? Number(sum) : sum);
}

const incr: Handler = (c, argv) => incrDecr(c, keyOf(argv, 1), 1n);
const decr: Handler = (c, argv) => incrDecr(c, keyOf(argv, 1), -1n);
const incrby: Handler = (c, argv) => incrDecr(c, keyOf(argv, 1), bigIntArg(argv[2]!));

const decrby: Handler = (c, argv) => {
  const delta = bigIntArg(argv[2]!);
  // Negating the smallest 64-bit integer has no 64-bit result.
  if (delta === I64_MIN) fail('ERR decrement would overflow');
  return incrDecr(c, keyOf(argv, 1), -delta);
};

function floatOrFail(b: Bytes): ReturnType<typeof parseLongDouble> & object {
  const v = parseLongDouble(b);
  if (v === null) fail(E.notFloat);
  return v;
}

const incrbyfloat: Handler = (c, argv) => {
  const key = keyOf(argv, 1);
  const o = writeKey(c, key);
  const value = o === undefined ? ldZero() : floatOrFail(asString(o).v);
  const incrBy = floatOrFail(argv[2]!);
  const sum = ldAdd(value, incrBy);
  if (sum.kind !== 'finite') fail('ERR increment would produce NaN or Infinity');
  const text = asciiBytes(formatLongDoubleHuman(sum));
  storeCounter(c, key, plainString(text, c.node.nowMs()), 'incrbyfloat');
  return bulk(text);
};

export const counterHandlers: Record<string, Handler> = { incr, decr, incrby, decrby, incrbyfloat };
