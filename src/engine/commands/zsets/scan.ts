/*
 * ZSCAN key cursor [MATCH pattern] [COUNT count] (scanGenericCommand for sorted sets).
 *
 * The cursor is parsed before the key is looked up; options after (a missing key answers an empty
 * page whatever follows). A listpack-encoded set answers every member in one page with cursor 0; a
 * skiplist-encoded one walks its member table with the cursor scheme of ds/hashtable.ts (every member
 * present for the whole walk is returned exactly once; Redis: at least once). MATCH filters after
 * collecting, so a page may be empty with a non-zero cursor.
 *
 * Scores are text here, not doubles, and their form depends on the encoding as in Redis: listpack
 * entries hold integral scores (within +-2^62) as integers ("100000000000000000" for 1e17), others as
 * "%.17g"; the skiplist side prints every score with "%.17g" ("1e+17").
 */
import { bin, type Bytes, eqIgnoreCase } from '../../bytes.ts';
import { arr, bulk, bulkStr, type Reply } from '../../resp/reply.ts';
import { E, fail } from '../../server/errors.ts';
import { globMatchBin } from '../../util/glob.ts';
import { formatG } from '../../util/numfmt.ts';
import { parseI64Num } from '../../util/parse.ts';
import { parseScanCursor } from '../keys-scan.ts';
import type { Handler } from '../types.ts';
import { readZset } from './access.ts';
import type { ZEntry } from './zset.ts';

/** (double)(LLONG_MAX / 2), the bound double2ll checks: 2^62 once rounded to a double. */
const LL_HALF = 2 ** 62;

/** d2string: the text a listpack keeps for a score. */
export function listpackScoreText(score: number): string {
  if (Number.isInteger(score) && score >= -LL_HALF && score <= LL_HALF) return BigInt(score).toString();
  return formatG(score);
}

interface Options {
  count: number;
  pattern: string | undefined;
}

function parseOptions(argv: Bytes[], start: number): Options {
  const o: Options = { count: 10, pattern: undefined };
  for (let i = start; i < argv.length; i += 2) {
    const more = argv.length - i >= 2;
    if (eqIgnoreCase(argv[i]!, 'count') && more) {
      const n = parseI64Num(argv[i + 1]!);
      if (n === null) fail(E.notInt);
      if (n < 1) fail(E.syntax);
      o.count = n;
    } else if (eqIgnoreCase(argv[i]!, 'match') && more) {
      const p = bin(argv[i + 1]!);
      o.pattern = p === '*' ? undefined : p;
    } else {
      fail(E.syntax);
    }
  }
  return o;
}

function pageReply(cursor: bigint, entries: ZEntry[], o: Options, text: (s: number) => string): Reply {
  const items: Reply[] = [];
  for (const e of entries) {
    if (o.pattern !== undefined && !globMatchBin(o.pattern, bin(e.ele))) continue;
    items.push(bulk(e.ele), bulkStr(text(e.score)));
  }
  return arr([bulkStr(cursor.toString()), arr(items)]);
}

const zscan: Handler = (c, argv) => {
  const cursor = parseScanCursor(argv[2]!);
  const z = readZset(c, bin(argv[1]!));
  if (z === undefined) return arr([bulkStr('0'), arr([])]);
  const o = parseOptions(argv, 3);
  if (z.enc === 'listpack') return pageReply(0n, [...z.entries()], o, listpackScoreText);
  const page = z.scanPage(cursor, o.count);
  return pageReply(page.next, page.members, o, formatG);
};

export const scanHandlers: Record<string, Handler> = { zscan };
