/*
 * The 5.1 math library as Redis ships it. math.random/randomseed use Redis's own lrand48 clone (rand.c:
 * the 48-bit linear congruential generator x' = 0x5DEECE66D*x + 0xB mod 2^48, output x >> 17, seeded as
 * (seed << 16) | 0x330E), never the clock; Redis reseeds it with 0 before every script so that scripts
 * stay deterministic. random() = (lrand48() % INT32_MAX) / INT32_MAX, then 5.1's range rules.
 */
import { checkInt, checkNumber, register, type Native } from './lib-base';
import type { LuaState } from './runtime';
import { LuaTable, type LuaValue } from './value';

const MASK48 = (1n << 48n) - 1n;
const INT32_MAX = 2147483647;

export class Lrand48 {
  private x = 0x1234abcd330en;
  seed(v: number): void {
    this.x = ((BigInt.asUintN(32, BigInt(v | 0)) << 16n) | 0x330en) & MASK48;
  }
  next(): number {
    this.x = (this.x * 0x5deece66dn + 0xbn) & MASK48;
    return Number(this.x >> 17n);
  }
}

export function openMath(st: LuaState, rng: Lrand48): void {
  const one =
    (f: (x: number) => number): Native =>
    (s, a) => [f(checkNumber(s, a, 0))];
  const fns: Record<string, Native> = {
    abs: one(Math.abs),
    acos: one(Math.acos),
    asin: one(Math.asin),
    atan: one(Math.atan),
    atan2: (s, a) => [Math.atan2(checkNumber(s, a, 0), checkNumber(s, a, 1))],
    ceil: one(Math.ceil),
    cos: one(Math.cos),
    cosh: one(Math.cosh),
    deg: one((x) => x * (180 / Math.PI)),
    exp: one(Math.exp),
    floor: one(Math.floor),
    fmod: (s, a) => [checkNumber(s, a, 0) % checkNumber(s, a, 1)],
    frexp: (s, a) => frexp(checkNumber(s, a, 0)),
    ldexp: (s, a) => [checkNumber(s, a, 0) * Math.pow(2, checkInt(s, a, 1))],
    log: one(Math.log),
    log10: one(Math.log10),
    max: (s, a) => [minmax(s, a, (x, y) => x > y)],
    min: (s, a) => [minmax(s, a, (x, y) => x < y)],
    mod: (s, a) => [checkNumber(s, a, 0) % checkNumber(s, a, 1)],
    modf: (s, a) => {
      const x = checkNumber(s, a, 0);
      const ip = x >= 0 ? Math.floor(x) : Math.ceil(x);
      return [ip, Number.isFinite(x) ? x - ip : 0];
    },
    pow: (s, a) => [Math.pow(checkNumber(s, a, 0), checkNumber(s, a, 1))],
    rad: one((x) => x * (Math.PI / 180)),
    sin: one(Math.sin),
    sinh: one(Math.sinh),
    sqrt: one(Math.sqrt),
    tan: one(Math.tan),
    tanh: one(Math.tanh),
    random: (s, a) => random(s, a, rng),
    randomseed: (s, a) => {
      rng.seed(checkInt(s, a, 0));
      return [];
    },
  };
  const t = new LuaTable();
  register(st, t, fns);
  t.set('pi', Math.PI);
  t.set('huge', Infinity);
  st.globals.set('math', t);
}

function minmax(st: LuaState, a: LuaValue[], better: (x: number, y: number) => boolean): number {
  let m = checkNumber(st, a, 0);
  for (let i = 1; i < a.length; i++) {
    const v = checkNumber(st, a, i);
    if (better(v, m)) m = v;
  }
  return m;
}

function frexp(x: number): LuaValue[] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * Math.pow(2, -e);
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  return [m, e];
}

function random(st: LuaState, a: LuaValue[], rng: Lrand48): LuaValue[] {
  const r = (rng.next() % INT32_MAX) / INT32_MAX;
  if (a.length === 0) return [r];
  if (a.length === 1) {
    const u = checkInt(st, a, 0);
    if (u < 1) st.argError(1, 'interval is empty');
    return [Math.floor(r * u) + 1];
  }
  if (a.length === 2) {
    const l = checkInt(st, a, 0);
    const u = checkInt(st, a, 1);
    if (l > u) st.argError(2, 'interval is empty');
    return [Math.floor(r * (u - l + 1)) + l];
  }
  st.error('wrong number of arguments');
}
