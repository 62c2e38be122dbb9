/*
 * CRC16 as Redis Cluster uses it to place keys in hash slots: the CCITT polynomial 0x1021, initial
 * value 0, no reflection and no final xor (the "XMODEM" variant; check value of "123456789" is
 * 0x31C3). Computed a byte at a time from a 256-entry table built once at load.
 *
 * keyHashSlot applies the cluster's hash-tag rule: when a key holds a '{' followed later by a '}' with
 * at least one byte between them, only the bytes between the first '{' and the first '}' after it are
 * hashed, so "{user1}.name" and "{user1}.mail" share a slot. An empty tag "{}" hashes the whole key.
 */
import type { Bytes } from '../bytes.ts';

export const CLUSTER_SLOTS = 16384;

const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
    table[byte] = crc & 0xffff;
  }
  return table;
}

/** CRC16/XMODEM of bytes[start, end). */
export function crc16(bytes: Bytes, start = 0, end = bytes.length): number {
  let crc = 0;
  for (let i = start; i < end; i++) crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]!) & 0xff]!) & 0xffff;
  return crc;
}

const OPEN = 0x7b; // '{'
const CLOSE = 0x7d; // '}'

/** The hash slot (0..16383) of a key, honouring {hash tags}. */
export function keyHashSlot(key: Bytes): number {
  const open = key.indexOf(OPEN);
  if (open >= 0) {
    const close = key.indexOf(CLOSE, open + 1);
    if (close > open + 1) return crc16(key, open + 1, close) & (CLUSTER_SLOTS - 1);
  }
  return crc16(key) & (CLUSTER_SLOTS - 1);
}

/** keyHashSlot of a key held as a binary string (one char per byte), without copying it to bytes. */
export function keyHashSlotBin(key: string): number {
  const open = key.indexOf('{');
  let start = 0;
  let end = key.length;
  if (open >= 0) {
    const close = key.indexOf('}', open + 1);
    if (close > open + 1) [start, end] = [open + 1, close];
  }
  let crc = 0;
  for (let i = start; i < end; i++)
    crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ key.charCodeAt(i)) & 0xff]!) & 0xffff;
  return crc & (CLUSTER_SLOTS - 1);
}
