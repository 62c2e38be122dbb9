/*
 * The HyperLogLog picture: a string that passes the engine's HLL check ("HYLL" magic, a known
 * representation, the right length for dense) is drawn as its 16,384 registers. The registers are
 * decoded from the stored bytes: dense ones read 6 bits at a time (ds/hll.ts denseGet), sparse ones by
 * walking the ZERO / XZERO / VAL run-length opcodes (ds/hll-sparse.ts walkSparse), so when PFADD turns
 * a sparse HLL dense (hll-sparse-max-bytes, or a register above 32) the picture says so and the
 * registers stay the same.
 */
import { Hll, HLL_DENSE, HLL_HDR_SIZE, HLL_REGISTERS, denseGet } from '../../engine/ds/hll.ts';
import { isXZero, walkSparse } from '../../engine/ds/hll-sparse.ts';
import type { StringValue } from '../../engine/server/object.ts';
import type { HllView } from '../../protocol/inspect.ts';

export function hllPicture(v: StringValue): HllView | null {
  if (v.enc === 'int' || !Hll.isHllString(v.v)) return null;
  const bytes = v.v;
  const registers = new Uint8Array(HLL_REGISTERS);
  if (bytes[4] === HLL_DENSE) {
    for (let i = 0; i < HLL_REGISTERS; i++) registers[i] = denseGet(bytes, HLL_HDR_SIZE, i);
    return view('dense', bytes.length, null, registers);
  }
  walkSparse(Hll.of(bytes), (idx, run, value) => registers.fill(value, idx, idx + run));
  return view('sparse', bytes.length, countOpcodes(bytes), registers);
}

function countOpcodes(bytes: Uint8Array): number {
  let n = 0;
  for (let i = HLL_HDR_SIZE; i < bytes.length; i += isXZero(bytes[i]!) ? 2 : 1) n++;
  return n;
}

function view(
  representation: HllView['representation'],
  size: number,
  opcodes: number | null,
  regs: Uint8Array,
): HllView {
  let registers = '';
  for (let i = 0; i < regs.length; i += 4096) registers += String.fromCharCode(...regs.subarray(i, i + 4096));
  return { kind: 'hll', representation, bytes: size, opcodes, registers };
}
