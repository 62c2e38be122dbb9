/*
 * Pictures of lists, sets, hashes and strings as rows of cells (protocol CellsView), read from the
 * engine's structure for the value's current encoding, so the picture changes when Redis would convert:
 *
 *   list      one group per quicklist node (its entries), the first nodes until `limit` cells are
 *             drawn; groupCount says how many nodes the list has (what DEBUG QUICKLIST reports).
 *   set       intset: one group of integers in their sorted order, labelled with the element width;
 *             hashtable: one group of members in the table's iteration order.
 *   hash      listpack: field, value, field, value... in insertion order, as the listpack stores them;
 *             hashtable: field and value cells per entry.
 *   string    the first bytes (hex) and the bits of the first BIT_BYTES bytes, MSB first as GETBIT and
 *             SETBIT number them.
 *
 * Every group is capped at `limit` cells; sizes travel alongside.
 */
import { bin } from '../../engine/bytes.ts';
import type { HashValue, ListValue, SetValue, StringValue } from '../../engine/server/object.ts';
import type { CellGroup, CellSnap, CellsView } from '../../protocol/inspect.ts';

/** Bytes whose bits are drawn one by one. */
export const BIT_BYTES = 8;

export function listCells(v: ListValue, limit: number): CellsView {
  const groups: CellGroup[] = [];
  let budget = limit;
  for (const [i, node] of v.ql.nodes.entries()) {
    if (budget <= 0 || groups.length >= limit) break;
    const shown = node.entries.slice(0, budget);
    budget -= shown.length;
    groups.push({
      label: `node ${i}: ${node.entries.length} entries, ${node.sz} bytes`,
      size: node.entries.length,
      cells: shown.map((e) => ({ text: bin(e), role: 'entry' })),
    });
  }
  return {
    kind: 'cells',
    layout: 'list-quicklist',
    length: v.ql.length,
    groupCount: v.ql.nodes.length,
    groups,
  };
}

export function setCells(v: SetValue, limit: number): CellsView {
  const cells: CellSnap[] = [];
  if (v.ints) {
    for (const i of v.ints) {
      if (cells.length >= limit) break;
      cells.push({ text: i.toString(), role: 'member' });
    }
    const label = `intset: ${v.ints.size} integers of ${v.ints.width * 8} bits, sorted`;
    return single('set-intset', v.ints.size, { label, size: v.ints.size, cells });
  }
  const table = v.table!;
  for (const k of table.keys()) {
    if (cells.length >= limit) break;
    cells.push({ text: k, role: 'member' });
  }
  const label = `hashtable: ${table.size} members`;
  return single('set-hashtable', table.size, { label, size: table.size, cells });
}

export function hashCells(v: HashValue, limit: number): CellsView {
  const cells: CellSnap[] = [];
  for (const [f, val] of v.fields.entries()) {
    if (cells.length >= limit * 2) break;
    cells.push({ text: f, role: 'field' }, { text: bin(val), role: 'value' });
  }
  const n = v.fields.size;
  const label = v.enc === 'listpack' ? `listpack: ${n} field-value pairs` : `hashtable: ${n} fields`;
  return single(`hash-${v.enc}`, n, { label, size: n, cells });
}

export function stringCells(v: StringValue, limit: number): CellsView {
  const bytes = v.v;
  const shown = bytes.subarray(0, limit);
  const byteCells: CellSnap[] = [...shown].map((b) => ({
    text: b.toString(16).padStart(2, '0'),
    role: 'byte',
  }));
  const bitCells: CellSnap[] = [];
  for (const b of bytes.subarray(0, BIT_BYTES))
    for (let bit = 7; bit >= 0; bit--) bitCells.push({ text: String((b >> bit) & 1), role: 'bit' });
  const groups: CellGroup[] = [
    { label: `${v.enc}: ${bytes.length} bytes`, size: bytes.length, cells: byteCells },
    {
      label: `bits of the first ${Math.min(BIT_BYTES, bytes.length)} bytes`,
      size: bytes.length * 8,
      cells: bitCells,
    },
  ];
  return { kind: 'cells', layout: 'string', length: bytes.length, groupCount: groups.length, groups };
}

function single(layout: string, length: number, group: CellGroup): CellsView {
  return { kind: 'cells', layout, length, groupCount: 1, groups: [group] };
}
