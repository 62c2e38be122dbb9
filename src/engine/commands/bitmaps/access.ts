/*
 * How bitmap commands reach their string values (Redis's bitops.c helpers):
 *
 *   - bit offsets are strict 64-bit integers, optionally "#n" (BITFIELD: n times the field width),
 *     never negative and never addressing a byte at or past proto-max-bulk-len;
 *   - writers (SETBIT, BITFIELD with SET/INCRBY) create a zero-filled string long enough for the
 *     highest bit they touch, or grow the existing one with zero bytes. Like Redis's
 *     dbUnshareStringValue, the value is 'raw' afterwards even when nothing changed.
 *
 * Stored bytes may be shared with other values or with replies not yet sent, so a writer works on a
 * fresh copy and stores it back; the key keeps its deadline.
 */
import type { Bytes } from '../../bytes.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import { parseI64 } from '../../util/parse.ts';
import { asString, putValue, rawString, writeKey } from '../strings/value.ts';

export const BIT_OFFSET_ERR = 'ERR bit offset is not an integer or out of range';

/** getBitOffsetFromArgument: the offset in bits; `fieldBits` > 0 enables the "#n" form. */
export function bitOffsetArg(c: Client, arg: Bytes, fieldBits = 0): number {
  const hash = fieldBits > 0 && arg.length > 0 && arg[0] === 35;
  let v = parseI64(hash ? arg.subarray(1) : arg);
  if (v === null) fail(BIT_OFFSET_ERR);
  if (hash) v = BigInt.asIntN(64, v * BigInt(fieldBits));
  if (v < 0n || v >> 3n >= BigInt(c.node.config.getInt('proto-max-bulk-len'))) fail(BIT_OFFSET_ERR);
  return Number(v);
}

/** A bitmap open for writing: fresh bytes covering `maxBit`, and whether the key was created or grew. */
export interface WritableBitmap {
  key: string;
  bytes: Uint8Array;
  grew: boolean;
}

/** lookupStringForBitCommand: the string at `key`, created or zero-extended to hold bit `maxBit`. */
export function openForBits(c: Client, key: string, maxBit: number): WritableBitmap {
  const need = Math.floor(maxBit / 8) + 1;
  const o = writeKey(c, key);
  if (o === undefined) {
    const bytes = new Uint8Array(need);
    putValue(c, key, rawString(bytes, c.node.nowMs()), false);
    return { key, bytes, grew: true };
  }
  const old = asString(o).v;
  const bytes = new Uint8Array(Math.max(old.length, need));
  bytes.set(old, 0);
  putValue(c, key, rawString(bytes, c.node.nowMs()), true);
  return { key, bytes, grew: bytes.length !== old.length };
}
