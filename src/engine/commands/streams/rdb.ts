/*
 * A whole stream in RDB form (rdb.c, OBJ_STREAM), as Redis 7.0 writes it under type 19
 * (RDB_TYPE_STREAM_LISTPACKS_2) and as it reads types 15 and 19:
 *
 *   node count; per node: its master ID as a 16-byte big-endian string, then its listpack blob
 *   (an RDB string, LZF-compressed like any other); then the tail of rdb-tail.ts.
 *
 * A node's listpack (t_stream.c's layout):
 *   master entry:  <live count> <deleted count> <num master fields> <field>... <0>
 *   each entry:    <flags> <ms - master ms> <seq - master seq> [<num fields> <field>...] <value>...
 *                  <lp-count>
 * flags: 1 = deleted (a tombstone keeps its data), 2 = SAMEFIELDS (its field names are the master's,
 * so only values are stored). lp-count counts the entry's elements: values + 3 with SAMEFIELDS, else
 * 2 * fields + 4. Deltas are signed 64-bit integers. Strings in canonical integer form are stored as
 * integers (listpack-bytes.ts does that).
 *
 * Loading rebuilds each node by appending its entries in order and flagging its tombstones, then
 * checks what Redis checks without deep sanitisation: a 16-byte node key equal to the first entry's
 * ID, a well-formed listpack, entries in ascending order, no empty node. Faults throw RdbFormatError.
 */
import type { Bytes } from '../../bytes.ts';
import { bytesEqual, utf8 } from '../../bytes.ts';
import { decodeListpack, encodeListpack, type ListpackEntry } from '../../ds/listpack-bytes.ts';
import { RdbFormatError, type RdbReader, type RdbWriter } from '../../persistence/rdb-io.ts';
import { parseI64 } from '../../util/parse.ts';
import { compareIds, signedDelta, type StreamId, toBig, u64 } from './id.ts';
import { StreamValue } from './model.ts';
import { StreamNode } from './node.ts';
import { loadStreamTail, saveStreamTail } from './rdb-tail.ts';

const FLAG_DELETED = 1;
const FLAG_SAMEFIELDS = 2;

function corrupt(why: string): never {
  throw new RdbFormatError(why);
}

/** The 16-byte big-endian form of an ID (a node's key in Redis's radix tree). */
export function idKeyBytes(id: StreamId): Bytes {
  const out = new Uint8Array(16);
  const halves = [toBig(id.ms), toBig(id.seq)];
  for (let h = 0; h < 2; h++) {
    let v = halves[h]!;
    for (let i = 7; i >= 0; i--) {
      out[h * 8 + i] = Number(v & 0xffn);
      v >>= 8n;
    }
  }
  return out;
}

function idFromKeyBytes(b: Bytes): StreamId {
  let ms = 0n;
  let seq = 0n;
  for (let i = 0; i < 8; i++) ms = (ms << 8n) | BigInt(b[i]!);
  for (let i = 8; i < 16; i++) seq = (seq << 8n) | BigInt(b[i]!);
  return { ms: u64(ms), seq: u64(seq) };
}

function sameFields(master: readonly Bytes[], fv: readonly Bytes[]): boolean {
  if (fv.length !== master.length * 2) return false;
  for (let i = 0; i < master.length; i++) if (!bytesEqual(master[i]!, fv[i * 2]!)) return false;
  return true;
}

/** The node's listpack blob, byte for byte as Redis builds it. */
export function encodeNode(node: StreamNode): Uint8Array {
  const master = node.masterFields;
  const els: ListpackEntry[] = [
    BigInt(node.live),
    BigInt(node.deleted),
    BigInt(master.length),
    ...master,
    0n,
  ];
  for (let i = 0; i < node.count; i++) {
    const id = node.idAt(i);
    const fv = node.fvAt(i);
    const same = sameFields(master, fv);
    els.push(BigInt((node.isLive(i) ? 0 : FLAG_DELETED) | (same ? FLAG_SAMEFIELDS : 0)));
    els.push(BigInt(signedDelta(id.ms, node.masterId.ms)), BigInt(signedDelta(id.seq, node.masterId.seq)));
    const nf = fv.length >> 1;
    if (same) {
      for (let j = 1; j < fv.length; j += 2) els.push(fv[j]!);
      els.push(BigInt(nf + 3));
    } else {
      els.push(BigInt(nf));
      for (const x of fv) els.push(x);
      els.push(BigInt(2 * nf + 4));
    }
  }
  return encodeListpack(els);
}

/** A cursor over decoded listpack elements (all given back as bytes). */
class Elements {
  i = 0;
  constructor(readonly els: Uint8Array[]) {}
  bytes(): Bytes {
    if (this.i >= this.els.length) corrupt('stream listpack ends early');
    return this.els[this.i++]!;
  }
  int(): bigint {
    const v = parseI64(this.bytes());
    if (v === null) corrupt('stream listpack: integer expected');
    return v;
  }
  get done(): boolean {
    return this.i >= this.els.length;
  }
}

/** Rebuilds one node from its key and listpack blob. */
function decodeNode(key: Bytes, blob: Bytes): StreamNode {
  if (key.length !== 16) corrupt('Stream node key entry is not the size of a stream ID');
  const els = decodeListpack(blob);
  if (els === null || els.length === 0) corrupt('Stream listpack integrity check failed');
  const e = new Elements(els);
  const masterId = idFromKeyBytes(key);
  e.int();
  e.int();
  const nMaster = Number(e.int());
  const master: Bytes[] = [];
  for (let j = 0; j < nMaster; j++) master.push(e.bytes());
  if (e.int() !== 0n) corrupt('stream listpack: bad master terminator');
  let node: StreamNode | undefined;
  const tombstones: number[] = [];
  for (let i = 0; !e.done; i++) {
    const flags = Number(e.int());
    const id: StreamId = {
      ms: u64(BigInt.asUintN(64, toBig(masterId.ms) + e.int())),
      seq: u64(BigInt.asUintN(64, toBig(masterId.seq) + e.int())),
    };
    const fv = readEntryFields(e, master, (flags & FLAG_SAMEFIELDS) !== 0);
    if (node === undefined) {
      if (compareIds(id, masterId) !== 0) corrupt('Stream node key differs from its first entry');
      node = new StreamNode(masterId, interleave(master));
    } else if (compareIds(id, node.lastId()) <= 0) {
      corrupt('stream listpack: IDs out of order');
    }
    node.append(id, fv);
    if (flags & FLAG_DELETED) tombstones.push(i);
  }
  if (node === undefined) corrupt('Empty listpack inside stream');
  for (const i of tombstones) node.markDeleted(i);
  return node;
}

/** Master field names as a field/value list (what the node constructor reads the names from). */
function interleave(fields: readonly Bytes[]): Bytes[] {
  const out: Bytes[] = [];
  for (const f of fields) out.push(f, utf8(''));
  return out;
}

function readEntryFields(e: Elements, master: readonly Bytes[], same: boolean): Bytes[] {
  const fv: Bytes[] = [];
  if (same) {
    for (const f of master) fv.push(f, e.bytes());
  } else {
    const nf = Number(e.int());
    for (let j = 0; j < 2 * nf; j++) fv.push(e.bytes());
  }
  e.int();
  return fv;
}

/** rdbSaveObject for a stream (type 19): nodes, then the tail. */
export function saveStream(w: RdbWriter, s: StreamValue): void {
  w.len(s.nodes.size);
  s.nodes.forEach((id, node) => {
    w.string(idKeyBytes(id));
    w.string(encodeNode(node));
  });
  saveStreamTail(w, s);
}

/** rdbLoadObject for types 15 (v2 = false) and 19. */
export function loadStream(r: RdbReader, v2: boolean, nowMs: number): StreamValue {
  const s = new StreamValue(nowMs);
  for (let n = r.len(); n > 0; n--) {
    const key = r.string();
    const node = decodeNode(key, r.string());
    if (!s.nodes.set(node.masterId, node)) corrupt('Listpack re-added with existing key');
  }
  loadStreamTail(r, s, v2);
  return s;
}
