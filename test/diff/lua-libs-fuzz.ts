/*
 * Seeded random snippets for the library differential test: msgpack byte soup for cmsgpack.unpack,
 * token soup for cjson.decode, random struct formats over random data, random doubles through
 * cjson.encode / cmsgpack.pack, and random operands for bit. The seed is printed by the test.
 */

/** mulberry32: small, deterministic, good enough to spread cases. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** A Lua string literal holding arbitrary bytes. */
export function luaBytes(bytes: number[]): string {
  return (
    "'" +
    bytes
      .map((b) =>
        b >= 32 && b < 127 && b !== 39 && b !== 92
          ? String.fromCharCode(b)
          : `\\${String(b).padStart(3, '0')}`,
      )
      .join('') +
    "'"
  );
}

function msgpackSoup(r: () => number): number[] {
  const interesting = [
    0xc0, 0xc2, 0xc3, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3, 0xd9, 0xda,
  ];
  const more = [0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xc1, 0xc4, 0x00, 0x01, 0x7f, 0xff, 0xe0, 0x80, 0x81, 0x82];
  const out: number[] = [];
  const n = 1 + Math.floor(r() * 12);
  for (let i = 0; i < n; i++) {
    const p = r();
    if (p < 0.3) out.push(pick(r, [...interesting, ...more]));
    else if (p < 0.45) out.push(0x90 + Math.floor(r() * 4));
    else if (p < 0.55) out.push(0xa0 + Math.floor(r() * 4));
    else out.push(Math.floor(r() * 256));
  }
  return out;
}

const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"a"',
  '"\\u00e9"',
  '"\\ud83d\\ude00"',
  '1',
  '-2.5e3',
  '0',
  'true',
  'false',
  'null',
  'nul',
  ' ',
  '\\n',
  '0x1F',
  '"\\',
  'inf',
  '+',
  '-',
  '.',
  'e',
  '"x\\ty"',
  '1e400',
  '007',
  '"\\/"',
];

const STRUCT_ITEMS = [
  'b',
  'B',
  'h',
  'H',
  'i',
  'I',
  'l',
  'L',
  'T',
  'f',
  'd',
  's',
  'x',
  'c',
  'c0',
  'c2',
  'i3',
  'I5',
  '!',
  '!4',
  '!2',
  '<',
  '>',
  ' ',
];

function randomDouble(r: () => number): string {
  const p = r();
  if (p < 0.2) return String(Math.floor(r() * 2 ** 40) - 2 ** 39);
  const mant = (r() * 10).toFixed(1 + Math.floor(r() * 16));
  const exp = Math.floor(r() * 60) - 30;
  return `${r() < 0.3 ? '-' : ''}${mant}e${exp}`;
}

export function fuzzCases(seed: number): Record<string, string[]> {
  const r = prng(seed);
  const unpack: string[] = [];
  for (let i = 0; i < 150; i++) {
    const s = luaBytes(msgpackSoup(r));
    const which = r();
    if (which < 0.6) unpack.push(`return cmsgpack.unpack(${s})`);
    else if (which < 0.8) unpack.push(`return cmsgpack.unpack_one(${s}, ${Math.floor(r() * 4)})`);
    else unpack.push(`return cmsgpack.unpack_limit(${s}, ${Math.floor(r() * 3)}, ${Math.floor(r() * 3)})`);
  }
  const decode: string[] = [];
  for (let i = 0; i < 150; i++) {
    const n = 1 + Math.floor(r() * 8);
    let s = '';
    for (let k = 0; k < n; k++) s += pick(r, JSON_TOKENS);
    decode.push(`return cjson.decode(${luaBytes([...s].map((c) => c.charCodeAt(0)))})`);
  }
  const struct: string[] = [];
  for (let i = 0; i < 150; i++) {
    const n = 1 + Math.floor(r() * 5);
    let fmt = '';
    for (let k = 0; k < n; k++) fmt += pick(r, STRUCT_ITEMS);
    const data = luaBytes(Array.from({ length: Math.floor(r() * 20) }, () => Math.floor(r() * 256)));
    struct.push(r() < 0.8 ? `return struct.unpack('${fmt}', ${data})` : `return struct.size('${fmt}')`);
  }
  const numbers: string[] = [];
  for (let i = 0; i < 150; i++) {
    const d = randomDouble(r);
    numbers.push(
      `local x = ${d} return cjson.encode(x), hex(cmsgpack.pack(x)), cjson.decode(cjson.encode(x)) == x`,
    );
  }
  const bits: string[] = [];
  for (let i = 0; i < 60; i++) {
    const a = randomDouble(r);
    const b = Math.floor(r() * 70) - 5;
    bits.push(
      `local a, b = ${a}, ${b} return bit.tobit(a), bit.tohex(a, b % 10), bit.band(a, b), bit.lshift(a, b), bit.arshift(a, b), bit.ror(a, b), bit.bswap(a)`,
    );
  }
  return {
    'fuzz cmsgpack.unpack': unpack,
    'fuzz cjson.decode': decode,
    'fuzz struct': struct,
    'fuzz numbers': numbers,
    'fuzz bit': bits,
  };
}
