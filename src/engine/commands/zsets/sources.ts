/*
 * Inputs of ZUNION / ZINTER / ZDIFF and their STORE forms (Redis's zsetopsrc / zui* iterators): a
 * sorted set, or a plain set whose members all count with score 1, or a missing key (empty). Set
 * members stored as integers (intset encoding) come out as their decimal text, as zuiNewSdsFromValue
 * makes them.
 */
import { bin, type Bytes, unbin } from '../../bytes.ts';
import type { RValue } from '../../server/object.ts';
import type { ZSetValue } from './zset.ts';

export interface OpSource {
  /** The stored value itself (to recognise the same key given twice), undefined when missing. */
  subject: RValue | undefined;
  size: number;
  weight: number;
  /** Visits every member with its score (binary-string key, bytes, score). */
  forEach(visit: (key: string, ele: Bytes, score: number) => void): void;
  /** The member's score, undefined when absent. */
  find(key: string): number | undefined;
}

function fromZset(z: ZSetValue): OpSource {
  return {
    subject: z,
    size: z.size,
    weight: 1,
    forEach(visit) {
      for (const e of z.entries()) visit(bin(e.ele), e.ele, e.score);
    },
    find: (key) => z.score(key),
  };
}

function fromSet(v: RValue & { type: 'set' }): OpSource {
  if (v.ints) {
    const ints = v.ints;
    return {
      subject: v,
      size: ints.size,
      weight: 1,
      forEach(visit) {
        for (const n of ints) {
          const s = n.toString();
          visit(s, unbin(s), 1);
        }
      },
      find(key) {
        if (!/^-?[0-9]{1,20}$/.test(key)) return undefined;
        try {
          return ints.has(BigInt(key)) && BigInt(key).toString() === key ? 1 : undefined;
        } catch {
          return undefined;
        }
      },
    };
  }
  const table = v.table!;
  return {
    subject: v,
    size: table.size,
    weight: 1,
    forEach(visit) {
      for (const k of table.keys()) visit(k, unbin(k), 1);
    },
    find: (key) => (table.has(key) ? 1 : undefined),
  };
}

const EMPTY_SOURCE = (): OpSource => ({
  subject: undefined,
  size: 0,
  weight: 1,
  forEach: () => undefined,
  find: () => undefined,
});

/** The source for a looked-up value; the caller has checked it is a zset or a set. */
export function opSource(v: RValue | undefined): OpSource {
  if (v === undefined) return EMPTY_SOURCE();
  if (v.type === 'zset') return fromZset(v);
  if (v.type === 'set') return fromSet(v);
  throw new Error('opSource: not a set or sorted set');
}
