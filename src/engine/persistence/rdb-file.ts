/*
 * Whole RDB files (rdb.c rdbSaveRio / rdbLoadRioWithLoadingCtx), version 10 as Redis 7.0 writes them:
 *
 *   "REDIS0010"
 *   AUX fields (0xFA key value): redis-ver, redis-bits, ctime, used-mem, [repl-*], aof-base
 *   FUNCTION2 (0xF5 code) per function library
 *   per non-empty database: SELECTDB (0xFE n), RESIZEDB (0xFB keys expires), then per key:
 *     [EXPIRETIME_MS (0xFC u64 LE)] [IDLE (0xF8 seconds) under an LRU policy | FREQ (0xF9 u8) under
 *     an LFU policy] <type> <key as RDB string> <value>
 *   EOF (0xFF), CRC-64 of everything before it (u64 LE; zeros when rdbchecksum is off)
 *
 * The reader accepts versions 1..10, the old EXPIRETIME (0xFD, seconds) opcode, and a zero checksum
 * (written by Redis with rdbchecksum off). Module data is not supported (a format error).
 * This file knows nothing of databases or clocks: callers map its plain content to and from a node.
 */
import { bin, type Bytes, unbin, utf8 } from '../bytes.ts';
import { crc64LE } from '../ds/crc64.ts';
import type { RValue } from '../server/object.ts';
import { RdbFormatError, RdbReader, RdbWriter } from './rdb-io.ts';
import { loadValue, type RdbLoadContext } from './rdb-load.ts';
import { isObjectType, RDB_VERSION } from './rdb-types.ts';
import { rdbTypeOf, saveValue } from './rdb-value.ts';

const OP_FUNCTION2 = 245;
const OP_MODULE_AUX = 247;
const OP_IDLE = 248;
const OP_FREQ = 249;
const OP_AUX = 250;
const OP_RESIZEDB = 251;
const OP_EXPIRETIME_MS = 252;
const OP_EXPIRETIME = 253;
const OP_SELECTDB = 254;
const OP_EOF = 255;

export interface RdbKeyEntry {
  key: string;
  value: RValue;
  /** Absolute Unix ms deadline. */
  expireMs?: number;
  idleSeconds?: number;
  freq?: number;
}

export interface RdbDatabase {
  index: number;
  entries: RdbKeyEntry[];
}

export interface RdbFile {
  /** AUX fields in file order (binary-string keys and values). */
  aux: [string, string][];
  /** Function library sources (FUNCTION2 records). */
  functions: Bytes[];
  databases: RdbDatabase[];
}

export interface RdbWriteOptions {
  compression: boolean;
  checksum: boolean;
  /** Which access metadata each key carries (maxmemory-policy family). */
  accessInfo: 'none' | 'lru' | 'lfu';
}

function writeKey(w: RdbWriter, e: RdbKeyEntry, access: RdbWriteOptions['accessInfo']): void {
  if (e.expireMs !== undefined) {
    w.byte(OP_EXPIRETIME_MS);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigInt64(0, BigInt(e.expireMs), true);
    w.bytes(b);
  }
  if (access === 'lru') {
    w.byte(OP_IDLE);
    w.len(e.idleSeconds ?? 0);
  } else if (access === 'lfu') {
    w.byte(OP_FREQ);
    w.byte(e.freq ?? 0);
  }
  w.byte(rdbTypeOf(e.value));
  w.string(unbin(e.key));
  saveValue(w, e.value);
}

/** Serialises a whole RDB file. */
export function writeRdbFile(file: RdbFile, opts: RdbWriteOptions): Uint8Array {
  const w = new RdbWriter(opts.compression);
  w.bytes(utf8(`REDIS${String(RDB_VERSION).padStart(4, '0')}`));
  for (const [k, v] of file.aux) {
    w.byte(OP_AUX);
    w.string(unbin(k));
    w.string(unbin(v));
  }
  for (const code of file.functions) {
    w.byte(OP_FUNCTION2);
    w.string(code);
  }
  for (const db of file.databases) {
    if (db.entries.length === 0) continue;
    w.byte(OP_SELECTDB);
    w.len(db.index);
    w.byte(OP_RESIZEDB);
    w.len(db.entries.length);
    w.len(db.entries.filter((e) => e.expireMs !== undefined).length);
    for (const e of db.entries) writeKey(w, e, opts.accessInfo);
  }
  w.byte(OP_EOF);
  const body = w.result();
  const out = new Uint8Array(body.length + 8);
  out.set(body);
  if (opts.checksum) out.set(crc64LE(body), body.length);
  return out;
}

function readHeader(r: RdbReader): number {
  const magic = bin(r.bytes(9));
  if (!magic.startsWith('REDIS')) throw new RdbFormatError('Wrong signature trying to load DB from file');
  const version = Number(magic.slice(5));
  if (!Number.isInteger(version) || version < 1 || version > RDB_VERSION) {
    throw new RdbFormatError(`Can't handle RDB format version ${magic.slice(5)}`);
  }
  return version;
}

function readU64LE(r: RdbReader): number {
  const b = r.bytes(8);
  return Number(new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0, true));
}

function verifyChecksum(data: Uint8Array, end: number, version: number): void {
  if (version < 5) return;
  if (end + 8 > data.length) throw new RdbFormatError('Short read or OOM loading DB');
  const stored = data.subarray(end, end + 8);
  if (stored.every((b) => b === 0)) return;
  const crc = crc64LE(data.subarray(0, end));
  for (let i = 0; i < 8; i++) if (crc[i] !== stored[i]) throw new RdbFormatError('Wrong RDB checksum');
}

/** Parses a whole RDB file; throws RdbFormatError on any fault. */
export function readRdbFile(data: Uint8Array, ctx: RdbLoadContext): RdbFile {
  const r = new RdbReader(data);
  const version = readHeader(r);
  const file: RdbFile = { aux: [], functions: [], databases: [] };
  let db: RdbDatabase | undefined;
  let pending: Omit<RdbKeyEntry, 'key' | 'value'> = {};
  for (;;) {
    const op = r.byte();
    if (op === OP_EOF) break;
    if (op === OP_AUX) file.aux.push([bin(r.string()), bin(r.string())]);
    else if (op === OP_FUNCTION2) file.functions.push(r.string());
    else if (op === OP_SELECTDB) {
      db = { index: r.len(), entries: [] };
      file.databases.push(db);
    } else if (op === OP_RESIZEDB) {
      r.len();
      r.len();
    } else if (op === OP_EXPIRETIME_MS) pending.expireMs = readU64LE(r);
    else if (op === OP_EXPIRETIME) {
      const b = r.bytes(4);
      pending.expireMs = new DataView(b.buffer, b.byteOffset, 4).getInt32(0, true) * 1000;
    } else if (op === OP_IDLE) pending.idleSeconds = r.len();
    else if (op === OP_FREQ) pending.freq = r.byte();
    else if (op === OP_MODULE_AUX || !isObjectType(op)) {
      throw new RdbFormatError(`Unknown RDB opcode ${op}`);
    } else {
      if (db === undefined) {
        db = { index: 0, entries: [] };
        file.databases.push(db);
      }
      const key = bin(r.string());
      db.entries.push({ key, value: loadValue(op, r, ctx), ...pending });
      pending = {};
    }
  }
  verifyChecksum(data, r.pos, version);
  return file;
}
