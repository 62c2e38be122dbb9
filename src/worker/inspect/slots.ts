/*
 * The hash-slot picture's data: every live key of a database placed in its cluster slot (CRC16 of the
 * key, or of its {hash tag}, modulo 16,384: the engine's keyHashSlotBin, the same function CLUSTER
 * KEYSLOT answers with). Only non-empty slots are listed, in slot order, each with its key count and
 * the first SLOT_SAMPLE keys in byte order, so the message stays small however many keys there are:
 * at most 16,384 cells of SLOT_SAMPLE keys.
 *
 * Observes without side effects, like the keyspace rows (a key past its deadline is left out).
 */
import { keyHashSlotBin } from '../../engine/ds/crc16.ts';
import type { Database } from '../../engine/server/db.ts';
import { SLOT_SAMPLE, type SlotCell } from '../../protocol/inspect.ts';
import { isExpired } from './keyspace.ts';

export function slotCells(db: Database, nowMs: number): SlotCell[] {
  const bySlot = new Map<number, SlotCell>();
  for (const key of db.dict.keys()) {
    if (isExpired(db, key, nowMs)) continue;
    const slot = keyHashSlotBin(key);
    let cell = bySlot.get(slot);
    if (!cell) bySlot.set(slot, (cell = { slot, count: 0, sample: [] }));
    cell.count++;
    addSample(cell.sample, key);
  }
  return [...bySlot.values()].sort((a, b) => a.slot - b.slot);
}

/** Keeps the SLOT_SAMPLE smallest keys (byte order) seen so far, sorted. */
function addSample(sample: string[], key: string): void {
  if (sample.length === SLOT_SAMPLE && key >= sample[SLOT_SAMPLE - 1]!) return;
  let i = sample.length;
  while (i > 0 && sample[i - 1]! > key) i--;
  sample.splice(i, 0, key);
  if (sample.length > SLOT_SAMPLE) sample.pop();
}
