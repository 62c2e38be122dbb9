/*
 * Byte sizes of stored values as Redis 7.0 (x86_64, jemalloc 5.3) allocates them: the figures MEMORY
 * USAGE reports (objectComputeSize) and the ones used_memory accounting adds up.
 *
 * Model, checked against a real redis-server 7.0.15:
 *   - Every allocation is rounded up to a jemalloc size class (zmalloc_size): 8, 16, then steps of 16
 *     to 128, then four classes per doubling (160, 192, 224, 256, 320, ...).
 *   - An sds string has a header by length: 1 byte below 32 (sdshdr5), 3 below 256, 5 below 64 KiB,
 *     else 9; plus the bytes and a terminating NUL.
 *   - robj is 16 bytes. embstr strings (<= 44 bytes) are one allocation robj+sdshdr8+len+1; raw ones
 *     are robj + a separate sds; int-encoded ones are just the robj.
 *   - Listpacks are 6 header bytes + entries + 1 end byte (entry sizes from ds/quicklist.ts).
 *   - dict: 56 bytes + 8 per bucket (buckets = the smallest power of two >= entries, at least 4) +
 *     a dictEntry of 24 bytes per entry (MEMORY USAGE counts sizeof = 24; the allocator really uses 32,
 *     which used_memory accounting adds through `alloc`).
 *   - quicklist: 40 + per node 40 + its listpack; skiplist zset: zset 16 + zskiplist 32 + dict + a
 *     header node of 640 + per element its sds, a dictEntry and a node of 24 + 16 per level (we use
 *     the expected size of a level drawn with p = 1/4); streams: 80 + rax estimate + listpacks.
 *
 * Aggregates are sampled as Redis does: `samples` elements (nodes for lists) are measured and their
 * average multiplied by the count; samples = Infinity measures everything.
 */
import { type Bytes, utf8 } from '../bytes.ts';
import { listpackEntrySize } from '../ds/quicklist.ts';
import { formatG } from '../util/numfmt.ts';
import type { RValue } from './object.ts';
import type { ZSetValue } from '../commands/zsets/zset.ts';
import type { StreamValue } from '../commands/streams/model.ts';

/** jemalloc's usable size for a request of n bytes (small and large classes alike). */
export function jemallocSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return Math.ceil(n / 16) * 16;
  // Four classes per doubling: the spacing is a quarter of the power of two below n.
  const pow = 2 ** Math.floor(Math.log2(n - 1));
  const step = pow / 4;
  return Math.ceil(n / step) * step;
}

export function sdsHeader(len: number): number {
  return len < 32 ? 1 : len < 256 ? 3 : len < 65536 ? 5 : 9;
}

/** sdsZmallocSize of a freshly created sds of `len` bytes. */
export function sdsSize(len: number): number {
  return jemallocSize(sdsHeader(len) + len + 1);
}

const ROBJ = 16;
const DICT = 56;
const DICT_ENTRY = 24;
const QUICKLIST = 40;
const QUICKLIST_NODE = 40;
const ZSET_HEAD = 16 + 32 + 640;
/** Expected jemalloc size of a skiplist node of 24 + 16*level bytes with P(level > k) = 4^-k. */
const ZSKIPLIST_NODE_EXPECTED = 0.75 * 48 + 0.1875 * 64 + 0.046875 * 80 + 0.015625 * 96;

/** Buckets of a Redis dict holding n entries (it doubles when full, starting at 4). */
export function dictBuckets(n: number): number {
  if (n === 0) return 0;
  let size = 4;
  while (size < n) size *= 2;
  return size;
}

function dictSize(n: number): number {
  return DICT + 8 * dictBuckets(n);
}

/** Extra bytes per dict entry that the allocator uses beyond sizeof(dictEntry). */
const ENTRY_SLACK = 8;

/** Bytes a string value takes. */
export function stringSize(enc: 'int' | 'embstr' | 'raw', len: number): number {
  if (enc === 'int') return ROBJ;
  if (enc === 'embstr') return jemallocSize(ROBJ + 3 + len + 1);
  return ROBJ + sdsSize(len);
}

/** Averages a per-element measure over up to `samples` elements, scaled to `count`. */
function sampled<T>(items: Iterable<T>, count: number, samples: number, measure: (x: T) => number): number {
  if (count === 0) return 0;
  let total = 0;
  let seen = 0;
  for (const x of items) {
    total += measure(x);
    if (++seen >= samples) break;
  }
  return seen === 0 ? 0 : (total / seen) * count;
}

function listpackBytes(entries: Iterable<Bytes>): number {
  let n = 7;
  for (const e of entries) n += listpackEntrySize(e);
  return n;
}

function scoreBytes(score: number): Bytes {
  return utf8(formatG(score));
}

/**
 * objectComputeSize: bytes of `v` (without its key). `alloc` adds what sizeof-based figures leave out
 * (dictEntry rounding) so the sum tracks used_memory rather than MEMORY USAGE.
 */
export function valueSize(v: RValue, samples: number, alloc = false): number {
  const slack = alloc ? ENTRY_SLACK : 0;
  switch (v.type) {
    case 'string':
      return stringSize(v.enc, v.v.length);
    case 'list': {
      const nodes = v.ql.nodes;
      // sizeof(quicklist) and sizeof(quicklistNode) are 40, which the allocator rounds up to 48.
      const nodeBytes = alloc ? jemallocSize(QUICKLIST_NODE) : QUICKLIST_NODE;
      const per = sampled(nodes, nodes.length, samples, (n) => nodeBytes + jemallocSize(n.sz));
      return ROBJ + (alloc ? jemallocSize(QUICKLIST) : QUICKLIST) + per;
    }
    case 'hash':
      if (v.enc === 'listpack') {
        let n = 7;
        for (const [f, val] of v.fields.entries())
          n += listpackEntrySize(binBytes(f)) + listpackEntrySize(val);
        return ROBJ + jemallocSize(n);
      }
      return (
        ROBJ +
        dictSize(v.fields.size) +
        sampled(v.fields.entries(), v.fields.size, samples, ([f, val]) => {
          return DICT_ENTRY + slack + sdsSize(f.length) + sdsSize(val.length);
        })
      );
    case 'set':
      if (v.ints) return ROBJ + jemallocSize(8 + v.ints.width * v.ints.size);
      return (
        ROBJ +
        dictSize(v.table!.size) +
        sampled(v.table!.keys(), v.table!.size, samples, (m) => DICT_ENTRY + slack + sdsSize(m.length))
      );
    case 'zset':
      return zsetSize(v, samples, slack);
    case 'stream':
      return streamSize(v);
  }
}

function binBytes(s: string): Bytes {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

function zsetSize(z: ZSetValue, samples: number, slack: number): number {
  const entries: Bytes[] = [];
  if (z.enc === 'listpack') {
    z.walk(0, false, (e) => {
      entries.push(e.ele, scoreBytes(e.score));
      return true;
    });
    return ROBJ + jemallocSize(listpackBytes(entries));
  }
  let total = 0;
  let seen = 0;
  z.walk(0, false, (e) => {
    total += sdsSize(e.ele.length) + DICT_ENTRY + slack + ZSKIPLIST_NODE_EXPECTED;
    return ++seen < samples;
  });
  const per = seen ? (total / seen) * z.size : 0;
  return ROBJ + ZSET_HEAD + dictSize(z.size) + per;
}

/** Stream: struct, the rax of nodes (Redis's rough 16 + 244 per rax node), and the listpacks. */
function streamSize(s: StreamValue): number {
  let size = ROBJ + 80;
  const nodes = s.nodes.size;
  size += nodes * 16 + (nodes + 1) * 244;
  let last = 0;
  s.nodes.forEach((_id, node) => {
    last = node.lpBytes();
    size += jemallocSize(last);
  });
  // The newest node was allocated with stream-node-max-bytes of room (4096 by default).
  if (nodes > 0 && last < 4096) size += 4096 - jemallocSize(last);
  if (s.groups) size += s.groups.size * 1024;
  return Math.round(size);
}

/** Bytes a key costs beyond its value, as MEMORY USAGE counts them: its sds and the dictEntry. */
export function keyOverhead(keyLen: number): number {
  return sdsSize(keyLen) + DICT_ENTRY;
}
