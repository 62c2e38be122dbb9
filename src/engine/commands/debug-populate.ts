/*
 * DEBUG POPULATE count [prefix] [size]: fills the current db with string keys "<prefix>:<n>" (prefix
 * "key" by default) whose values are "value:<n>", or exactly `size` bytes when a size is given (the
 * text cut to size, or padded with zero bytes). Keys that already exist are left alone. As in Redis it
 * neither counts as a change (dirty) nor sends keyspace events: it is a test and benchmark helper.
 * Key names are built in a 128-byte buffer in Redis, so a long prefix is cut to 127 bytes.
 */
import { type Bytes, bin, utf8 } from '../bytes.ts';
import { fail } from '../server/errors.ts';
import { OK, type Reply } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { parseI64Num } from '../util/parse.ts';
import { plainString } from './strings/value.ts';

/** getPositiveLongFromObjectOrReply without a message: one error for non-numbers and negatives. */
function positive(b: Bytes): number {
  const n = parseI64Num(b);
  if (n === null || n < 0) fail('ERR value is out of range, must be positive');
  return n;
}

export function debugPopulate(c: Client, argv: Bytes[]): Reply {
  const count = positive(argv[2]!);
  const size = argv.length === 5 ? positive(argv[4]!) : 0;
  const rawPrefix = argv.length >= 4 ? bin(argv[3]!) : 'key';
  const nul = rawPrefix.indexOf('\0');
  const prefix = nul >= 0 ? rawPrefix.slice(0, nul) : rawPrefix;
  const db = c.db;
  const now = c.node.nowMs();
  for (let j = 0; j < count; j++) {
    const key = `${prefix}:${j}`.slice(0, 127);
    if (db.lookupWrite(key) !== undefined) continue;
    const text = utf8(`value:${j}`);
    let value = text;
    if (size > 0) {
      value = new Uint8Array(size);
      value.set(text.subarray(0, Math.min(size, text.length)));
    }
    db.set(key, plainString(value, now));
    c.node.signalModifiedKey(db, key);
  }
  return OK;
}
