/*
 * HINCRBY and HINCRBYFLOAT (t_hash.c). A missing key or field counts as 0 and is created.
 *
 * Order of checks, as in Redis: the increment is parsed first (generic "not an integer" / "not a valid
 * float"; HINCRBYFLOAT also refuses an infinite increment), then the key is looked up (WRONGTYPE), then
 * the stored value is parsed ("hash value is not an integer" / "...not a float"), then overflow.
 * HINCRBYFLOAT adds in x87 long double precision and stores the LD_STR_HUMAN text it answers, like
 * INCRBYFLOAT (see util/longdouble.ts). Events "hincrby" / "hincrbyfloat"; one dirty each.
 */
import { bin } from '../../bytes.ts';
import { bulk, int, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { formatLongDoubleHuman } from '../../util/ldformat.ts';
import { parseLongDouble } from '../../util/ldparse.ts';
import { ldAdd, ldZero } from '../../util/longdouble.ts';
import { bigIntArg, parseI64 } from '../../util/parse.ts';
import { keyArg } from '../keys-lookup.ts';
import { asciiBytes } from '../strings/value.ts';
import type { Handler } from '../types.ts';
import { hashForWrite, hashSet } from './value.ts';

const I64_MAX = 9223372036854775807n;
const I64_MIN = -9223372036854775808n;

function afterIncrement(c: Client, key: string, event: string): void {
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('h', event, key, c.db);
  c.node.dirty++;
}

const hincrby: Handler = (c, argv) => {
  const incr = bigIntArg(argv[3]!);
  const key = keyArg(argv, 1);
  const h = hashForWrite(c, key);
  const field = bin(argv[2]!);
  const old = h.fields.get(field);
  let value = 0n;
  if (old !== undefined) {
    const parsed = parseI64(old);
    if (parsed === null) fail('ERR hash value is not an integer');
    value = parsed;
  }
  const sum = value + incr;
  if (sum > I64_MAX || sum < I64_MIN) fail(E.overflow);
  hashSet(c, h, field, asciiBytes(sum.toString()));
  afterIncrement(c, key, 'hincrby');
  return int(Number.isSafeInteger(Number(sum)) ? Number(sum) : sum);
};

const hincrbyfloat: Handler = (c, argv): Reply => {
  const incr = parseLongDouble(argv[3]!);
  if (incr === null) fail(E.notFloat);
  if (incr.kind !== 'finite') fail('ERR value is NaN or Infinity');
  const key = keyArg(argv, 1);
  const h = hashForWrite(c, key);
  const field = bin(argv[2]!);
  const old = h.fields.get(field);
  let value = ldZero();
  if (old !== undefined) {
    const parsed = parseLongDouble(old);
    if (parsed === null) fail('ERR hash value is not a float');
    value = parsed;
  }
  const sum = ldAdd(value, incr);
  if (sum.kind !== 'finite') fail('ERR increment would produce NaN or Infinity');
  const text = asciiBytes(formatLongDoubleHuman(sum));
  hashSet(c, h, field, text);
  afterIncrement(c, key, 'hincrbyfloat');
  return bulk(text);
};

export const counterHandlers: Record<string, Handler> = { hincrby, hincrbyfloat };
