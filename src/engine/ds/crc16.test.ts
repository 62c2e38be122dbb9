import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes.ts';
import { crc16, keyHashSlot, keyHashSlotBin } from './crc16.ts';

// Slots as redis-server 7.0.15 (cluster-enabled yes) answers CLUSTER KEYSLOT.
const KNOWN: [string, number][] = [
  ['foo', 12182],
  ['bar', 5061],
  ['123456789', 12739],
  ['{user1}.name', 8106],
  ['{}x', 10595],
  ['a{}b{c}', 7353],
  ['{', 4092],
  ['}{a}', 15495],
  ['x{y', 2740],
  ['', 0],
];

describe('crc16', () => {
  it('has the XMODEM check value', () => {
    expect(crc16(utf8('123456789'))).toBe(0x31c3);
  });

  it('places keys in the slots Redis gives, hash tags included', () => {
    for (const [key, slot] of KNOWN) {
      expect(keyHashSlot(utf8(key)), key).toBe(slot);
      expect(keyHashSlotBin(key), key).toBe(slot);
    }
    expect(keyHashSlot(utf8('{user1}.mail'))).toBe(keyHashSlot(utf8('user1')));
  });

  it('treats binary keys byte by byte', () => {
    const key = Uint8Array.of(0xff, 0x00, 0x7b, 0x80, 0x7d);
    expect(keyHashSlotBin(String.fromCharCode(...key))).toBe(keyHashSlot(key));
    expect(keyHashSlot(key)).toBe(crc16(Uint8Array.of(0x80)) & 0x3fff);
  });
});
