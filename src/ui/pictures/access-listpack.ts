/*
 * A listpack's share of a command's access: which entries the linear scan read (from the head, or
 * from the tail for reverse ranges) and which one it stopped at, as indexes of the entries drawn now.
 * Pure (unit-tested); access-listpack-draw.ts marks the cells.
 *
 * Indexes are those of the list after the command: an inserted entry is not among the scanned ones
 * (zzlFind read every old entry, then the insert put it at `found`); a removed entry is gone, so only
 * the entries before it stay marked as scanned.
 */
import type { ListpackScanSnap } from '../../protocol/inspect.ts';

export interface ScanMarks {
  scanned: Set<number>;
  found: number | null;
}

export function scanMarks(scan: ListpackScanSnap, length: number): ScanMarks {
  const scanned = new Set<number>();
  if (scan.inserted) {
    for (let i = 0; i < length; i++) if (i !== scan.found) scanned.add(i);
    return { scanned, found: scan.found };
  }
  if (scan.removed) {
    for (let i = 0; i < (scan.found ?? 0); i++) scanned.add(i);
    return { scanned, found: null };
  }
  const first = scan.fromTail ? length - scan.scanned : 0;
  for (let i = Math.max(0, first); i < Math.min(length, first + scan.scanned); i++) scanned.add(i);
  return { scanned, found: scan.found };
}
