/*
 * DEBUG DIGEST and DEBUG DIGEST-VALUE: SHA-1 fingerprints of the dataset and of single values, computed
 * exactly as Redis's debug.c does so the 40-hex-digit answers are identical to a real server's.
 *
 * Two combining steps over a 20-byte accumulator D:
 *   xor(D, data):  D ^= SHA1(data)              order-free: used for set-like collections
 *   mix(D, data):  D  = SHA1(D ^ SHA1(data))    order-sensitive: used for sequences
 * A value's digest mixes its type number (4 bytes big-endian: string 0, list 1, set 2, zset 3, hash 4,
 * stream 6), then its content: a string's bytes; each list element in order; each set member xored;
 * for hashes (and zsets) a per-element digest (mix field, mix value / mix member, mix "%.17g" score)
 * xored in; finally xor("!!expire!!") when the key has a deadline. The dataset digest, per non-empty DB,
 * mixes the DB number into the result and xors in, per key, mix(key) followed by the value digest.
 * Keys are read straight from the dictionary (no lazy expiry), as Redis does for this debug command.
 *
 * Types whose modules are still being written register their content digest in `contentDigesters`
 * (stream: ids as "ms.seq", then each field and value, all mixed); a type with no digester contributes only its type number and expire mark.
 */
import { type Bytes, unbin, utf8 } from '../bytes.ts';
import { sha1, toHex } from '../ds/sha1.ts';
import type { Database } from '../server/db.ts';
import type { RValue } from '../server/object.ts';
import { formatG } from '../util/numfmt.ts';
import { MAX_ID, MIN_ID } from './streams/id.ts';
import { streamIterate } from './streams/ops.ts';

export type Digest = Uint8Array;

const TYPE_NUMBERS: Record<string, number> = { string: 0, list: 1, set: 2, zset: 3, hash: 4, stream: 6 };
const EXPIRE_MARK = utf8('!!expire!!');

export function xorDigest(d: Digest, data: Bytes): void {
  const h = sha1(data);
  for (let i = 0; i < 20; i++) d[i] = d[i]! ^ h[i]!;
}

export function mixDigest(d: Digest, data: Bytes): void {
  xorDigest(d, data);
  d.set(sha1(d));
}

/** Adds a value's content (after its type number) to `d`; one per type not handled below. */
export type ContentDigester = (d: Digest, v: RValue) => void;
export const contentDigesters: Partial<Record<string, ContentDigester>> = {};

function uint32BigEndian(n: number): Bytes {
  return new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

function digestContent(d: Digest, v: RValue): void {
  switch (v.type) {
    case 'string':
      mixDigest(d, v.v);
      return;
    case 'list':
      for (const ele of v.ql) mixDigest(d, ele);
      return;
    case 'set':
      if (v.ints) for (const n of v.ints) xorDigest(d, utf8(n.toString()));
      if (v.table) for (const member of v.table.keys()) xorDigest(d, unbin(member));
      return;
    case 'hash':
      for (const [field, value] of v.fields.entries()) {
        const ele = new Uint8Array(20);
        mixDigest(ele, unbin(field));
        mixDigest(ele, value);
        xorDigest(d, ele);
      }
      return;
    case 'zset':
      for (const { ele, score } of v.entries()) {
        const one = new Uint8Array(20);
        mixDigest(one, ele);
        mixDigest(one, utf8(formatG(score, 17)));
        xorDigest(d, one);
      }
      return;
    case 'stream':
      streamIterate(v, MIN_ID, MAX_ID, false, (id, fv) => {
        mixDigest(d, utf8(`${id.ms}.${id.seq}`));
        for (const b of fv) mixDigest(d, b);
      });
      return;
    default:
      contentDigesters[(v as { type: string }).type]?.(d, v);
  }
}

/** xorObjectDigest: the value's own digest folded into `d` (which the caller may have seeded). */
export function valueDigest(db: Database, key: string, v: RValue, d: Digest = new Uint8Array(20)): Digest {
  mixDigest(d, uint32BigEndian(TYPE_NUMBERS[v.type] ?? 0));
  digestContent(d, v);
  if (db.expires.has(key)) xorDigest(d, EXPIRE_MARK);
  return d;
}

/** DEBUG DIGEST-VALUE for one key: 40 zeros when the key is absent. */
export function keyDigestHex(db: Database, key: string): string {
  const v = db.dict.get(key);
  return toHex(v === undefined ? new Uint8Array(20) : valueDigest(db, key, v));
}

/** DEBUG DIGEST: the whole dataset, 40 zeros when every DB is empty. */
export function datasetDigestHex(dbs: readonly Database[]): string {
  const total = new Uint8Array(20);
  for (const db of dbs) {
    if (db.dict.size === 0) continue;
    mixDigest(total, uint32BigEndian(db.id));
    for (const [key, v] of db.dict) {
      const d = new Uint8Array(20);
      mixDigest(d, unbin(key));
      xorDigest(total, valueDigest(db, key, v, d));
    }
  }
  return toHex(total);
}
