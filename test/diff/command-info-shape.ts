/*
 * Comparable shapes of COMMAND INFO / COMMAND DOCS replies for the differential test: a reply becomes
 * plain JSON that keeps its RESP types (sets, maps, simple strings are tagged) so a RESP3 comparison
 * still catches a set sent as an array. Parts Redis orders by its hash seed (subcommands) are sorted,
 * and fields that are prose in our own words by design are dropped: DOCS summary and complexity, the
 * text of each history entry (its version is kept), and key-spec notes (in INFO and DOCS).
 */
import { bin } from '../../src/engine/bytes.ts';
import { RespWriter } from '../../src/engine/resp/encode.ts';
import { ReplyParser } from '../../src/engine/resp/reply-parser.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';

/** Our reply as a client would read it off the wire in the given protocol (RESP2 loses set/map). */
export function onWire(r: Reply, resp: 2 | 3): Reply {
  const w = new RespWriter(256);
  w.write(r, resp);
  const p = new ReplyParser();
  p.feed(w.take());
  return p.next()!;
}

export type Shape = null | number | string | Shape[] | { set: Shape[] } | { map: [Shape, Shape][] };

export function shape(r: Reply): Shape {
  switch (r.t) {
    case 'simple':
      return `+${r.s}`;
    case 'error':
      return `-${r.s}`;
    case 'int':
      return Number(r.n);
    case 'bulk':
      return bin(r.b);
    case 'verbatim':
      return bin(r.b);
    case 'nil':
    case 'nilarray':
      return null;
    case 'array':
    case 'push':
      return r.a.map(shape);
    case 'set':
      return { set: r.a.map(shape) };
    case 'map':
      return { map: r.m.map(([k, v]) => [shape(k), shape(v)] as [Shape, Shape]) };
    case 'double':
      return r.d;
    case 'bool':
      return r.v ? 1 : 0;
    case 'bignum':
      return r.s;
  }
}

const byJson = (a: Shape, b: Shape): number => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The list inside a RESP2 array or RESP3 set/array. */
function items(s: Shape): Shape[] | undefined {
  if (Array.isArray(s)) return s;
  if (s && typeof s === 'object' && !Array.isArray(s) && 'set' in s) return s.set;
  return undefined;
}

export const INFO_FIELDS = [
  'name',
  'arity',
  'flags',
  'first',
  'last',
  'step',
  'acl',
  'tips',
  'key_specs',
  'subcommands',
] as const;

/** A COMMAND INFO entry with its subcommands (recursively normalised) sorted. */
export function normalizeInfo(entry: Shape): Shape {
  if (!Array.isArray(entry) || entry.length !== 10) return entry;
  const subs = items(entry[9]!);
  const sorted = subs ? subs.map(normalizeInfo).sort(byJson) : entry[9]!;
  const out = [...entry];
  out[8] = mapList(entry[8]!, (spec) => withoutField(spec, 'notes'));
  out[9] = Array.isArray(entry[9]) ? (sorted as Shape[]) : { set: sorted as Shape[] };
  return out;
}

/** Applies f to each element of a RESP2 array or RESP3 set/array, keeping the container's kind. */
function mapList(s: Shape, f: (x: Shape) => Shape): Shape {
  if (Array.isArray(s)) return s.map(f);
  if (s && typeof s === 'object' && 'set' in s) return { set: s.set.map(f) };
  return s;
}

/** A map-shaped value (RESP3 map or RESP2 flat array of pairs) without one field. */
function withoutField(s: Shape, field: string): Shape {
  if (s && typeof s === 'object' && !Array.isArray(s) && 'map' in s) {
    return { map: s.map.filter(([k]) => k !== field) };
  }
  if (Array.isArray(s)) {
    const out: Shape[] = [];
    for (let i = 0; i + 1 < s.length; i += 2) if (s[i] !== field) out.push(s[i]!, s[i + 1]!);
    return out;
  }
  return s;
}

/** Field name -> value of a DOCS map (RESP3 map or RESP2 flat array). */
export function mapEntries(s: Shape): [string, Shape][] {
  if (s && typeof s === 'object' && !Array.isArray(s) && 'map' in s)
    return s.map.map(([k, v]) => [String(k), v]);
  if (Array.isArray(s)) {
    const out: [string, Shape][] = [];
    for (let i = 0; i + 1 < s.length; i += 2) out.push([String(s[i]), s[i + 1]!]);
    return out;
  }
  return [];
}

const OURS_BY_DESIGN = new Set(['summary', 'complexity']);

/** A COMMAND DOCS value without the fields written in our own words, subcommands sorted by name. */
export function normalizeDocs(docs: Shape): Record<string, Shape> {
  const out: Record<string, Shape> = {};
  for (const [k, v] of mapEntries(docs)) {
    if (OURS_BY_DESIGN.has(k)) continue;
    if (k === 'history') {
      out[k] = mapList(v, (h) => (Array.isArray(h) ? h.slice(0, 1) : h));
    } else if (k === 'key_specs') {
      out[k] = mapList(v, (spec) => withoutField(spec, 'notes'));
    } else if (k === 'subcommands') {
      const subs = mapEntries(v).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      out[k] = subs.map(([name, d]) => [name, normalizeDocs(d) as unknown as Shape]);
    } else {
      out[k] = v;
    }
  }
  return out;
}
