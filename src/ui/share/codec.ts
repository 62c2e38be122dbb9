/*
 * Link codes: a SharedSession as terse JSON (wire.ts), deflated with the browser's CompressionStream,
 * then base64url (RFC 4648 section 5, no padding) so it sits in a URL fragment unescaped.
 *
 * Decoding is defensive end to end: the code's alphabet and length are checked first, inflating stops
 * at SHARE_LIMITS.jsonBytesMax (a small code must not expand into gigabytes), and every failure comes
 * out as a ShareError whose message says what is wrong with the link.
 */
import { SHARE_LIMITS, type SharedSession } from './types.ts';
import { fromWire, ShareError, toWire } from './wire.ts';

export { ShareError } from './wire.ts';

const FORMAT: CompressionFormat = 'deflate';

export async function encodeSession(session: SharedSession): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(toWire(session)));
  const packed = await pipeBytes(json, new CompressionStream(FORMAT), Infinity);
  return toBase64Url(packed);
}

export async function decodeSession(code: string): Promise<SharedSession> {
  if (code.length === 0) throw new ShareError('the link holds no session');
  if (code.length > SHARE_LIMITS.codeCharsMax) throw new ShareError('the link is too long');
  const packed = fromBase64Url(code);
  let json: Uint8Array;
  try {
    json = await pipeBytes(packed, new DecompressionStream(FORMAT), SHARE_LIMITS.jsonBytesMax);
  } catch (e) {
    if (e instanceof ShareError) throw e;
    throw new ShareError('the link is damaged or cut short (its data does not inflate)');
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new ShareError('the link is damaged (its data is not a session)');
  }
  return fromWire(data);
}

/** Runs bytes through a transform stream, refusing output beyond `maxBytes`. */
async function pipeBytes(
  input: Uint8Array,
  stream: GenericTransformStream,
  maxBytes: number,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Write and close without awaiting first: the readable side must be drained concurrently.
  const written = writer.write(input as Uint8Array<ArrayBuffer>).then(() => writer.close());
  written.catch(() => {});
  const reader = (stream.readable as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new ShareError('the link expands to more data than a session can hold');
    }
    chunks.push(value);
  }
  await written;
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000; // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(code: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(code) || code.length % 4 === 1) {
    throw new ShareError('the link is damaged (it has characters a session code never contains)');
  }
  const b64 = code.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (code.length % 4)) % 4);
  const binary = atob(b64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
