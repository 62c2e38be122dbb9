/*
 * XINFO STREAM key [FULL [COUNT n]] (xinfoReplyWithStreamInfo).
 *
 * The short form is a map of 10: length, radix-tree-keys, radix-tree-nodes, last-generated-id,
 * max-deleted-entry-id, entries-added, recorded-first-entry-id, groups (a count), first-entry and
 * last-entry (nil when empty). FULL replaces the last three by entries (the first COUNT entries, 10 by
 * default, 0 = all, negative = 10) and groups: per group name, last-delivered-id, entries-read (nil
 * when unknown), lag, pel-count, pending (first COUNT of [id, consumer, delivery ms, deliveries]) and
 * consumers (name, seen-time, pel-count, pending: first COUNT of [id, delivery ms, deliveries]).
 *
 * radix-tree-nodes: Redis indexes the stream's nodes in a radix tree (rax) keyed by the 16-byte
 * big-endian master ID, and reports its node count. A rax keeps its keys in canonical compressed form
 * (splits on insert, recompression on delete), so the count depends only on the key set: the root,
 * each key, each branching prefix, and each prefix one byte past a branching prefix (a branching node
 * stores one-byte edges, its children start new nodes). With keys sorted, the branching prefixes are
 * the longest common prefixes of neighbours. Stream keys all have 16 bytes, so none is a prefix of
 * another. Checked against redis-server for stream layouts with splits and deletions.
 */
import type { Bytes } from '../../bytes.ts';
import { arr, bulkStr, int, map, NIL, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { eqIgnoreCase } from '../../bytes.ts';
import { parseI64Num } from '../../util/parse.ts';
import { bulkBin } from '../../resp/reply.ts';
import { entryReply, idReply } from './groups-reply.ts';
import { MAX_ID, MIN_ID, type StreamId, type U64 } from './id.ts';
import { streamGroupLag } from './lag.ts';
import { type ConsumerGroup, INVALID_ENTRIES_READ, type StreamValue } from './model.ts';
import { streamIterate, streamRange } from './ops.ts';
import { subcommandSyntaxError } from './xgroup.ts';

/** Eight big-endian bytes of a 64-bit unsigned value, as a binary string. */
function u64Key(v: U64): string {
  let s = '';
  if (typeof v === 'number') {
    const hi = Math.floor(v / 2 ** 32);
    const lo = v >>> 0;
    for (let shift = 24; shift >= 0; shift -= 8) s += String.fromCharCode((hi >>> shift) & 0xff);
    for (let shift = 24; shift >= 0; shift -= 8) s += String.fromCharCode((lo >>> shift) & 0xff);
    return s;
  }
  for (let shift = 56n; shift >= 0n; shift -= 8n) s += String.fromCharCode(Number((v >> shift) & 0xffn));
  return s;
}

/** An ID as the 16-byte big-endian key Redis's rax uses, in binary-string form. */
function raxKey(id: StreamId): string {
  return u64Key(id.ms) + u64Key(id.seq);
}

/** The node count of the rax holding these keys (see the header). */
export function radixTreeNodes(ids: readonly StreamId[]): number {
  const keys = ids.map(raxKey);
  const nodes = new Set<string>(['']);
  for (let i = 0; i < keys.length; i++) {
    nodes.add(keys[i]!);
    if (i === 0) continue;
    const a = keys[i - 1]!;
    const b = keys[i]!;
    let l = 0;
    while (a.charCodeAt(l) === b.charCodeAt(l)) l++;
    nodes.add(b.slice(0, l));
    nodes.add(a.slice(0, l + 1));
    nodes.add(b.slice(0, l + 1));
  }
  return nodes.size;
}

/** Redis prints these counters with %lld: values past 2^63-1 wrap to negative, as there. */
function u64Reply(v: number | bigint): Reply {
  return typeof v === 'bigint' && v > 0x7fffffffffffffffn ? int(v - (1n << 64n)) : int(v);
}

/** The seven fields both forms start with. */
function header(s: StreamValue): [Reply, Reply][] {
  return [
    [bulkStr('length'), int(s.length)],
    [bulkStr('radix-tree-keys'), int(s.nodes.size)],
    [bulkStr('radix-tree-nodes'), int(radixTreeNodes(s.nodes.keys()))],
    [bulkStr('last-generated-id'), idReply(s.lastId)],
    [bulkStr('max-deleted-entry-id'), idReply(s.maxDeletedId)],
    [bulkStr('entries-added'), u64Reply(s.entriesAdded)],
    [bulkStr('recorded-first-entry-id'), idReply(s.firstId)],
  ];
}

function edgeEntry(s: StreamValue, rev: boolean): Reply {
  let out: Reply = NIL;
  streamIterate(s, MIN_ID, MAX_ID, rev, (id, fv) => {
    out = entryReply(id, fv);
    return false;
  });
  return out;
}

/** Lag as XINFO prints it: an integer, or nil when unknown. */
export function lagReply(s: StreamValue, g: ConsumerGroup): Reply {
  const lag = streamGroupLag(s, g.lastId, g.entriesRead);
  return lag === null ? NIL : int(lag);
}

export function entriesReadReply(g: ConsumerGroup): Reply {
  return g.entriesRead === INVALID_ENTRIES_READ ? NIL : int(g.entriesRead);
}

function fullGroup(s: StreamValue, g: ConsumerGroup, count: number): Reply {
  const pending: Reply[] = [];
  for (const cur = g.pel.first(); cur.valid && (count === 0 || pending.length < count); cur.next()) {
    const pe = cur.value;
    pending.push(
      arr([idReply(pe.id), bulkBin(pe.consumer.name), int(pe.deliveryTimeMs), int(pe.deliveryCount)]),
    );
  }
  const consumers = g.consumers.values().map((k) => {
    const own: Reply[] = [];
    for (const cur = k.pel.first(); cur.valid && (count === 0 || own.length < count); cur.next()) {
      own.push(arr([idReply(cur.key), int(cur.value.deliveryTimeMs), int(cur.value.deliveryCount)]));
    }
    return map([
      [bulkStr('name'), bulkBin(k.name)],
      [bulkStr('seen-time'), int(k.seenTimeMs)],
      [bulkStr('pel-count'), int(k.pel.size)],
      [bulkStr('pending'), arr(own)],
    ]);
  });
  return map([
    [bulkStr('name'), bulkBin(g.name)],
    [bulkStr('last-delivered-id'), idReply(g.lastId)],
    [bulkStr('entries-read'), entriesReadReply(g)],
    [bulkStr('lag'), lagReply(s, g)],
    [bulkStr('pel-count'), int(g.pel.size)],
    [bulkStr('pending'), arr(pending)],
    [bulkStr('consumers'), arr(consumers)],
  ]);
}

/** FULL [COUNT n]: the entry/PEL limit (10 by default, negative means 10, 0 means all). */
function parseFull(argv: Bytes[]): number | undefined {
  const optc = argv.length - 3;
  if (optc === 0) return undefined;
  if (optc !== 1 && optc !== 3) subcommandSyntaxError(argv);
  if (!eqIgnoreCase(argv[3]!, 'full')) subcommandSyntaxError(argv);
  if (optc === 1) return 10;
  if (!eqIgnoreCase(argv[4]!, 'count')) subcommandSyntaxError(argv);
  const n = parseI64Num(argv[5]!);
  if (n === null) fail(E.notInt);
  return n < 0 ? 10 : n;
}

export function xinfoStreamReply(_c: Client, argv: Bytes[], s: StreamValue): Reply {
  const count = parseFull(argv);
  const fields = header(s);
  if (count === undefined) {
    fields.push(
      [bulkStr('groups'), int(s.groups === null ? 0 : s.groups.size)],
      [bulkStr('first-entry'), edgeEntry(s, false)],
      [bulkStr('last-entry'), edgeEntry(s, true)],
    );
    return map(fields);
  }
  const entries = streamRange(s, MIN_ID, MAX_ID, false, count).map((e) => entryReply(e.id, e.fv));
  const groups = s.groups === null ? [] : s.groups.values().map((g) => fullGroup(s, g, count));
  fields.push([bulkStr('entries'), arr(entries)], [bulkStr('groups'), arr(groups)]);
  return map(fields);
}
