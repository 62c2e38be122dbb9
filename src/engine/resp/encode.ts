/*
 * RESP encoder. Writes replies into a growable byte buffer in RESP2 or RESP3, applying Redis's
 * downgrades for RESP2: map -> flat array of key, value; set and push -> array; double -> bulk string
 * ("%.17g", or inf/-inf); bool -> integer 1/0; verbatim and big number -> bulk; nil and nilarray keep
 * their distinct RESP2 forms ($-1 and *-1) and both become "_" in RESP3.
 */
import type { Bytes } from '../bytes.ts';
import { formatG } from '../util/numfmt.ts';
import type { Reply } from './reply.ts';

export type Resp = 2 | 3;

export class RespWriter {
  buf: Uint8Array;
  len = 0;

  constructor(initial = 16 * 1024) {
    this.buf = new Uint8Array(initial);
  }

  /** Takes the bytes written so far (a copy) and resets the writer. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.len);
    this.len = 0;
    return out;
  }

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Writes a binary string (one byte per char). */
  ascii(s: string): void {
    const n = s.length;
    this.ensure(n);
    const buf = this.buf;
    let o = this.len;
    for (let i = 0; i < n; i++) buf[o++] = s.charCodeAt(i);
    this.len = o;
  }

  bytes(b: Bytes): void {
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  private header(prefix: string, n: number | bigint): void {
    this.ascii(prefix + String(n) + '\r\n');
  }

  write(r: Reply, resp: Resp): void {
    switch (r.t) {
      case 'simple':
        this.ascii('+' + r.s + '\r\n');
        return;
      case 'error':
        this.ascii('-' + r.s + '\r\n');
        return;
      case 'int':
        this.header(':', r.n);
        return;
      case 'bulk':
        this.header('$', r.b.length);
        this.bytes(r.b);
        this.ascii('\r\n');
        return;
      case 'nil':
        this.ascii(resp === 2 ? '$-1\r\n' : '_\r\n');
        return;
      case 'nilarray':
        this.ascii(resp === 2 ? '*-1\r\n' : '_\r\n');
        return;
      case 'array':
        this.header('*', r.a.length);
        for (const x of r.a) this.write(x, resp);
        return;
      case 'set':
        this.header(resp === 2 ? '*' : '~', r.a.length);
        for (const x of r.a) this.write(x, resp);
        return;
      case 'push':
        if (sharedEncodings.has(r)) return this.bytes(sharedEncoding(r, resp));
        this.header(resp === 2 ? '*' : '>', r.a.length);
        for (const x of r.a) this.write(x, resp);
        return;
      case 'map':
        if (resp === 2) this.header('*', r.m.length * 2);
        else this.header('%', r.m.length);
        for (const [k, v] of r.m) {
          this.write(k, resp);
          this.write(v, resp);
        }
        return;
      default:
        this.writeScalar3(r, resp);
    }
  }

  private writeScalar3(r: Reply, resp: Resp): void {
    switch (r.t) {
      case 'double': {
        const s = r.s ?? formatG(r.d);
        if (resp === 2) this.ascii('$' + s.length + '\r\n' + s + '\r\n');
        else this.ascii(',' + s + '\r\n');
        return;
      }
      case 'bool':
        if (resp === 2) this.ascii(r.v ? ':1\r\n' : ':0\r\n');
        else this.ascii(r.v ? '#t\r\n' : '#f\r\n');
        return;
      case 'verbatim':
        if (resp === 2) {
          this.header('$', r.b.length);
        } else {
          this.header('=', r.b.length + 4);
          this.ascii((r.format + '   ').slice(0, 3) + ':');
        }
        this.bytes(r.b);
        this.ascii('\r\n');
        return;
      case 'bignum':
        if (resp === 2) this.ascii('$' + r.s.length + '\r\n' + r.s + '\r\n');
        else this.ascii('(' + r.s + '\r\n');
        return;
      default:
        throw new Error(`unencodable reply ${r.t}`);
    }
  }
}

/**
 * A push sent unchanged to many clients (a PUBLISH's message to every subscriber) can be marked with
 * shareEncoding(): writers then encode it once per protocol version and copy those bytes for each
 * client. The cache lives as long as the reply object.
 */
const sharedEncodings = new WeakMap<Reply, (Uint8Array | undefined)[]>();

export function shareEncoding<T extends Reply>(r: T): T {
  sharedEncodings.set(r, []);
  return r;
}

function sharedEncoding(r: Reply & { t: 'push' }, resp: Resp): Uint8Array {
  const cache = sharedEncodings.get(r)!;
  let bytes = cache[resp];
  if (bytes === undefined) {
    const w = new RespWriter(64);
    w.ascii(`${resp === 2 ? '*' : '>'}${r.a.length}\r\n`);
    for (const x of r.a) w.write(x, resp);
    bytes = cache[resp] = w.take();
  }
  return bytes;
}

/** Encodes one reply to fresh bytes (convenient in tests and for small hosts). */
export function encodeReply(r: Reply, resp: Resp = 2): Uint8Array {
  const w = new RespWriter(256);
  w.write(r, resp);
  return w.take();
}
