/*
 * Client-side RESP2/RESP3 reply parser: the reading half of a Redis client. Used by the tests (to read
 * real redis-server's replies into the same Reply model our engine produces, so the two compare
 * structurally) and by anything that talks to a server. Streaming: feed() bytes as they come, then
 * call next() until it returns undefined (incomplete input stays buffered).
 */
import { bin } from '../bytes.ts';
import { formatG } from '../util/numfmt.ts';
import type { Reply } from './reply.ts';

const INCOMPLETE = Symbol('incomplete');

export class ReplyParser {
  private buf = new Uint8Array(0);
  private pos = 0;

  feed(chunk: Uint8Array): void {
    const rest = this.buf.subarray(this.pos);
    const next = new Uint8Array(rest.length + chunk.length);
    next.set(rest);
    next.set(chunk, rest.length);
    this.buf = next;
    this.pos = 0;
  }

  next(): Reply | undefined {
    const start = this.pos;
    const r = this.parse();
    if (r === INCOMPLETE) {
      this.pos = start;
      return undefined;
    }
    return r;
  }

  private line(): string | typeof INCOMPLETE {
    const b = this.buf;
    for (let i = this.pos; i + 1 < b.length; i++) {
      if (b[i] === 13 && b[i + 1] === 10) {
        const s = bin(b.subarray(this.pos, i));
        this.pos = i + 2;
        return s;
      }
    }
    return INCOMPLETE;
  }

  private items(n: number): Reply[] | typeof INCOMPLETE {
    const out: Reply[] = [];
    for (let i = 0; i < n; i++) {
      const r = this.parse();
      if (r === INCOMPLETE) return INCOMPLETE;
      out.push(r);
    }
    return out;
  }

  private blob(n: number): Uint8Array | typeof INCOMPLETE {
    if (this.pos + n + 2 > this.buf.length) return INCOMPLETE;
    const b = this.buf.slice(this.pos, this.pos + n);
    this.pos += n + 2;
    return b;
  }

  private parse(): Reply | typeof INCOMPLETE {
    if (this.pos >= this.buf.length) return INCOMPLETE;
    const type = String.fromCharCode(this.buf[this.pos++]!);
    const l = this.line();
    if (l === INCOMPLETE) return INCOMPLETE;
    switch (type) {
      case '+':
        return { t: 'simple', s: l };
      case '-':
        return { t: 'error', s: l };
      case ':': {
        const n = Number(l);
        return { t: 'int', n: Number.isSafeInteger(n) ? n : BigInt(l) };
      }
      case '$':
      case '=': {
        const n = Number(l);
        if (n < 0) return { t: 'nil' };
        const b = this.blob(n);
        if (b === INCOMPLETE) return INCOMPLETE;
        if (type === '=') return { t: 'verbatim', format: bin(b.subarray(0, 3)), b: b.slice(4) };
        return { t: 'bulk', b };
      }
      case '*':
      case '~':
      case '>': {
        const n = Number(l);
        if (n < 0) return { t: 'nilarray' };
        const a = this.items(n);
        if (a === INCOMPLETE) return INCOMPLETE;
        return type === '*' ? { t: 'array', a } : type === '~' ? { t: 'set', a } : { t: 'push', a };
      }
      case '%': {
        const a = this.items(Number(l) * 2);
        if (a === INCOMPLETE) return INCOMPLETE;
        const m: [Reply, Reply][] = [];
        for (let i = 0; i < a.length; i += 2) m.push([a[i]!, a[i + 1]!]);
        return { t: 'map', m };
      }
      case '_':
        return { t: 'nil' };
      case ',': {
        const d = l === 'inf' ? Infinity : l === '-inf' ? -Infinity : Number(l);
        // Keep the server's own text when "%.17g" would not reproduce it (long double "human" form).
        return formatG(d) === l ? { t: 'double', d } : { t: 'double', d, s: l };
      }
      case '#':
        return { t: 'bool', v: l === 't' };
      case '(':
        return { t: 'bignum', s: l };
      default:
        throw new Error(`protocol error: unexpected reply type byte ${JSON.stringify(type)}`);
    }
  }
}
