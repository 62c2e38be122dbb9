/*
 * The intset blob exactly as Redis lays it out in memory and stores it in RDB files (intset.c): a
 * header of two little-endian uint32 -- the element width in bytes (2, 4 or 8) and the count -- then
 * the elements, sorted ascending, as little-endian signed integers of that width.
 *
 * Parsing applies Redis's integrity rules (intsetValidateIntegrity): a known width, a size that is
 * exactly header + count * width, at least one element; and, as Redis's deep check does, strictly
 * increasing elements (our Intset relies on that order, so we always check it).
 */

export interface IntsetBlob {
  width: 2 | 4 | 8;
  values: bigint[];
}

const HEADER_BYTES = 8;

/** Serialises sorted distinct `values` with element `width` (which must hold them all). */
export function encodeIntset(width: 2 | 4 | 8, values: readonly bigint[]): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + values.length * width);
  const view = new DataView(out.buffer);
  view.setUint32(0, width, true);
  view.setUint32(4, values.length, true);
  let o = HEADER_BYTES;
  for (const v of values) {
    if (width === 2) view.setInt16(o, Number(v), true);
    else if (width === 4) view.setInt32(o, Number(v), true);
    else view.setBigInt64(o, v, true);
    o += width;
  }
  return out;
}

/** Parses an intset blob; null when it breaks the integrity rules above. */
export function decodeIntset(blob: Uint8Array): IntsetBlob | null {
  if (blob.length < HEADER_BYTES) return null;
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const width = view.getUint32(0, true);
  if (width !== 2 && width !== 4 && width !== 8) return null;
  const count = view.getUint32(4, true);
  if (count === 0 || HEADER_BYTES + count * width !== blob.length) return null;
  const values: bigint[] = [];
  let o = HEADER_BYTES;
  for (let i = 0; i < count; i++, o += width) {
    const v =
      width === 2
        ? BigInt(view.getInt16(o, true))
        : width === 4
          ? BigInt(view.getInt32(o, true))
          : view.getBigInt64(o, true);
    if (i > 0 && v <= values[i - 1]!) return null;
    values.push(v);
  }
  return { width, values };
}
