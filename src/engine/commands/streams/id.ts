/*
 * Stream IDs (Redis's streamID): two unsigned 64-bit integers, "<ms>-<seq>", ordered as one 128-bit
 * number (ms first).
 *
 * Representation: each half is a U64 = number | bigint with one canonical form per value: a JS number
 * when the value is at most Number.MAX_SAFE_INTEGER (2^53 - 1), a bigint above that. Real IDs (unix
 * ms, small sequences) are always numbers, so the hot path (XADD '*', range scans, comparisons) does
 * plain double arithmetic; IDs such as 18446744073709551615-18446744073709551615 stay exact as
 * bigints. Because the form is canonical, `===` is value equality, and JS's relational operators
 * compare a number with a bigint by mathematical value, so comparisons never need to convert.
 * Every function that builds a U64 from arithmetic goes through u64() to keep the invariant.
 *
 * IDs are immutable values: functions return fresh objects and never modify their arguments.
 */
import type { Bytes } from '../../bytes.ts';
import { fail } from '../../server/errors.ts';
import { parseI64 } from '../../util/parse.ts';

export type U64 = number | bigint;

export interface StreamId {
  readonly ms: U64;
  readonly seq: U64;
}

export const U64_MAX = 18446744073709551615n;
const SAFE_MAX = Number.MAX_SAFE_INTEGER;
const SAFE_MAX_BIG = BigInt(SAFE_MAX);

export const MIN_ID: StreamId = Object.freeze({ ms: 0, seq: 0 });
export const MAX_ID: StreamId = Object.freeze({ ms: U64_MAX, seq: U64_MAX });

/** Error texts of t_stream.c used around IDs. */
export const ID_ERR = {
  invalid: 'ERR Invalid stream ID specified as stream command argument',
  startInterval: 'ERR invalid start ID for the interval',
  endInterval: 'ERR invalid end ID for the interval',
  xaddZero: 'ERR The ID specified in XADD must be greater than 0-0',
  xaddSmaller: 'ERR The ID specified in XADD is equal or smaller than the target stream top item',
  exhausted: 'ERR The stream has exhausted the last possible ID, unable to add more items',
} as const;

/** The canonical U64 of a bigint in 0..2^64-1. */
export function u64(v: bigint): U64 {
  return v <= SAFE_MAX_BIG ? Number(v) : v;
}

export function toBig(v: U64): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

export function compareU64(a: U64, b: U64): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareIds(a: StreamId, b: StreamId): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  if (a.seq !== b.seq) return a.seq < b.seq ? -1 : 1;
  return 0;
}

export function idEquals(a: StreamId, b: StreamId): boolean {
  return a.ms === b.ms && a.seq === b.seq;
}

export function isZeroId(id: StreamId): boolean {
  return id.ms === 0 && id.seq === 0;
}

export function idToString(id: StreamId): string {
  return `${id.ms}-${id.seq}`;
}

export function makeId(ms: U64, seq: U64): StreamId {
  return { ms, seq };
}

export function idFromParts(ms: bigint, seq: bigint): StreamId {
  return { ms: u64(ms), seq: u64(seq) };
}

/** x + 1, or null when x is 2^64-1. */
export function incU64(x: U64): U64 | null {
  if (typeof x === 'number') return x < SAFE_MAX ? x + 1 : u64(BigInt(x) + 1n);
  return x === U64_MAX ? null : x + 1n;
}

/** x - 1, or null when x is 0. */
export function decU64(x: U64): U64 | null {
  if (typeof x === 'number') return x === 0 ? null : x - 1;
  return u64(x - 1n);
}

/** streamIncrID: the successor, or null past MAX_ID (Redis wraps to 0-0 and reports an error). */
export function nextId(id: StreamId): StreamId | null {
  const seq = incU64(id.seq);
  if (seq !== null) return { ms: id.ms, seq };
  const ms = incU64(id.ms);
  return ms === null ? null : { ms, seq: 0 };
}

/** streamDecrID: the predecessor, or null before MIN_ID. */
export function prevId(id: StreamId): StreamId | null {
  const seq = decU64(id.seq);
  if (seq !== null) return { ms: id.ms, seq };
  const ms = decU64(id.ms);
  return ms === null ? null : { ms, seq: U64_MAX };
}

/** (a - b) mod 2^64 read as a signed 64-bit integer: the delta Redis stores for an entry's ID part. */
export function signedDelta(a: U64, b: U64): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return BigInt.asIntN(64, toBig(a) - toBig(b));
}

/*
 * Parsing (streamGenericParseIDOrReply). Redis copies the argument into a C buffer, so everything
 * after a NUL byte is ignored, and arguments longer than 127 bytes are invalid. "<ms>-<seq>" is split
 * at the first '-'; a missing "-<seq>" takes `missingSeq` (0 for range starts, 2^64-1 for range ends).
 * Each half is read by string2ull: the strict decimal form first (a negative one is refused), then
 * C's strtoull, which also takes leading spaces, a '+' or '-' sign (negating modulo 2^64) and leading
 * zeros, and refuses values past 2^64-1. "-" and "+" are MIN_ID and MAX_ID unless `strict`.
 */

export interface ParsedXaddId {
  id: StreamId;
  /** false for the "<ms>-*" form: the sequence is to be generated. */
  seqGiven: boolean;
}

/** The argument as C string functions see it: up to the first NUL byte. */
export function cString(b: Bytes): Bytes {
  const z = b.indexOf(0);
  return z < 0 ? b : b.subarray(0, z);
}

/** True when the argument is exactly the one-char token `ch` (as C's `s[0]==ch && s[1]=='\0'`). */
export function isCToken(b: Bytes, ch: number): boolean {
  return b.length >= 1 && b[0] === ch && (b.length === 1 || b[1] === 0);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** string2ull over s[from, to). */
function parseU64(s: Bytes, from: number, to: number): U64 | null {
  const n = to - from;
  if (n > 0 && n <= 15 && s[from] !== 48) {
    let v = 0;
    let i = from;
    for (; i < to; i++) {
      const d = s[i]! - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (i === to) return v;
  }
  if (n === 1 && s[from] === 48) return 0;
  return parseU64Slow(s, from, to);
}

function parseU64Slow(s: Bytes, from: number, to: number): U64 | null {
  const strictValue = parseI64(s.subarray(from, to));
  // string2ll's form: a negative value is refused without trying strtoull.
  if (strictValue !== null) return strictValue < 0n ? null : u64(strictValue);
  let i = from;
  while (i < to && isSpace(s[i]!)) i++;
  let neg = false;
  if (i < to && (s[i] === 43 || s[i] === 45)) neg = s[i++] === 45;
  if (i >= to || !allDigits(s, i, to)) return null;
  let v = 0n;
  for (; i < to; i++) v = v * 10n + BigInt(s[i]! - 48);
  if (v > U64_MAX) return null;
  return u64(neg ? BigInt.asUintN(64, -v) : v);
}

function allDigits(s: Bytes, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s[i]! < 48 || s[i]! > 57) return false;
  return true;
}

/**
 * The general parser: throws the invalid-ID error. With `seqStar`, "<ms>-*" is accepted and reported
 * through seqGiven = false (only XADD asks for it).
 */
export function parseIdGeneric(arg: Bytes, missingSeq: U64, strict: boolean, seqStar: boolean): ParsedXaddId {
  if (arg.length > 127) fail(ID_ERR.invalid);
  const s = cString(arg);
  if (s.length === 1 && (s[0] === 45 || s[0] === 43)) {
    if (strict) fail(ID_ERR.invalid);
    return { id: s[0] === 45 ? MIN_ID : MAX_ID, seqGiven: true };
  }
  const dash = s.indexOf(45);
  const ms = parseU64(s, 0, dash < 0 ? s.length : dash);
  if (ms === null) fail(ID_ERR.invalid);
  if (dash < 0) return { id: { ms, seq: missingSeq }, seqGiven: true };
  if (seqStar && s.length === dash + 2 && s[dash + 1] === 42) return { id: { ms, seq: 0 }, seqGiven: false };
  const seq = parseU64(s, dash + 1, s.length);
  if (seq === null) fail(ID_ERR.invalid);
  return { id: { ms, seq }, seqGiven: true };
}

/** streamParseIDOrReply: "-" and "+" allowed. */
export function parseId(arg: Bytes, missingSeq: U64 = 0): StreamId {
  return parseIdGeneric(arg, missingSeq, false, false).id;
}

/** streamParseStrictIDOrReply without seq_given: "-" and "+" refused. */
export function parseStrictId(arg: Bytes, missingSeq: U64 = 0): StreamId {
  return parseIdGeneric(arg, missingSeq, true, false).id;
}

/** XADD's explicit ID: strict, and "<ms>-*" allowed. ('*' itself is the caller's business.) */
export function parseXaddId(arg: Bytes): ParsedXaddId {
  return parseIdGeneric(arg, 0, true, true);
}

/**
 * streamParseIntervalIDOrReply: a range bound, exclusive with a "(" prefix (then strict). The caller
 * moves an exclusive bound with nextId/prevId and answers the interval errors.
 */
export function parseIntervalId(arg: Bytes, missingSeq: U64): { id: StreamId; exclusive: boolean } {
  if (arg.length > 1 && arg[0] === 40) {
    return { id: parseIdGeneric(arg.subarray(1), missingSeq, true, false).id, exclusive: true };
  }
  return { id: parseIdGeneric(arg, missingSeq, false, false).id, exclusive: false };
}
