/*
 * The parts of Redis's scanGenericCommand that HSCAN, SSCAN (and ZSCAN) share: option parsing and the
 * reply. The order of checks is Redis's: the cursor is parsed before the key is looked up ("ERR invalid
 * cursor" even for a missing key), the options only after it, so a missing key answers an empty page
 * whatever options follow. TYPE is a keyspace-only option: here it is a syntax error.
 *
 * Compact encodings (listpack, intset) answer everything in one call with cursor 0; hash-table
 * encodings walk a HashTable cursor (see ds/hashtable.ts). MATCH filters after collecting, so a page
 * may be empty with a non-zero cursor, as in Redis; for field/value pairs only the field is matched
 * and a filtered field takes its value with it.
 */
import { bin, eqIgnoreCase, type Bytes } from '../../bytes.ts';
import { arr, bulkStr, type Reply } from '../../resp/reply.ts';
import { E, fail } from '../../server/errors.ts';
import { globMatchBin } from '../../util/glob.ts';
import { parseI64Num } from '../../util/parse.ts';

export { parseScanCursor } from '../keys-scan.ts';

export interface CollectionScanOptions {
  count: number;
  /** Binary-string glob, or undefined when there is no MATCH or it is exactly "*". */
  pattern: string | undefined;
}

export function parseCollectionScanOptions(argv: Bytes[], start: number): CollectionScanOptions {
  const o: CollectionScanOptions = { count: 10, pattern: undefined };
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
    } else {
      fail(E.syntax);
    }
  }
  return o;
}

/** Whether an element (binary string) passes MATCH. */
export function scanMatches(o: CollectionScanOptions, element: string): boolean {
  return o.pattern === undefined || globMatchBin(o.pattern, element);
}

/** The two-element SCAN reply: cursor as a bulk string, then the elements. */
export function scanReply(cursor: bigint, items: Reply[]): Reply {
  return arr([bulkStr(cursor.toString()), arr(items)]);
}

/** What a missing key answers (shared.emptyscan). */
export const EMPTY_SCAN: Reply = arr([bulkStr('0'), arr([])]);
