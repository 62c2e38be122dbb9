/*
 * The keyspace browser's snapshot: one row per key of a database (type, encoding, deadline, length,
 * a rough size), filtered by glob pattern and type, capped at `limit` rows with the true counts
 * alongside.
 *
 * A snapshot observes without side effects: it reads the dictionaries directly, so it neither expires
 * keys lazily (a key past its deadline is simply left out, as no reader would see it) nor touches
 * access times (OBJECT IDLETIME stays what the user's commands made it).
 *
 * Sizes are estimates, not MEMORY USAGE: payload bytes plus a fixed per-element overhead, summed over
 * at most SAMPLE elements and scaled up to the whole value (as MEMORY USAGE's SAMPLES does), so a
 * 100,000-member zset costs as much to size as a small one.
 */
import { unbin } from '../../engine/bytes.ts';
import { MAX_ID, MIN_ID } from '../../engine/commands/streams/id.ts';
import type { StreamValue } from '../../engine/commands/streams/model.ts';
import { payloadBytes, streamRange } from '../../engine/commands/streams/ops.ts';
import type { RValue } from '../../engine/server/object.ts';
import type { Database } from '../../engine/server/db.ts';
import { globMatchBin } from '../../engine/util/glob.ts';
import type { KeyRow, KeyspaceQuery, KeyType } from '../../protocol/inspect.ts';

export const DEFAULT_ROWS = 500;
export const MAX_ROWS = 5000;
const SAMPLE = 64;
/** Per-key overhead: dict entry + robj header, roughly. */
const KEY_OVERHEAD = 56;
const ELEMENT_OVERHEAD = 16;

export interface KeyspaceRows {
  dbSize: number;
  matched: number;
  rows: KeyRow[];
}

/** Rows of `db` matching the query, sorted by key (byte order), at most `limit`. */
export function keyspaceRows(db: Database, q: KeyspaceQuery, nowMs: number): KeyspaceRows {
  const limit = clampLimit(q.limit);
  const pattern = q.pattern && q.pattern !== '*' ? q.pattern : null;
  const keys: string[] = [];
  let live = 0;
  for (const [key, v] of db.dict) {
    if (isExpired(db, key, nowMs)) continue;
    live++;
    if (q.type && v.type !== q.type) continue;
    if (pattern !== null && !globMatchBin(pattern, key)) continue;
    keys.push(key);
  }
  keys.sort(compareBin);
  const rows = keys.slice(0, limit).map((key) => keyRow(db, key, db.dict.get(key)!));
  return { dbSize: live, matched: keys.length, rows };
}

function clampLimit(limit: number | undefined): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 1) return DEFAULT_ROWS;
  return Math.min(Math.floor(limit), MAX_ROWS);
}

/** Past its deadline: Redis's keyIsExpired (strictly after). */
export function isExpired(db: Database, key: string, nowMs: number): boolean {
  const when = db.expires.get(key);
  return when !== undefined && when < nowMs;
}

/** Binary strings compare by char code, which is byte order. */
function compareBin(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function keyRow(db: Database, key: string, v: RValue): KeyRow {
  return {
    key,
    type: v.type as KeyType,
    encoding: v.enc,
    expiresAtMs: db.expires.get(key) ?? null,
    length: valueLength(v),
    approxBytes: KEY_OVERHEAD + key.length + approxValueBytes(v),
  };
}

/** STRLEN / LLEN / SCARD / ZCARD / HLEN / XLEN. */
export function valueLength(v: RValue): number {
  switch (v.type) {
    case 'string':
      return v.v.length;
    case 'list':
      return v.ql.length;
    case 'set':
      return v.ints ? v.ints.size : v.table!.size;
    case 'zset':
      return v.size;
    case 'hash':
      return v.fields.size;
    case 'stream':
      return v.length;
  }
}

/** Average sampled element size times the element count. */
function scaled(count: number, sample: Iterable<number>): number {
  let n = 0;
  let sum = 0;
  for (const bytes of sample) {
    sum += bytes + ELEMENT_OVERHEAD;
    if (++n >= SAMPLE) break;
  }
  return n === 0 ? 0 : Math.round((sum / n) * count);
}

function* mapIter<T>(it: Iterable<T>, f: (t: T) => number): Iterable<number> {
  for (const t of it) yield f(t);
}

function approxValueBytes(v: RValue): number {
  switch (v.type) {
    case 'string':
      return v.enc === 'int' ? 0 : v.v.length;
    case 'list':
      return v.ql.nodes.reduce((sum, n) => sum + n.sz, 0);
    case 'set':
      if (v.ints) return v.ints.blobBytes;
      return scaled(
        v.table!.size,
        mapIter(v.table!.keys(), (k) => k.length),
      );
    case 'zset':
      return scaled(
        v.size,
        mapIter(v.entries(), (e) => e.ele.length + 8),
      );
    case 'hash':
      return scaled(
        v.fields.size,
        mapIter(v.fields.entries(), ([f, val]) => f.length + val.length),
      );
    case 'stream':
      return streamBytes(v);
  }
}

function streamBytes(v: StreamValue): number {
  const first = streamRange(v, MIN_ID, MAX_ID, false, SAMPLE);
  return scaled(
    v.length,
    first.map((e) => payloadBytes(e.fv) + 8),
  );
}

/** A key given as a binary string back to bytes (for tests and callers that need Bytes). */
export const keyBytes = unbin;
