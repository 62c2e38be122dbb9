/*
 * Propagated forms of the stream commands (Redis 7.0's t_stream.c):
 *
 *   XADD key ... * f v         -> the generated ID in place of "*" (or of "ms" / "ms-*")
 *   XADD/XTRIM ... ~ thr       -> "=" and the length left (MAXLEN) or the first ID left (MINID; with
 *                                 an empty stream, UINT64_MAX-UINT64_MAX as streamGetEdgeID says)
 *   XREADGROUP (not NOACK)     -> per delivered entry:
 *                                 XCLAIM key group consumer 0 id TIME ms RETRYCOUNT n FORCE JUSTID LASTID last
 *   XREADGROUP NOACK           -> XGROUP CREATECONSUMER for a consumer it created, then
 *                                 XGROUP SETID key group last ENTRIESREAD n when the group moved on
 *   XCLAIM / XAUTOCLAIM        -> the same XCLAIM form per claimed entry, and per PEL entry dropped
 *                                 because its stream entry is gone (its NACK as it was: captured
 *                                 before the command ran); XCLAIM that only moved LASTID -> XGROUP SETID
 * The XCLAIM's LASTID is the group's last ID at the moment Redis propagated it: XREADGROUP moves it
 * entry by entry, so it is that entry's ID. History reads (XREADGROUP with an ID) propagate nothing.
 */
import { type Bytes, bin, lowerBin, unbin, utf8 } from '../bytes.ts';
import { isStream, type ConsumerGroup, type StreamValue } from '../commands/streams/model.ts';
import { idFromParts, idToString } from '../commands/streams/id.ts';
import type { Reply } from '../resp/reply.ts';
import type { RewriteContext } from './propagate-rewrite.ts';

const b = (s: string): Bytes => utf8(s);
const EDGE_MAX = '18446744073709551615-18446744073709551615';

/** NACKs of a group before XCLAIM/XAUTOCLAIM ran: id -> [consumer, delivery ms, delivery count]. */
export type PelSnapshot = Map<string, [string, number, number]>;

function streamAt(x: RewriteContext, key: Bytes): StreamValue | undefined {
  const v = x.db.dict.get(bin(key));
  return isStream(v) ? v : undefined;
}

function groupOf(x: RewriteContext, key: Bytes, group: Bytes): ConsumerGroup | undefined {
  return streamAt(x, key)?.groups?.get(bin(group));
}

function items(r: Reply | undefined): readonly Reply[] {
  return r !== undefined && (r.t === 'array' || r.t === 'set') ? r.a : [];
}

function text(r: Reply | undefined): string {
  if (r === undefined) return '';
  if (r.t === 'bulk') return bin(r.b);
  return r.t === 'simple' ? r.s : '';
}

/** A stream ID as typed ("5") in canonical form ("5-0"). */
function canonicalId(s: string): string {
  return s.includes('-') ? s : `${s}-0`;
}

/** Rewrites the trim threshold after "~" (XADD and XTRIM), in place. */
function rewriteApproxTrim(x: RewriteContext, out: Bytes[], from: number): number {
  let i = from;
  const strategy = lowerBin(out[i]!);
  i++;
  if (out[i] !== undefined && bin(out[i]!) === '~') {
    out[i] = b('=');
    const s = streamAt(x, out[1]!);
    const left =
      strategy === 'maxlen' ? String(s?.length ?? 0) : s && s.length > 0 ? idToString(s.firstId) : EDGE_MAX;
    out[i + 1] = b(left);
  } else if (out[i] !== undefined && bin(out[i]!) === '=') {
    // exact trimming keeps its arguments
  } else {
    return i + 1;
  }
  return i + 2;
}

function xadd(x: RewriteContext): Bytes[][] {
  const out = [...x.argv];
  let i = 2;
  while (i < out.length) {
    const word = lowerBin(out[i]!);
    if (word === 'nomkstream') i++;
    else if (word === 'maxlen' || word === 'minid') i = rewriteApproxTrim(x, out, i);
    else if (word === 'limit') i += 2;
    else break;
  }
  const id = bin(out[i] ?? new Uint8Array(0));
  if (id === '*' || id.endsWith('-*') || !id.includes('-')) out[i] = b(text(x.reply));
  return [out];
}

function xtrim(x: RewriteContext): Bytes[][] {
  const out = [...x.argv];
  rewriteApproxTrim(x, out, 2);
  return [out];
}

function xclaimOp(
  key: Bytes,
  group: Bytes,
  id: string,
  nack: [string, number, number],
  last: string,
): Bytes[] {
  const [consumer, time, count] = nack;
  return [
    b('XCLAIM'),
    key,
    group,
    unbin(consumer),
    b('0'),
    b(id),
    b('TIME'),
    b(String(time)),
    b('RETRYCOUNT'),
    b(String(count)),
    b('FORCE'),
    b('JUSTID'),
    b('LASTID'),
    b(last),
  ];
}

function nackNow(g: ConsumerGroup, id: string): [string, number, number] | undefined {
  const [ms, seq] = id.split('-');
  const pe = g.pel.get(idFromParts(BigInt(ms ?? 0), BigInt(seq ?? 0)));
  return pe ? [pe.consumer.name, pe.deliveryTimeMs, pe.deliveryCount] : undefined;
}

export function xreadgroup(x: RewriteContext, createdConsumers: Set<string>): Bytes[][] {
  const argv = x.argv.map(lowerBin);
  const gi = argv.indexOf('group');
  const [group, consumer] = [x.argv[gi + 1]!, x.argv[gi + 2]!];
  const noack = argv.includes('noack');
  const si = argv.indexOf('streams');
  const nStreams = (x.argv.length - si - 1) / 2;
  const ops: Bytes[][] = [];
  const perStream = new Map<string, readonly Reply[]>();
  for (const s of streamReplies(x.reply)) perStream.set(text(s[0]), items(s[1]));
  for (let k = 0; k < nStreams; k++) {
    const key = x.argv[si + 1 + k]!;
    const fromId = bin(x.argv[si + 1 + nStreams + k]!);
    const g = groupOf(x, key, group);
    if (g === undefined) continue;
    if (noack && createdConsumers.has(`${bin(key)}\0${bin(consumer)}`)) {
      ops.push([b('XGROUP'), b('CREATECONSUMER'), key, group, consumer]);
    }
    const entries = perStream.get(bin(key)) ?? [];
    if (noack) {
      if (fromId === '>' && entries.length > 0) ops.push(setIdOp(key, group, g));
      continue;
    }
    // History reads (an ID instead of ">") come from the consumer's PEL and propagate nothing.
    if (fromId !== '>') continue;
    for (const e of entries) {
      const id = text(items(e)[0]);
      const nack = nackNow(g, id);
      if (nack) ops.push(xclaimOp(key, group, id, nack, id));
    }
  }
  return ops;
}

/** XREADGROUP's reply as [key, entries] pairs, RESP2 array of arrays or RESP3 map. */
function streamReplies(r: Reply | undefined): (readonly Reply[])[] {
  if (r === undefined) return [];
  if (r.t === 'map') return r.m.map(([k, v]) => [k, v]);
  return items(r).map(items);
}

function setIdOp(key: Bytes, group: Bytes, g: ConsumerGroup): Bytes[] {
  return [
    b('XGROUP'),
    b('SETID'),
    key,
    group,
    b(idToString(g.lastId)),
    b('ENTRIESREAD'),
    b(String(g.entriesRead)),
  ];
}

/** XCLAIM key group consumer min-idle id... [options]: in argv order, claimed or dropped. */
export function xclaim(x: RewriteContext, before: PelSnapshot): Bytes[][] {
  const [key, group] = [x.argv[1]!, x.argv[2]!];
  const g = groupOf(x, key, group);
  if (g === undefined) return [];
  const claimed = new Set(items(x.reply).map((r) => (r.t === 'array' ? text(r.a[0]) : text(r))));
  const ops: Bytes[][] = [];
  const last = idToString(g.lastId);
  for (let j = 5; j < x.argv.length; j++) {
    const typed = bin(x.argv[j]!);
    if (!/^\d+(-\d+)?$/.test(typed)) break;
    const id = canonicalId(typed);
    const was = before.get(id);
    if (claimed.has(id)) ops.push(xclaimOp(key, group, typed, nackNow(g, id)!, last));
    else if (was !== undefined && nackNow(g, id) === undefined)
      ops.push(xclaimOp(key, group, typed, was, last));
  }
  if (ops.length === 0) ops.push(setIdOp(key, group, g));
  return ops;
}

/** XAUTOCLAIM: claimed and dropped entries in PEL (ID) order. */
export function xautoclaim(x: RewriteContext, before: PelSnapshot): Bytes[][] {
  const [key, group] = [x.argv[1]!, x.argv[2]!];
  const g = groupOf(x, key, group);
  if (g === undefined) return [];
  const [, claimedR, deletedR] = items(x.reply);
  const claimed = items(claimedR).map((r) => (r.t === 'array' ? text(r.a[0]) : text(r)));
  const deleted = items(deletedR).map(text);
  const all = [...claimed.map((id) => [id, true] as const), ...deleted.map((id) => [id, false] as const)];
  all.sort((p, q) => compareIdText(p[0], q[0]));
  const last = idToString(g.lastId);
  return all.map(([id, live]) => xclaimOp(key, group, id, live ? nackNow(g, id)! : before.get(id)!, last));
}

function compareIdText(a: string, c: string): number {
  const [am, as] = a.split('-').map(BigInt) as [bigint, bigint];
  const [cm, cs] = c.split('-').map(BigInt) as [bigint, bigint];
  if (am !== cm) return am < cm ? -1 : 1;
  return as === cs ? 0 : as < cs ? -1 : 1;
}

/** What XCLAIM/XAUTOCLAIM/XREADGROUP need from before the command ran. */
export interface StreamCapture {
  pel?: PelSnapshot;
  consumers?: Set<string>;
}

export function captureBefore(x: Omit<RewriteContext, 'reply'>): StreamCapture | undefined {
  const name = x.cmd.fullName;
  if (name === 'xclaim' || name === 'xautoclaim') {
    const g = groupOf({ ...x, reply: undefined }, x.argv[1]!, x.argv[2]!);
    const pel: PelSnapshot = new Map();
    g?.pel.forEach((id, pe) => {
      pel.set(idToString(id), [pe.consumer.name, pe.deliveryTimeMs, pe.deliveryCount]);
    });
    return { pel };
  }
  if (name !== 'xreadgroup') return undefined;
  const argv = x.argv.map(lowerBin);
  const gi = argv.indexOf('group');
  const si = argv.indexOf('streams');
  if (gi < 0 || si < 0) return undefined;
  const consumers = new Set<string>();
  const nStreams = Math.floor((x.argv.length - si - 1) / 2);
  for (let k = 0; k < nStreams; k++) {
    const key = x.argv[si + 1 + k]!;
    const g = groupOf({ ...x, reply: undefined }, key, x.argv[gi + 1]!);
    if (g && !g.consumers.get(bin(x.argv[gi + 2]!))) consumers.add(`${bin(key)}\0${bin(x.argv[gi + 2]!)}`);
  }
  return { consumers };
}

/** The stream rewrites that need no capture; undefined for commands that propagate as sent. */
export function rewriteStreamCommand(x: RewriteContext): Bytes[][] | undefined {
  if (x.cmd.fullName === 'xadd') return xadd(x);
  if (x.cmd.fullName === 'xtrim') return xtrim(x);
  return undefined;
}
