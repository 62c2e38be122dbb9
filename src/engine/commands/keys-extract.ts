/*
 * Which arguments of a command are keys, and how the command touches each one (Redis's
 * getKeysFromCommandWithSpecs in db.c). Used by COMMAND GETKEYS / GETKEYSANDFLAGS and, later, by
 * cluster slot routing and ACL key checks.
 *
 * Two sources, tried in Redis's order:
 *   1. The declarative key specs. Each spec first finds where its keys begin (a fixed index, or the
 *      argument after a keyword searched forwards or backwards), then which arguments from there are
 *      keys (a range with a step and an optional "limit" divisor, or a count read from an argument).
 *      A spec that cannot be applied (unknown type, bad count, out of bounds) or that is INCOMPLETE
 *      makes the whole extraction fail, unless partial results were asked for.
 *   2. A command-specific extractor (Redis's getkeys_proc), for commands whose specs are incomplete
 *      (SORT's STORE, MIGRATE's KEYS) or whose key flags depend on the arguments (SET ... GET,
 *      BITFIELD ... GET). Specs are skipped entirely when any of them has VARIABLE_FLAGS, because their
 *      flags would then be wrong for this particular call.
 *
 * Flags are kept as the upper-case key spec names (RW, ACCESS, ...). Extractors of commands whose
 * specs are complete report no flags, as Redis does.
 */
import { type Bytes, lowerBin } from '../bytes.ts';
import type { Command } from './registry.ts';
import { SPECIAL_EXTRACTORS } from './keys-extract-special.ts';
import type { KeySpec } from './types.ts';

/** One key found in argv: its index and the flags of the spec (or extractor) that found it. */
export interface KeyRef {
  pos: number;
  flags: readonly string[];
}

export interface ExtractOptions {
  /** Also return arguments of specs flagged NOT_KEY (e.g. channel-like names). */
  includeNotKeys?: boolean;
  /** Skip specs that cannot be applied instead of failing; keep keys of the others. */
  partial?: boolean;
}

function hasFlag(spec: KeySpec, flag: string): boolean {
  return spec.flags.some((f) => f.toUpperCase() === flag);
}

/** Redis's doesCommandHaveKeys: an extractor, or at least one spec that names real keys. */
export function commandHasKeys(cmd: Command): boolean {
  if (SPECIAL_EXTRACTORS[cmd.fullName]) return true;
  return (cmd.spec.keySpecs ?? []).some((s) => !hasFlag(s, 'NOT_KEY'));
}

/** The keys of argv (argv[0] is the command name) by Redis's rules; [] when none can be found. */
export function extractKeys(cmd: Command, argv: readonly Bytes[], opts: ExtractOptions = {}): KeyRef[] {
  const specs = cmd.spec.keySpecs ?? [];
  const hasRealSpec = specs.some((s) => !hasFlag(s, 'NOT_KEY'));
  const hasVariableFlags = specs.some((s) => hasFlag(s, 'VARIABLE_FLAGS'));
  if (hasRealSpec && !hasVariableFlags) {
    const keys = keysFromSpecs(specs, cmd.spec.arity, argv, opts);
    if (keys !== null) return keys;
  }
  const special = SPECIAL_EXTRACTORS[cmd.fullName];
  return special ? special(argv) : [];
}

/** Redis's getKeysUsingKeySpecs: keys from the specs, or null when one of them cannot be applied. */
export function keysFromSpecs(
  specs: readonly KeySpec[],
  arity: number,
  argv: readonly Bytes[],
  opts: ExtractOptions = {},
): KeyRef[] | null {
  const keys: KeyRef[] = [];
  for (const spec of specs) {
    if (hasFlag(spec, 'NOT_KEY') && !opts.includeNotKeys) continue;
    const ok = applySpec(spec, arity, argv, keys);
    if (ok === 'skip') continue;
    if (ok === 'invalid' || hasFlag(spec, 'INCOMPLETE')) {
      if (opts.partial) continue;
      return null;
    }
  }
  return keys;
}

type SpecOutcome = 'ok' | 'skip' | 'invalid';

/** Applies one spec, appending its keys; 'skip' when a keyword search found nothing. */
function applySpec(spec: KeySpec, arity: number, argv: readonly Bytes[], out: KeyRef[]): SpecOutcome {
  const first = beginIndex(spec, argv);
  if (first === null) return 'invalid';
  if (first === 0) return 'skip';
  const range = keyRange(spec, first, argv);
  if (range === null) return 'invalid';
  const { start, last, step } = range;
  const argc = argv.length;
  if (last >= argc || last < start || start >= argc) return 'invalid';
  for (let i = start; i <= last; i += step) {
    // Redis tolerates this only for variadic commands (the handler reports the error later).
    if (i >= argc || i < start) {
      if (arity < 0) continue;
      return 'invalid';
    }
    out.push({ pos: i, flags: spec.flags.map((f) => f.toUpperCase()) });
  }
  return 'ok';
}

/**
 * Where the keys start: the index itself, or the argument after the keyword. 0 means "keyword not
 * found" (the spec is skipped); null means the begin-search type is unknown (the spec is invalid).
 * A keyword search with a positive startfrom walks forwards up to argc-2 (a keyword in the last slot
 * has no key after it); a negative one walks backwards from argc+startfrom down to index 2.
 */
function beginIndex(spec: KeySpec, argv: readonly Bytes[]): number | null {
  const bs = spec.beginSearch;
  if (bs.type === 'index') return bs.index;
  if (bs.type !== 'keyword') return null;
  const argc = argv.length;
  const start = bs.startFrom > 0 ? bs.startFrom : argc + bs.startFrom;
  const end = bs.startFrom > 0 ? argc - 1 : 1;
  const keyword = bs.keyword.toLowerCase();
  for (let i = start; i !== end; i = start <= end ? i + 1 : i - 1) {
    if (i >= argc || i < 1) break;
    if (lowerBin(argv[i]!) === keyword) return i + 1;
  }
  return 0;
}

/**
 * The inclusive range [start, last] of key positions with their step. For a range spec a negative
 * lastkey counts from the end of argv, except with a limit, where the keys are the first
 * 1/limit of the remaining arguments (XREAD's STREAMS k1 k2 id1 id2). For a keynum spec the count is
 * read from argv and must be a non-negative integer.
 */
function keyRange(
  spec: KeySpec,
  first: number,
  argv: readonly Bytes[],
): { start: number; last: number; step: number } | null {
  const fk = spec.findKeys;
  const argc = argv.length;
  if (fk.type === 'range') {
    let last: number;
    if (fk.lastKey >= 0) last = first + fk.lastKey;
    else if (!fk.limit) last = argc + fk.lastKey;
    else last = first + (Math.trunc((argc - first) / fk.limit) + fk.lastKey);
    return { start: first, last, step: fk.keyStep };
  }
  if (fk.type === 'keynum') {
    const at = first + fk.keyNumIdx;
    if (fk.keyNumIdx >= argc || at >= argc) return null;
    const n = parseStrictInt(argv[at]!);
    if (n === null || n < 0) return null;
    const start = first + fk.firstKey;
    return { start, last: start + n - 1, step: fk.keyStep };
  }
  return null;
}

/** A decimal integer with Redis's string2ll rules (no spaces, no '+', no leading zeros). */
function parseStrictInt(b: Bytes): number | null {
  const s = lowerBin(b);
  if (!/^(0|-?[1-9][0-9]{0,18})$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}
