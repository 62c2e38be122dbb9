/*
 * LuaBitOp ("bit"), the 32-bit bitwise library Redis loads for scripts: tobit, tohex, bnot, band, bor,
 * bxor, lshift, rshift, arshift, rol, ror, bswap. Results are signed 32-bit integers held in doubles.
 *
 * How an argument becomes 32 bits (the library's trick, reproduced exactly): the number (strings are
 * coerced as Lua does; anything else reads as 0 and is then refused with a type error) gets 2^52 + 2^51
 * added in double arithmetic, and the low 32 bits of the sum's IEEE-754 bit pattern are the result. So
 * fractions round half to even, values wrap modulo 2^32, and NaN, infinities and huge values give
 * whatever bits the rounded sum holds, just as on x86 builds of Redis.
 */
import { register, type Native } from './lib-base';
import type { LuaState } from './runtime';
import { LuaTable, luaType, type LuaValue } from './value';

const MAGIC = 6755399441055744.0; // 2^52 + 2^51
const scratch = new DataView(new ArrayBuffer(8));

/** The low word of the double n + 2^52 + 2^51, as an unsigned 32-bit number. */
export function toBits(n: number): number {
  scratch.setFloat64(0, n + MAGIC, true);
  return scratch.getUint32(0, true);
}

/** barg(): argument i (0-based) as unsigned 32 bits, or a "number expected" argument error. */
function barg(st: LuaState, args: LuaValue[], i: number): number {
  const n = st.tonumber(args[i]);
  const b = toBits(n ?? 0);
  if (b === 0 && n === undefined) {
    st.argError(i + 1, `number expected, got ${i >= args.length ? 'no value' : luaType(args[i])}`);
  }
  return b;
}

/** Results are pushed as signed 32-bit values. */
const signed = (b: number): number => b | 0;

function fold(op: (a: number, b: number) => number): Native {
  return (st, args) => {
    let b = barg(st, args, 0);
    // Right to left, as the C loop walks the stack down: the order matters only for which bad argument
    // is reported first.
    for (let i = args.length - 1; i > 0; i--) b = op(b, barg(st, args, i));
    return [signed(b)];
  };
}

function shift(op: (b: number, n: number) => number): Native {
  return (st, args) => {
    const b = barg(st, args, 0);
    const n = barg(st, args, 1) & 31;
    return [signed(op(b, n))];
  };
}

function tohex(st: LuaState, args: LuaValue[]): LuaValue[] {
  let b = barg(st, args, 0);
  let n = args.length < 2 ? 8 : signed(barg(st, args, 1));
  let digits = '0123456789abcdef';
  if (n < 0) {
    n = -n;
    digits = '0123456789ABCDEF';
  }
  if (n > 8) n = 8;
  // n stays negative only for -2^31, where C would ask for a ~2^63-byte string: refuse it as OOM.
  if (n < 0) st.error('not enough memory');
  let out = '';
  for (let i = 0; i < n; i++) {
    out = digits[b & 15] + out;
    b >>>= 4;
  }
  return [out];
}

const BIT: Record<string, Native> = {
  tobit: (st, a) => [signed(barg(st, a, 0))],
  bnot: (st, a) => [signed(~barg(st, a, 0))],
  band: fold((x, y) => x & y),
  bor: fold((x, y) => x | y),
  bxor: fold((x, y) => x ^ y),
  lshift: shift((b, n) => b << n),
  rshift: shift((b, n) => b >>> n),
  arshift: shift((b, n) => (b | 0) >> n),
  rol: shift((b, n) => (b << n) | (b >>> (32 - n))),
  ror: shift((b, n) => (b << (32 - n)) | (b >>> n)),
  bswap: (st, a) => {
    const b = barg(st, a, 0);
    return [signed((b >>> 24) | ((b >>> 8) & 0xff00) | ((b & 0xff00) << 8) | (b << 24))];
  },
  tohex,
};

export function openBit(st: LuaState): void {
  const t = new LuaTable();
  register(st, t, BIT);
  st.globals.set('bit', t);
}
