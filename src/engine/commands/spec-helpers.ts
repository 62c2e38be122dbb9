/*
 * Small constructors for the declarative command table (types.ts), so that a spec file states each fact
 * once instead of spelling out the same object shapes hundreds of times.
 *
 * Key specs. Nearly every Redis key spec is one of three shapes, and the helpers take only what differs
 * from the common case:
 *   - keyAt(index, flags, opts): the key(s) start at a fixed argv index and run as a range; the range
 *     defaults to a single key (lastKey 0, keyStep 1, limit 0), opts overrides any of the three.
 *   - keyAfter(keyword, startFrom, flags, opts): the range starts after a keyword (e.g. STREAMS), searched
 *     from argv index startFrom (negative = from the end); same range defaults as keyAt.
 *   - keynum(index, flags, opts): a count at index tells how many keys follow (keyNumIdx 0, firstKey 1,
 *     keyStep 1 by default).
 *   - unknownKeys(flags, notes): Redis cannot tell where the keys are (e.g. SORT ... STORE in scripts).
 * Every helper accepts `notes`, printed by COMMAND INFO as the key spec's notes.
 *
 * Arguments. Each helper fixes the argument type; opts carries the rest of the facts (token, optional,
 * multiple, multipleToken, since, display, deprecatedSince) and only the fields given appear in the
 * result, so the objects are exactly what a hand-written literal would be (no undefined fields).
 *   keyArg(specIndex, name = 'key', opts), str, int, dbl, pattern, unixTime (name, opts),
 *   token(name, token = NAME, opts) for pure tokens, tokens(...names) for a run of them,
 *   oneOf / block (name, nested arguments, opts).
 */
import type { ArgSpec, ArgType, KeySpec } from './types.ts';

interface RangeOpts {
  lastKey?: number;
  keyStep?: number;
  limit?: number;
  notes?: string;
}

interface KeynumOpts {
  keyNumIdx?: number;
  firstKey?: number;
  keyStep?: number;
  notes?: string;
}

/** Adds notes last (COMMAND INFO's order) only when they were given. */
function withNotes(spec: KeySpec, notes: string | undefined): KeySpec {
  return notes === undefined ? spec : { ...spec, notes };
}

/** Keys at a fixed argv index, as a range (a single key by default). */
export function keyAt(index: number, flags: string[], opts: RangeOpts = {}): KeySpec {
  const { lastKey = 0, keyStep = 1, limit = 0, notes } = opts;
  return withNotes(
    { flags, beginSearch: { type: 'index', index }, findKeys: { type: 'range', lastKey, keyStep, limit } },
    notes,
  );
}

/** Keys found after a keyword searched from startFrom, as a range (a single key by default). */
export function keyAfter(keyword: string, startFrom: number, flags: string[], opts: RangeOpts = {}): KeySpec {
  const { lastKey = 0, keyStep = 1, limit = 0, notes } = opts;
  return withNotes(
    {
      flags,
      beginSearch: { type: 'keyword', keyword, startFrom },
      findKeys: { type: 'range', lastKey, keyStep, limit },
    },
    notes,
  );
}

/** Keys whose count is an argument: search starts at index, count at keyNumIdx past it. */
export function keynum(index: number, flags: string[], opts: KeynumOpts = {}): KeySpec {
  const { keyNumIdx = 0, firstKey = 1, keyStep = 1, notes } = opts;
  return withNotes(
    {
      flags,
      beginSearch: { type: 'index', index },
      findKeys: { type: 'keynum', keyNumIdx, firstKey, keyStep },
    },
    notes,
  );
}

/** Keys Redis cannot locate from the arguments alone. */
export function unknownKeys(flags: string[], notes?: string): KeySpec {
  return withNotes({ flags, beginSearch: { type: 'unknown' }, findKeys: { type: 'unknown' } }, notes);
}

/** Every optional fact of an argument besides its name, type and nested arguments. */
export type ArgOpts = Omit<ArgSpec, 'name' | 'type' | 'arguments'>;

/** Any argument type; the named helpers below cover the common ones. */
export function arg(name: string, type: ArgType, opts: ArgOpts = {}): ArgSpec {
  return { name, type, ...opts };
}

/** A key argument bound to key spec number specIndex. */
export function keyArg(specIndex = 0, name = 'key', opts: ArgOpts = {}): ArgSpec {
  return { name, type: 'key', keySpecIndex: specIndex, ...opts };
}

export const str = (name: string, opts: ArgOpts = {}): ArgSpec => arg(name, 'string', opts);
export const int = (name: string, opts: ArgOpts = {}): ArgSpec => arg(name, 'integer', opts);
export const dbl = (name: string, opts: ArgOpts = {}): ArgSpec => arg(name, 'double', opts);
export const pattern = (name: string, opts: ArgOpts = {}): ArgSpec => arg(name, 'pattern', opts);
export const unixTime = (name: string, opts: ArgOpts = {}): ArgSpec => arg(name, 'unix-time', opts);

/** A pure token such as NX; the token defaults to the upper-cased name. */
export function token(name: string, tokenText = name.toUpperCase(), opts: ArgOpts = {}): ArgSpec {
  return { name, type: 'pure-token', token: tokenText, ...opts };
}

/** Pure tokens named after their upper-cased names, e.g. the choices of a oneOf: tokens('asc', 'desc'). */
export function tokens(...names: string[]): ArgSpec[] {
  return names.map((name) => token(name));
}

/** A choice of one argument among several. */
export function oneOf(name: string, args: ArgSpec[], opts: ArgOpts = {}): ArgSpec {
  return { name, type: 'oneof', ...opts, arguments: args };
}

/** A group of arguments given together. */
export function block(name: string, args: ArgSpec[], opts: ArgOpts = {}): ArgSpec {
  return { name, type: 'block', ...opts, arguments: args };
}
