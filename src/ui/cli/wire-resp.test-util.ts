/*
 * Test helper: a tiny RESP2/RESP3 client for a real redis-server that yields WireReply values, so the
 * console's formatter can be compared with what redis-cli prints for the very same reply. It parses
 * a whole buffer at a time and reports "incomplete" by returning undefined.
 */
import { Socket } from 'node:net';
import type { WireReply } from '../../protocol/reply.ts';

const CRLF = 0x0d;

function readLine(buf: Uint8Array, pos: number): { line: string; next: number } | undefined {
  for (let i = pos; i + 1 < buf.length; i++) {
    if (buf[i] === CRLF && buf[i + 1] === 0x0a) {
      return { line: String.fromCharCode(...buf.subarray(pos, i)), next: i + 2 };
    }
  }
  return undefined;
}

type Parsed = { r: WireReply; next: number } | undefined;

function parseMany(buf: Uint8Array, pos: number, n: number): { a: WireReply[]; next: number } | undefined {
  const a: WireReply[] = [];
  for (let i = 0; i < n; i++) {
    const p = parseReply(buf, pos);
    if (!p) return undefined;
    a.push(p.r);
    pos = p.next;
  }
  return { a, next: pos };
}

export function parseReply(buf: Uint8Array, pos: number): Parsed {
  const head = readLine(buf, pos);
  if (!head) return undefined;
  const kind = head.line[0];
  const text = head.line.slice(1);
  const next = head.next;
  if (kind === '+') return { r: { t: 'simple', s: text }, next };
  if (kind === '-') return { r: { t: 'error', s: text }, next };
  if (kind === ':') return { r: { t: 'int', n: Number(text) }, next };
  if (kind === '_') return { r: { t: 'nil' }, next };
  if (kind === '#') return { r: { t: 'bool', v: text === 't' }, next };
  if (kind === ',') return { r: { t: 'double', d: Number(text.replace('inf', 'Infinity')) }, next };
  if (kind === '(') return { r: { t: 'bignum', s: text }, next };
  if (kind === '$' || kind === '=') {
    const len = Number(text);
    if (len < 0) return { r: { t: 'nil' }, next };
    if (buf.length < next + len + 2) return undefined;
    const b = buf.slice(next, next + len);
    if (kind === '$') return { r: { t: 'bulk', b }, next: next + len + 2 };
    const format = String.fromCharCode(...b.subarray(0, 3));
    return { r: { t: 'verbatim', format, b: b.slice(4) }, next: next + len + 2 };
  }
  const n = Number(text);
  if (kind === '*' && n < 0) return { r: { t: 'nilarray' }, next };
  const items = parseMany(buf, next, kind === '%' ? n * 2 : n);
  if (!items) return undefined;
  if (kind === '*') return { r: { t: 'array', a: items.a }, next: items.next };
  if (kind === '~') return { r: { t: 'set', a: items.a }, next: items.next };
  if (kind === '>') return { r: { t: 'push', a: items.a }, next: items.next };
  const m: [WireReply, WireReply][] = [];
  for (let i = 0; i < items.a.length; i += 2) m.push([items.a[i]!, items.a[i + 1]!]);
  return { r: { t: 'map', m }, next: items.next };
}

function encodeCommand(argv: (string | Uint8Array)[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [enc.encode(`*${argv.length}\r\n`)];
  for (const a of argv) {
    const b = typeof a === 'string' ? enc.encode(a) : a;
    parts.push(enc.encode(`$${b.length}\r\n`), b, enc.encode('\r\n'));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** One connection; call() sends a command and resolves with its parsed reply. */
export class WireClient {
  private buf = new Uint8Array(0);
  private waiter: ((r: WireReply) => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Uint8Array) => {
      const merged = new Uint8Array(this.buf.length + chunk.length);
      merged.set(this.buf);
      merged.set(chunk, this.buf.length);
      this.buf = merged;
      const p = parseReply(this.buf, 0);
      if (p && this.waiter) {
        this.buf = this.buf.slice(p.next);
        const w = this.waiter;
        this.waiter = null;
        w(p.r);
      }
    });
  }

  static open(port: number): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const s = new Socket();
      s.once('error', reject);
      s.connect(port, '127.0.0.1', () => resolve(new WireClient(s)));
    });
  }

  call(...argv: (string | Uint8Array)[]): Promise<WireReply> {
    return new Promise((resolve) => {
      this.waiter = resolve;
      this.socket.write(encodeCommand(argv));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
