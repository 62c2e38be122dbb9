/*
 * SORT / SORT_RO option parsing (the argument loop of Redis's sortCommandGeneric).
 *
 * Options come in any order and may repeat; the last ASC/DESC, LIMIT, BY and STORE win, every GET adds
 * an output column. A keyword without enough arguments after it, an unknown word, and STORE in
 * SORT_RO are all "ERR syntax error"; LIMIT's numbers must be 64-bit integers (checked offset first).
 * Parsing stops at the first error, before the sorted key is even looked up, so a bad option beats
 * WRONGTYPE.
 *
 * A BY pattern without '*' (before any NUL byte) means "don't sort": elements come in the value's own
 * order. BY and GET patterns that do substitute are refused in cluster mode, as there.
 */
import { type Bytes, lowerBin } from '../../bytes.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { parseI64 } from '../../util/parse.ts';
import { cLength, hasStar } from './pattern.ts';
import { userHasFullKeyAccess } from '../../acl/check.ts';

export interface SortOptions {
  desc: boolean;
  alpha: boolean;
  /** LIMIT offset and count as given (0 and -1 without LIMIT). */
  limitOffset: bigint;
  limitCount: bigint;
  /** BY pattern (null without BY). */
  by: Bytes | null;
  /** True when BY was given a pattern without '*': no sorting at all. */
  dontSort: boolean;
  gets: Bytes[];
  /** STORE destination (SORT only). */
  store: Bytes | null;
}

function limitNumber(b: Bytes): bigint {
  const n = parseI64(b);
  if (n === null) fail(E.notInt);
  return n;
}

function refuseInCluster(c: Client, option: string): void {
  if (c.node.config.get('cluster-enabled') === 'yes')
    fail(`ERR ${option} option of SORT denied in Cluster mode.`);
}

/** BY and GET patterns read arbitrary keys: the user needs read access to all keys (sort.c). */
function refuseWithoutFullKeyAccess(c: Client, argv: Bytes[], readonly: boolean, option: string): void {
  const cmd = c.node.commands.lookupByName(readonly ? 'sort_ro' : 'sort')!;
  if (!userHasFullKeyAccess(c.node.acl.userOf(c), cmd, argv, ['ACCESS'])) {
    fail(`ERR ${option} option of SORT denied due to insufficient ACL permissions.`);
  }
}

export function parseSortOptions(c: Client, argv: Bytes[], readonly: boolean): SortOptions {
  const o: SortOptions = {
    desc: false,
    alpha: false,
    limitOffset: 0n,
    limitCount: -1n,
    by: null,
    dontSort: false,
    gets: [],
    store: null,
  };
  for (let j = 2; j < argv.length; j++) {
    const left = argv.length - j - 1;
    // strcasecmp compares C strings: a keyword followed by a NUL byte still matches.
    const len = cLength(argv[j]!);
    const word = len <= 5 ? lowerBin(argv[j]!.subarray(0, len)) : '';
    if (word === 'asc') o.desc = false;
    else if (word === 'desc') o.desc = true;
    else if (word === 'alpha') o.alpha = true;
    else if (word === 'limit' && left >= 2) {
      o.limitOffset = limitNumber(argv[j + 1]!);
      o.limitCount = limitNumber(argv[j + 2]!);
      j += 2;
    } else if (word === 'store' && !readonly && left >= 1) {
      o.store = argv[++j]!;
    } else if (word === 'by' && left >= 1) {
      o.by = argv[++j]!;
      // Once a constant BY was seen, a later pattern BY does not bring sorting back (as in Redis).
      if (hasStar(o.by)) {
        refuseInCluster(c, 'BY');
        refuseWithoutFullKeyAccess(c, argv, readonly, 'BY');
      } else o.dontSort = true;
    } else if (word === 'get' && left >= 1) {
      refuseInCluster(c, 'GET');
      refuseWithoutFullKeyAccess(c, argv, readonly, 'GET');
      o.gets.push(argv[++j]!);
    } else {
      fail(E.syntax);
    }
  }
  return o;
}
