/*
 * Byte-range commands: APPEND, STRLEN, SETRANGE, GETRANGE and its old name SUBSTR.
 *
 * GETRANGE's index rules (Redis's getrangeCommand): both offsets negative with start > end is empty;
 * negatives count from the end; then both are clamped at 0, end is clamped to the last byte, and
 * start > end (or an empty string) gives "". SETRANGE zero-pads up to the offset and refuses a result
 * longer than proto-max-bulk-len; writing nothing never creates a key. Both APPEND to an existing key
 * and SETRANGE leave the value 'raw', as Redis's in-place sds edits do.
 */
import { EMPTY } from '../../bytes.ts';
import { bulk, int, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import { intArg } from '../../util/parse.ts';
import type { Handler } from '../types.ts';
import {
  appendBytes,
  asString,
  checkStringLength,
  keyOf,
  newString,
  putValue,
  rawString,
  readKey,
  writeKey,
} from './value.ts';

function modified(c: Client, key: string, event: string): void {
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('$', event, key, c.db);
  c.node.dirty++;
}

const append: Handler = (c, argv) => {
  const key = keyOf(argv, 1);
  const extra = argv[2]!;
  const o = writeKey(c, key);
  let total: number;
  if (o === undefined) {
    putValue(c, key, newString(extra, c.node.nowMs()), false);
    total = extra.length;
  } else {
    const old = asString(o).v;
    checkStringLength(c, old.length, extra.length);
    const v = appendBytes(old, extra);
    putValue(c, key, rawString(v, c.node.nowMs()), true);
    total = v.length;
  }
  modified(c, key, 'append');
  return int(total);
};

const strlen: Handler = (c, argv) => {
  const o = readKey(c, keyOf(argv, 1));
  return int(o === undefined ? 0 : asString(o).v.length);
};

const setrange: Handler = (c, argv) => {
  const key = keyOf(argv, 1);
  const offset = intArg(argv[2]!);
  const value = argv[3]!;
  if (offset < 0) fail('ERR offset is out of range');
  const o = writeKey(c, key);
  const old = o === undefined ? EMPTY : asString(o).v;
  if (value.length === 0) return int(old.length);
  checkStringLength(c, offset, value.length);
  const out = new Uint8Array(Math.max(old.length, offset + value.length));
  out.set(old, 0);
  out.set(value, offset);
  putValue(c, key, rawString(out, c.node.nowMs()), true);
  modified(c, key, 'setrange');
  return int(out.length);
};

/** GETRANGE's clamping; returns the [from, to) slice or null for an empty answer. */
export function rangeSlice(start: number, end: number, len: number): [number, number] | null {
  if (start < 0 && end < 0 && start > end) return null;
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= len) end = len - 1;
  if (start > end || len === 0) return null;
  return [start, end + 1];
}

const getrange: Handler = (c, argv): Reply => {
  const start = intArg(argv[2]!);
  const end = intArg(argv[3]!);
  const o = readKey(c, keyOf(argv, 1));
  if (o === undefined) return bulk(EMPTY);
  const v = asString(o).v;
  const slice = rangeSlice(start, end, v.length);
  return bulk(slice === null ? EMPTY : v.subarray(slice[0], slice[1]));
};

export const rangeHandlers: Record<string, Handler> = {
  append,
  strlen,
  setrange,
  getrange,
  substr: getrange,
};
