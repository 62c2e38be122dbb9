/*
 * Streaming decoder of client requests: Redis's processInputBuffer with processMultibulkBuffer and
 * processInlineBuffer (networking.c). The host feeds socket chunks as they arrive and pulls complete
 * commands one at a time with next(), executing each before asking for the following one, because
 * a command may change how the rest must be read (AUTH lifts the unauthenticated limits).
 *
 * A request starting with '*' is multibulk (`*N\r\n` then N times `$len\r\n<bytes>\r\n`); anything
 * else is an inline line split with sdssplitargs rules. Empty requests (`*0`, `*-1`, blank lines) are
 * skipped. Faithful quirks kept on purpose, since clients can observe them:
 *  - Line searches stop at a NUL byte as Redis's strchr does, so a NUL before the line end makes the
 *    request wait for more data (until the 64 KB inline limit turns it into an error).
 *  - The byte after a '\r' that ends a header, and the two bytes after a bulk payload, are skipped
 *    without checking that they are '\n' / "\r\n".
 *  - Limits: inline and header lines longer than 64 KB without a terminator, multibulk counts above
 *    INT_MAX, bulk lengths above proto-max-bulk-len; while authentication is required, counts above
 *    10 and bulk lengths above 16384.
 * Known difference: Redis checks the 64 KB limits after each read(2), whose sizes follow its buffer
 * growth (16 KB, then about 64 KB more); we check after each chunk the host feeds. An inline line a
 * little over 64 KB that arrives at once can therefore be accepted here but refused by Redis.
 * A protocol error sets `error` (the full reply text, "ERR Protocol error: ...") and the parser stops:
 * the host replies it and closes the connection, running nothing else from the buffer.
 *
 * Buffering: pending bytes live in buf[pos, end). Chunks are appended with doubling growth, and
 * consumed space is reclaimed by moving only the unparsed tail (bounded by the 64 KB line limit plus
 * one small bulk), so input is copied a bounded number of times. A bulk of 32 KB or more that is not
 * complete yet gets its own exact-size array that later chunks fill directly (Redis's big-argument
 * path), so huge payloads are copied once. Every argument is a fresh array, never a view of a buffer
 * that is reused.
 */
import type { Bytes } from '../bytes.ts';
import { splitInlineArgs } from './request-parser-inline.ts';

export const INLINE_MAX_BYTES = 64 * 1024;
export const BIG_ARG_BYTES = 32 * 1024;
const INT_MAX = 2147483647;
/** proto-max-bulk-len cannot be set below 1 MB, so shorter bulks never need the config lookup. */
const MIN_PROTO_MAX_BULK_LEN = 1024 * 1024;
const CR = 13;
const LF = 10;

export interface RequestLimits {
  /** Current proto-max-bulk-len. */
  maxBulkLen(): number;
  /** True while the client must still authenticate (Redis's authRequired). */
  authRequired(): boolean;
}

const NO_LIMITS: RequestLimits = { maxBulkLen: () => 512 * 1024 * 1024, authRequired: () => false };

/**
 * Redis's string2ll over buf[start, end): optional '-', no '+', no leading zeros, at most 20 chars,
 * within int64. Returns null when invalid. Lengths we accept are far below 2^53, so a double is exact
 * wherever the answer matters (larger values are rejected by the caller's limits anyway).
 */
export function parseLongLong(buf: Uint8Array, start: number, end: number): number | null {
  const n = end - start;
  if (n === 0 || n >= 21) return null;
  if (n === 1 && buf[start] === 48) return 0;
  let p = start;
  const negative = buf[p] === 45;
  if (negative && ++p === end) return null;
  let c = buf[p]!;
  if (c < 49 || c > 57) return null;
  let v = 0;
  for (; p < end; p++) {
    c = buf[p]!;
    if (c < 48 || c > 57) return null;
    v = v * 10 + (c - 48);
  }
  if (n >= 19) return int64OrNull(buf, start, end);
  return negative ? -v : v;
}

/** Exact int64 range check for long digit strings (doubles cannot tell 2^63 - 1 from 2^63). */
function int64OrNull(buf: Uint8Array, start: number, end: number): number | null {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(buf[i]!);
  const v = BigInt(text);
  return v >= -(2n ** 63n) && v < 2n ** 63n ? Number(v) : null;
}

export class RequestParser {
  /** Set once a protocol error is found: the error reply text. */
  error: string | undefined;
  private buf: Uint8Array;
  private pos = 0;
  private end = 0;
  /** Bulks still expected by the current multibulk request (0: between requests). */
  private bulksLeft = 0;
  /** Length of the bulk being read, -1 while its `$len` header is pending. */
  private bulkLen = -1;
  private args: Bytes[] = [];
  /** True between a multibulk request's `*N` header and its last bulk. */
  private inMultibulk = false;
  /** Big-argument mode: the payload array being filled and the trailing bytes still to skip. */
  private big: Uint8Array | null = null;
  private bigFilled = 0;
  private bigSkip = 0;

  constructor(
    private readonly limits: RequestLimits = NO_LIMITS,
    initialBytes = 16 * 1024,
  ) {
    this.buf = new Uint8Array(initialBytes);
  }

  /** Bytes received but not yet parsed into commands (the query buffer). */
  get pendingBytes(): number {
    return this.end - this.pos + (this.big ? this.bigFilled : 0);
  }

  /** Adds received bytes. The chunk is copied; the caller may reuse it. */
  feed(chunk: Uint8Array): void {
    if (this.error !== undefined) return;
    let offset = 0;
    if (this.big !== null) offset = this.fillBig(chunk);
    if (offset < chunk.length) this.append(chunk, offset);
  }

  /** The next complete command, or undefined (need more data, or `error` is set). */
  next(): Bytes[] | undefined {
    while (this.error === undefined && this.big === null) {
      if (!this.inMultibulk) {
        if (this.pos === this.end) return undefined;
        if (this.buf[this.pos] !== 42) {
          const argv = this.readInline();
          if (argv === null) continue; // a blank line: skipped
          return argv;
        }
        const started = this.startMultibulk();
        if (started === null) continue; // `*0` or a negative count: skipped
        if (started === undefined) return undefined;
      }
      return this.readBulks();
    }
    return undefined;
  }

  private fail(text: string): undefined {
    this.error = 'ERR Protocol error: ' + text;
    return undefined;
  }

  /** Index of the first `target` byte in [pos, end), or -1 if absent or a NUL comes first. */
  private findLineEnd(target: number): number {
    const buf = this.buf;
    for (let i = this.pos, end = this.end; i < end; i++) {
      const c = buf[i]!;
      if (c === target) return i;
      if (c === 0) return -1;
    }
    return -1;
  }

  /** One inline line: its args, null for an empty line, undefined if incomplete or invalid. */
  private readInline(): Bytes[] | null | undefined {
    let nl = this.findLineEnd(LF);
    if (nl < 0) {
      if (this.end - this.pos > INLINE_MAX_BYTES) return this.fail('too big inline request');
      return undefined;
    }
    const next = nl + 1;
    if (nl !== this.pos && this.buf[nl - 1] === CR) nl--;
    const args = splitInlineArgs(this.buf, this.pos, nl);
    if (args === null) return this.fail('unbalanced quotes in request');
    this.pos = next;
    return args.length === 0 ? null : args;
  }

  /** Reads `*N\r\n`: true when bulks follow, null for N <= 0, undefined if incomplete or invalid. */
  private startMultibulk(): true | null | undefined {
    const cr = this.findLineEnd(CR);
    if (cr < 0) {
      if (this.end - this.pos > INLINE_MAX_BYTES) return this.fail('too big mbulk count string');
      return undefined;
    }
    if (cr > this.end - 2) return undefined;
    const count = parseLongLong(this.buf, this.pos + 1, cr);
    if (count === null || count > INT_MAX) return this.fail('invalid multibulk length');
    if (count > 10 && this.limits.authRequired()) return this.fail('unauthenticated multibulk length');
    this.pos = cr + 2;
    if (count <= 0) return null;
    this.bulksLeft = count;
    this.bulkLen = -1;
    this.inMultibulk = true;
    this.args = [];
    return true;
  }

  /** Reads bulks of the current multibulk request; its argv once all have arrived. */
  private readBulks(): Bytes[] | undefined {
    while (this.bulksLeft > 0) {
      if (this.bulkLen < 0 && !this.readBulkHeader()) return undefined;
      const len = this.bulkLen;
      const avail = this.end - this.pos;
      if (avail < len + 2) {
        if (len >= BIG_ARG_BYTES) this.startBig(len);
        return undefined;
      }
      this.args.push(this.buf.slice(this.pos, this.pos + len));
      this.pos += len + 2;
      this.bulkLen = -1;
      this.bulksLeft--;
    }
    return this.finishRequest();
  }

  private finishRequest(): Bytes[] {
    const argv = this.args;
    this.args = [];
    this.inMultibulk = false;
    if (this.pos === this.end) this.pos = this.end = 0;
    return argv;
  }

  /** Reads `$len\r\n` into bulkLen; false if incomplete or invalid (then `error` is set). */
  private readBulkHeader(): boolean {
    const cr = this.findLineEnd(CR);
    if (cr < 0) {
      if (this.end - this.pos > INLINE_MAX_BYTES) this.fail('too big bulk count string');
      return false;
    }
    if (cr > this.end - 2) return false;
    const first = this.buf[this.pos]!;
    if (first !== 36) {
      const shown = first === CR || first === LF ? ' ' : String.fromCharCode(first);
      this.fail(`expected '$', got '${shown}'`);
      return false;
    }
    const len = parseLongLong(this.buf, this.pos + 1, cr);
    if (len === null || len < 0 || (len > MIN_PROTO_MAX_BULK_LEN && len > this.limits.maxBulkLen())) {
      this.fail('invalid bulk length');
      return false;
    }
    if (len > 16384 && this.limits.authRequired()) {
      this.fail('unauthenticated bulk length');
      return false;
    }
    this.pos = cr + 2;
    this.bulkLen = len;
    return true;
  }

  /** Moves the partial payload of a big bulk into its own array, filled by later chunks. */
  private startBig(len: number): void {
    const big = new Uint8Array(len);
    const have = Math.min(this.end - this.pos, len);
    big.set(this.buf.subarray(this.pos, this.pos + have));
    this.big = big;
    this.bigFilled = have;
    this.bigSkip = 2 - (this.end - this.pos - have);
    this.pos = this.end = 0;
    if (this.buf.length > 4 * INLINE_MAX_BYTES) this.buf = new Uint8Array(16 * 1024);
  }

  /** Feeds a chunk to the big bulk; returns how many bytes of the chunk it used. */
  private fillBig(chunk: Uint8Array): number {
    const big = this.big!;
    const take = Math.min(big.length - this.bigFilled, chunk.length);
    big.set(take === chunk.length ? chunk : chunk.subarray(0, take), this.bigFilled);
    this.bigFilled += take;
    let used = take;
    if (this.bigFilled < big.length) return used;
    const skip = Math.min(this.bigSkip, chunk.length - used);
    this.bigSkip -= skip;
    used += skip;
    if (this.bigSkip > 0) return used;
    this.args.push(big);
    this.big = null;
    this.bigFilled = 0;
    this.bulkLen = -1;
    this.bulksLeft--;
    return used;
  }

  /** Appends chunk[offset..] to the pending bytes, compacting or growing the buffer as needed. */
  private append(chunk: Uint8Array, offset: number): void {
    const n = chunk.length - offset;
    const pending = this.end - this.pos;
    if (this.end + n > this.buf.length) {
      if (pending + n <= this.buf.length && this.pos > 0) {
        this.buf.copyWithin(0, this.pos, this.end);
      } else {
        let size = this.buf.length * 2;
        while (size < pending + n) size *= 2;
        const next = new Uint8Array(size);
        next.set(this.buf.subarray(this.pos, this.end));
        this.buf = next;
      }
      this.pos = 0;
      this.end = pending;
    }
    this.buf.set(offset === 0 ? chunk : chunk.subarray(offset), this.end);
    this.end += n;
  }
}
