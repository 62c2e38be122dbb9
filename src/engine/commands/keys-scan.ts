/*
 * SCAN cursor [MATCH pattern] [COUNT count] [TYPE type] (Redis's scanGenericCommand for the keyspace).
 *
 * The cursor addresses the database's ScanIndex (see ds/scan-index.ts). Its low 32 bits are the
 * sequence to resume from, its high 32 bits the index's horizon when the walk began (cursor 0): keys
 * added after that are not owed and not visited, so a walk always ends. Every call answers the sequence
 * of the key after the last one collected, or 0 when none is left. A key present for the whole walk is
 * therefore returned exactly once, whatever is inserted or deleted meanwhile. (After 2^32 insertions
 * into one database the horizon no longer fits and cursors become plain sequences without a limit.)
 *
 * COUNT keys are collected first and filtered afterwards (MATCH, then TYPE, then expiry), as Redis
 * does, so a filtered call may answer fewer keys, even none, with a non-zero cursor.
 *
 * Cursor syntax follows strtoul() as Redis 7.0 uses it: optional sign, decimal digits, nothing after;
 * a leading space or an overflow past 2^64-1 is "invalid cursor"; the empty string is cursor 0 and a
 * negative number wraps around (to a huge cursor, which simply ends the walk).
 */
import { bin, eqIgnoreCase, lowerBin, type Bytes } from '../bytes.ts';
import { arr, bulkBin, bulkStr, type Reply } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { E, fail } from '../server/errors.ts';
import { globMatchBin } from '../util/glob.ts';
import { parseI64Num } from '../util/parse.ts';
import { readKey, typeName } from './keys-lookup.ts';
import type { Handler } from './types.ts';

const U64_MAX = 18446744073709551615n;

/** parseScanCursorOrReply: the cursor as an unsigned 64-bit value, or "ERR invalid cursor". */
export function parseScanCursor(b: Bytes): bigint {
  let s = bin(b);
  const nul = s.indexOf('\0');
  if (nul >= 0) s = s.slice(0, nul);
  if (s === '') return 0n;
  const m = /^([+-]?)([0-9]+)$/.exec(s);
  if (m === null) fail('ERR invalid cursor');
  const v = BigInt(m[2]!);
  if (v > U64_MAX) fail('ERR invalid cursor');
  return m[1] === '-' && v !== 0n ? U64_MAX + 1n - v : v;
}

interface ScanOptions {
  count: number;
  /** Binary-string glob, or undefined for "*" / no MATCH. */
  pattern: string | undefined;
  /** Lowercased type name to keep, or undefined. */
  type: string | undefined;
}

function parseScanOptions(argv: Bytes[], start: number): ScanOptions {
  const o: ScanOptions = { count: 10, pattern: undefined, type: undefined };
  for (let i = start; i < argv.length; i += 2) {
    const more = argv.length - i >= 2;
    const opt = argv[i]!;
    if (eqIgnoreCase(opt, 'count') && more) {
      const n = parseI64Num(argv[i + 1]!);
      if (n === null) fail(E.notInt);
      if (n < 1) fail(E.syntax);
      o.count = n;
    } else if (eqIgnoreCase(opt, 'match') && more) {
      const p = bin(argv[i + 1]!);
      o.pattern = p === '*' ? undefined : p;
    } else if (eqIgnoreCase(opt, 'type') && more) {
      o.type = lowerBin(argv[i + 1]!);
    } else {
      fail(E.syntax);
    }
  }
  return o;
}

/** Applies MATCH, TYPE and lazy expiry to the collected keys, in Redis's order. */
function filterKeys(c: Client, keys: string[], o: ScanOptions): Reply[] {
  const out: Reply[] = [];
  for (const key of keys) {
    if (o.pattern !== undefined && !globMatchBin(o.pattern, key)) continue;
    if (o.type !== undefined && typeOf(c, key) !== o.type) continue;
    if (c.db.expireIfNeeded(key)) continue;
    out.push(bulkBin(key));
  }
  return out;
}

function typeOf(c: Client, key: string): string {
  return typeName(readKey(c, key, { noTouch: true }));
}

const LOW_BITS = 32n;
const LOW_MASK = (1n << LOW_BITS) - 1n;
const LOW_MAX = 2 ** 32;

/** The [from, limit) range of sequences a cursor asks for. */
function decodeCursor(cursor: bigint, horizon: number): { from: number; limit: number } {
  if (cursor === 0n) return { from: 0, limit: horizon < LOW_MAX ? horizon : Infinity };
  if (horizon >= LOW_MAX) {
    return { from: cursor > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(cursor), limit: Infinity };
  }
  return { from: Number(cursor & LOW_MASK), limit: Number(cursor >> LOW_BITS) };
}

function encodeCursor(next: number, limit: number): string {
  if (next === 0) return '0';
  if (limit === Infinity) return String(next);
  return ((BigInt(limit) << LOW_BITS) | BigInt(next)).toString();
}

export const scanHandlers: Record<string, Handler> = {
  scan(c, argv) {
    const cursor = parseScanCursor(argv[1]!);
    const o = parseScanOptions(argv, 2);
    const { from, limit } = decodeCursor(cursor, c.db.keyIndex.horizon);
    const page = c.db.keyIndex.scan(from, o.count, limit);
    return arr([bulkStr(encodeCursor(page.next, limit)), arr(filterKeys(c, page.keys, o))]);
  },
};
