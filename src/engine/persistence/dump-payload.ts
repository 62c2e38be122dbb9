/*
 * DUMP payloads (cluster.c createDumpPayload / verifyDumpPayload):
 *
 *   <type byte> <value in RDB form> <RDB version: u16 LE> <CRC-64 of everything before: u64 LE>
 *
 * A payload is accepted when it has at least the 10 trailer bytes, its RDB version is not newer than
 * ours (10), and its checksum matches. Older versions are accepted; their value types may still be
 * unsupported, which loading reports as a format error.
 */
import { crc64LE } from '../ds/crc64.ts';
import type { RValue } from '../server/object.ts';
import { RdbReader } from './rdb-io.ts';
import { deserializeValue, type RdbLoadContext } from './rdb-load.ts';
import { RDB_VERSION } from './rdb-types.ts';
import { serializeValue } from './rdb-value.ts';

const TRAILER_BYTES = 10;

/** The DUMP payload of a value. */
export function createDumpPayload(v: RValue, compression: boolean): Uint8Array {
  const body = serializeValue(v, compression);
  const out = new Uint8Array(body.length + TRAILER_BYTES);
  out.set(body);
  out[body.length] = RDB_VERSION & 0xff;
  out[body.length + 1] = (RDB_VERSION >> 8) & 0xff;
  out.set(crc64LE(out.subarray(0, body.length + 2)), body.length + 2);
  return out;
}

/** verifyDumpPayload: true when the version is one we read and the checksum matches. */
export function verifyDumpPayload(p: Uint8Array): boolean {
  if (p.length < TRAILER_BYTES) return false;
  const footer = p.length - TRAILER_BYTES;
  const version = p[footer]! | (p[footer + 1]! << 8);
  if (version > RDB_VERSION) return false;
  const crc = crc64LE(p.subarray(0, p.length - 8));
  for (let i = 0; i < 8; i++) if (crc[i] !== p[footer + 2 + i]) return false;
  return true;
}

/**
 * The value of a verified payload; throws RdbFormatError when the body is not a sound value. As in
 * Redis, the reader sees the whole payload: a value whose lengths run into the trailer reads the
 * trailer's bytes as its own, and bytes left after the value are ignored.
 */
export function loadDumpPayload(p: Uint8Array, ctx: RdbLoadContext): RValue {
  return deserializeValue(new RdbReader(p), ctx);
}
