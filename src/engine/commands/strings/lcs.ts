/*
 * LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN]: longest common subsequence of two strings.
 *
 * Algorithm (the textbook dynamic program, as Redis 7.0 runs it): table[i][j] is the LCS length of
 * a[0..i) and b[0..j), filled row by row. The subsequence is then recovered walking back from
 * (alen, blen): equal bytes are taken diagonally; otherwise we step up when table[i-1][j] is strictly
 * larger, else left. That tie-break decides which of several equally long answers is returned, so it
 * must stay exactly this. While walking, runs of diagonal steps that are contiguous in both strings are
 * grouped into ranges; IDX reports them from the end of the strings towards the start, dropping those
 * shorter than MINMATCHLEN.
 *
 * Memory: the table holds (alen+1)*(blen+1) 32-bit cells; Redis refuses the command when that exceeds
 * proto-max-bulk-len bytes, and so do we. Missing keys count as empty strings.
 */
import { type Bytes, EMPTY, lowerBin } from '../../bytes.ts';
import { arr, bulk, bulkStr, int, map, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { intArg } from '../../util/parse.ts';
import type { Handler } from '../types.ts';
import { keyOf, readKey } from './value.ts';

interface LcsOptions {
  len: boolean;
  idx: boolean;
  withMatchLen: boolean;
  minMatchLen: number;
}

function parseLcsOptions(argv: Bytes[]): LcsOptions {
  const o: LcsOptions = { len: false, idx: false, withMatchLen: false, minMatchLen: 0 };
  for (let j = 3; j < argv.length; j++) {
    const opt = lowerBin(argv[j]!);
    if (opt === 'idx') o.idx = true;
    else if (opt === 'len') o.len = true;
    else if (opt === 'withmatchlen') o.withMatchLen = true;
    else if (opt === 'minmatchlen' && j < argv.length - 1) {
      o.minMatchLen = Math.max(0, intArg(argv[++j]!));
    } else fail(E.syntax);
  }
  if (o.len && o.idx) fail('ERR If you want both the length and indexes, please just use IDX.');
  return o;
}

function stringOrEmpty(c: Client, key: string): Bytes | null {
  const v = readKey(c, key);
  if (v === undefined) return EMPTY;
  return v.type === 'string' ? v.v : null;
}

/** The LCS length table, row-major with blen+1 columns. */
function lcsTable(a: Bytes, b: Bytes): Uint32Array {
  const cols = b.length + 1;
  const t = new Uint32Array((a.length + 1) * cols);
  for (let i = 1; i <= a.length; i++) {
    const row = i * cols;
    const prev = row - cols;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      if (ai === b[j - 1]) t[row + j] = t[prev + j - 1]! + 1;
      else t[row + j] = Math.max(t[prev + j]!, t[row + j - 1]!);
    }
  }
  return t;
}

interface Walk {
  lcs: Uint8Array;
  ranges: Reply[];
}

/** Walks back through the table collecting the subsequence and (for IDX) the matching ranges. */
function walkBack(a: Bytes, b: Bytes, t: Uint32Array, o: LcsOptions): Walk {
  const cols = b.length + 1;
  let idx = t[a.length * cols + b.length]!;
  const lcs = new Uint8Array(idx);
  const ranges: Reply[] = [];
  const unset = a.length;
  let aStart = unset;
  let aEnd = 0;
  let bStart = 0;
  let bEnd = 0;
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    let emit = false;
    if (a[i - 1] === b[j - 1]) {
      lcs[idx - 1] = a[i - 1]!;
      if (aStart === unset) {
        aStart = aEnd = i - 1;
        bStart = bEnd = j - 1;
      } else if (aStart === i && bStart === j) {
        aStart--;
        bStart--;
      } else {
        emit = true;
      }
      if (aStart === 0 || bStart === 0) emit = true;
      idx--;
      i--;
      j--;
    } else {
      if (t[(i - 1) * cols + j]! > t[i * cols + j - 1]!) i--;
      else j--;
      if (aStart !== unset) emit = true;
    }
    if (emit) {
      const matchLen = aEnd - aStart + 1;
      if (o.minMatchLen === 0 || matchLen >= o.minMatchLen) {
        const range = [arr([int(aStart), int(aEnd)]), arr([int(bStart), int(bEnd)])];
        if (o.withMatchLen) range.push(int(matchLen));
        ranges.push(arr(range));
      }
      aStart = unset;
    }
  }
  return { lcs, ranges };
}

const lcs: Handler = (c, argv) => {
  const a = stringOrEmpty(c, keyOf(argv, 1));
  const b = stringOrEmpty(c, keyOf(argv, 2));
  if (a === null || b === null) fail('ERR The specified keys must contain string values');
  const o = parseLcsOptions(argv);
  const cells = (a.length + 1) * (b.length + 1);
  if (cells * 4 > c.node.config.getInt('proto-max-bulk-len')) {
    fail('ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len');
  }
  const t = lcsTable(a, b);
  const total = t[cells - 1]!;
  if (o.len && !o.idx) return int(total);
  const walk = walkBack(a, b, t, o);
  if (!o.idx) return bulk(walk.lcs);
  return map([
    [bulkStr('matches'), arr(walk.ranges)],
    [bulkStr('len'), int(total)],
  ]);
};

export const lcsHandlers: Record<string, Handler> = { lcs };
