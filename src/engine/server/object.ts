/*
 * Values stored in the keyspace (Redis's robj). Each has a type, the encoding OBJECT ENCODING reports,
 * its payload, and the access metadata used by OBJECT IDLETIME/FREQ and eviction (lru: virtual ms of
 * last access; lfu: logarithmic access counter). Later data types add their variants to RValue.
 */
import type { Bytes } from '../bytes.ts';
import { ReplyError } from './errors.ts';
import type { Quicklist } from '../ds/quicklist.ts';
import type { HashTable } from '../ds/hashtable.ts';
import type { Intset } from '../ds/intset.ts';
import type { ZSetValue } from '../commands/zsets/zset.ts';
import type { StreamValue } from '../commands/streams/model.ts';

export type StringEncoding = 'int' | 'embstr' | 'raw';

export interface StringValue {
  type: 'string';
  enc: StringEncoding;
  /** The bytes as clients see them (for 'int', the canonical decimal form). */
  v: Bytes;
  lru: number;
  lfu: number;
  /**
   * Set on COPY's duplicate (dupStringObject): an int-encoded copy is a private object, never one of
   * the shared integers, so OBJECT REFCOUNT reports 1 for it.
   */
  notShared?: boolean;
}

/**
 * A hash: field (binary string) -> value bytes. 'listpack' while small (insertion order is the reply
 * order, see ds/hashtable.ts), 'hashtable' past hash-max-listpack-entries/-value. See commands/hashes.
 */
export interface HashValue {
  type: 'hash';
  enc: 'listpack' | 'hashtable';
  fields: HashTable<Bytes>;
  lru: number;
  lfu: number;
}

/**
 * A set: 'intset' (sorted integers in `ints`) while every member is a canonical 64-bit integer and
 * there are at most set-max-intset-entries, else 'hashtable' (binary-string members in `table`).
 * Exactly one of ints/table is non-null, matching enc. See commands/sets.
 */
export interface SetValue {
  type: 'set';
  enc: 'intset' | 'hashtable';
  ints: Intset | null;
  table: HashTable<null> | null;
  lru: number;
  lfu: number;
}

/**
 * Union of every stored value type; data-type modules extend it. The generic key commands rely on two
 * fields of every variant: `type` is the name TYPE and SCAN TYPE report ('string', 'list', 'set',
 * 'zset', 'hash', 'stream') and `enc` the name OBJECT ENCODING reports ('listpack', 'quicklist',
 * 'intset', 'hashtable', 'skiplist', 'stream', ...). COPY needs a case in cloneValue below.
 */
/** A list (t_list.c): Redis 7.0 always encodes lists as a quicklist. */
export interface ListValue {
  type: 'list';
  enc: 'quicklist';
  ql: Quicklist;
  lru: number;
  lfu: number;
}

export type RValue = StringValue | HashValue | SetValue | ListValue | ZSetValue | StreamValue;

export type RType = RValue['type'];

/** Longest string Redis stores as embstr (OBJ_ENCODING_EMBSTR_SIZE_LIMIT). */
export const EMBSTR_MAX = 44;

/** Redis's LFU_INIT_VAL: the counter a fresh object starts with. */
export const LFU_INIT_VAL = 5;

/**
 * A deep, independent duplicate of a value for COPY (Redis's per-type dup functions): same type and
 * encoding, fresh access metadata. Each data type adds its case here; a value nobody knows how to copy
 * answers Redis's "unknown type object".
 */
export function cloneValue(v: RValue, nowMs: number): RValue {
  switch (v.type) {
    case 'list':
      return { type: 'list', enc: 'quicklist', ql: v.ql.clone(), lru: nowMs, lfu: LFU_INIT_VAL };
    case 'string':
      return { type: 'string', enc: v.enc, v: v.v.slice(), lru: nowMs, lfu: LFU_INIT_VAL, notShared: true };
    case 'hash':
      return { type: 'hash', enc: v.enc, fields: v.fields.clone(), lru: nowMs, lfu: LFU_INIT_VAL };
    case 'set':
      return {
        type: 'set',
        enc: v.enc,
        ints: v.ints?.clone() ?? null,
        table: v.table?.clone() ?? null,
        lru: nowMs,
        lfu: LFU_INIT_VAL,
      };
    case 'zset':
      return v.clone(nowMs);
    case 'stream':
      return v.clone(nowMs);
    default:
      throw new ReplyError('ERR unknown type object');
  }
}

/*
 * LFU counters (Redis's evict.c, used when maxmemory-policy is an *-lfu one). `lfu` is an 8-bit
 * logarithmic counter: each access increments it with probability 1/((counter-5)*log_factor+1), and it
 * decays by one per `lfu-decay-time` minutes since the last access (`lru`, in ms here; Redis keeps the
 * minutes in 16 bits, so elapsed time wraps after about 45 days, as there).
 */
export interface LfuSettings {
  logFactor: number;
  decayMinutes: number;
}

/** LFUDecrAndReturn: the counter after applying the decay since the last access. */
export function lfuDecayed(v: RValue, nowMs: number, s: LfuSettings): number {
  const now = Math.floor(nowMs / 60000) & 0xffff;
  const last = Math.floor(v.lru / 60000) & 0xffff;
  const elapsed = now >= last ? now - last : 65535 - last + now;
  const periods = s.decayMinutes ? Math.floor(elapsed / s.decayMinutes) : 0;
  return periods > v.lfu ? 0 : v.lfu - periods;
}

/** updateLFU: decay, then a logarithmic increment driven by `chance` (uniform in [0, 1)). */
export function lfuTouch(v: RValue, nowMs: number, s: LfuSettings, chance: number): void {
  let counter = lfuDecayed(v, nowMs, s);
  if (counter < 255) {
    const base = Math.max(0, counter - LFU_INIT_VAL);
    if (chance < 1 / (base * s.logFactor + 1)) counter++;
  }
  v.lfu = counter;
  v.lru = nowMs;
}
