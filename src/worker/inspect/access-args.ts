/*
 * The range arguments of the sorted-set range commands, read back after the command succeeded (so
 * they are known to be well formed): which kind of range, its two bounds in min..max order (REV forms
 * take max first), whether it walks backwards, and whether it only counts (ZCOUNT, ZLEXCOUNT).
 */
import { bin, type Bytes, eqIgnoreCase } from '../../engine/bytes.ts';

export interface RangeArgs {
  by: 'rank' | 'score' | 'lex';
  rev: boolean;
  count: boolean;
  /** Rank ranges: the start and stop indexes as given. */
  start: number;
  end: number;
  /** Score and lex ranges: the bounds as typed ("(1", "-inf", "[a", "+"). */
  min: Bytes;
  max: Bytes;
}

const EMPTY = new Uint8Array(0);

function rank(a: Bytes, b: Bytes, rev: boolean): RangeArgs {
  return {
    by: 'rank',
    rev,
    count: false,
    start: Number(bin(a)),
    end: Number(bin(b)),
    min: EMPTY,
    max: EMPTY,
  };
}

function bounds(by: 'score' | 'lex', lo: Bytes, hi: Bytes, rev: boolean, count = false): RangeArgs {
  return { by, rev, count, start: 0, end: 0, min: lo, max: hi };
}

/** ZRANGE / ZRANGESTORE: a b [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]. */
function zrange(argv: readonly Bytes[], at: number): RangeArgs {
  const opts = argv.slice(at + 2);
  const has = (w: string): boolean => opts.some((o) => eqIgnoreCase(o, w));
  const rev = has('rev');
  const [a, b] = [argv[at]!, argv[at + 1]!];
  const by = has('byscore') ? 'score' : has('bylex') ? 'lex' : 'rank';
  if (by === 'rank') return rank(a, b, rev);
  return rev ? bounds(by, b, a, true) : bounds(by, a, b, false);
}

/** The range of a range command, or null for any other command. */
export function parseRangeArgs(name: string, argv: readonly Bytes[]): RangeArgs | null {
  const [a, b] = [argv[2]!, argv[3]!];
  switch (name) {
    case 'zrange':
      return zrange(argv, 2);
    case 'zrangestore':
      return zrange(argv, 3);
    case 'zrevrange':
      return rank(a, b, true);
    case 'zrangebyscore':
      return bounds('score', a, b, false);
    case 'zrevrangebyscore':
      return bounds('score', b, a, true);
    case 'zrangebylex':
      return bounds('lex', a, b, false);
    case 'zrevrangebylex':
      return bounds('lex', b, a, true);
    case 'zcount':
      return bounds('score', a, b, false, true);
    case 'zlexcount':
      return bounds('lex', a, b, false, true);
    default:
      return null;
  }
}
