/*
 * XCLAIM and XAUTOCLAIM (xclaimCommand, xautoclaimCommand): hand pending entries idle long enough to
 * another consumer.
 *
 * XCLAIM: key and group first (NOGROUP), then min-idle-time, then the IDs: arguments are read as
 * strict IDs up to the first one that is not, and the rest are options (IDLE ms, TIME unix-ms,
 * RETRYCOUNT n, FORCE, JUSTID, LASTID id; anything else is "Unrecognized XCLAIM option"). LASTID
 * past the group's last ID moves it (one change when no entry is claimed). The new delivery time is
 * now unless IDLE/TIME set it (a time in the future or before the epoch means now). For each ID:
 *   - an entry no longer in the stream is dropped from the PEL (one change) and left out of the reply;
 *   - without a pending entry, FORCE creates one (delivery count 1, no idle check);
 *   - a pending entry idle for less than min-idle-time is skipped;
 *   - otherwise it moves to the consumer (created on first use), gets the delivery time, and its
 *     delivery count is set by RETRYCOUNT, else incremented unless JUSTID; one change each.
 * The reply lists the claimed entries (or just their IDs with JUSTID).
 *
 * XAUTOCLAIM: min-idle-time, start (exclusive with "("), COUNT (1..2^63/16, default 100) and JUSTID
 * are parsed before the key is looked up. The group PEL is scanned from start for at most COUNT*10
 * entries and until COUNT entries were claimed or dropped (deleted entries count too); the reply is
 * [next cursor (0-0 when the scan reached the end), claimed entries or IDs, IDs dropped because their
 * entry was deleted]. Redis allocates COUNT*16 bytes up front; on a 47-bit address space that fails
 * for COUNT past about 2^43, answering "Insufficient memory...": we refuse the same range.
 */
import { bin, type Bytes, eqIgnoreCase } from '../../bytes.ts';
import { arr, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { parseI64, parseI64Num } from '../../util/parse.ts';
import { readKey } from '../keys-lookup.ts';
import type { RValue } from '../../server/object.ts';
import { cName, entryReply, idReply } from './groups-reply.ts';
import { consumerFor, dropPending, lookupGroup, movePending } from './groups.ts';
import {
  compareIds,
  ID_ERR,
  MIN_ID,
  nextId,
  parseIdGeneric,
  parseIntervalId,
  parseStrictId,
  type StreamId,
} from './id.ts';
import { asStream, type Consumer, type ConsumerGroup, type PendingEntry, type StreamValue } from './model.ts';
import { streamGetEntry } from './ops.ts';

function intOr(b: Bytes, msg: string): number {
  const n = parseI64Num(b);
  if (n === null) fail(`ERR ${msg}`);
  return n;
}

/**
 * Both commands look the key up first (lookupKeyRead: hit/miss counted, keymiss fired) but check its
 * type and group only after their own parsing; `found` is that early lookup.
 */
function groupOrFail(argv: Bytes[], found: RValue | undefined): { s: StreamValue; g: ConsumerGroup } {
  const key = bin(argv[1]!);
  const name = bin(argv[2]!);
  const s = asStream(found);
  const g = s === undefined ? undefined : lookupGroup(s, name);
  if (g === undefined) fail(`NOGROUP No such key '${cName(key)}' or consumer group '${cName(name)}'`);
  return { s: s!, g };
}

/** A strict ID, or null (streamParseStrictIDOrReply with no client: no error reply). */
function tryStrictId(b: Bytes): StreamId | null {
  try {
    return parseIdGeneric(b, 0, true, false).id;
  } catch {
    return null;
  }
}

interface ClaimOptions {
  /** -1 when neither IDLE nor TIME was given. */
  deliveryTimeMs: number;
  retryCount: number;
  force: boolean;
  justId: boolean;
  lastId: StreamId;
}

function parseClaimOptions(c: Client, argv: Bytes[], from: number): ClaimOptions {
  const o: ClaimOptions = { deliveryTimeMs: -1, retryCount: -1, force: false, justId: false, lastId: MIN_ID };
  const now = c.node.nowMs();
  for (let j = from; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = argv[j]!;
    if (eqIgnoreCase(opt, 'force')) o.force = true;
    else if (eqIgnoreCase(opt, 'justid')) o.justId = true;
    else if (more > 0 && eqIgnoreCase(opt, 'idle'))
      o.deliveryTimeMs = now - intOr(argv[++j]!, 'Invalid IDLE option argument for XCLAIM');
    else if (more > 0 && eqIgnoreCase(opt, 'time'))
      o.deliveryTimeMs = intOr(argv[++j]!, 'Invalid TIME option argument for XCLAIM');
    else if (more > 0 && eqIgnoreCase(opt, 'retrycount'))
      o.retryCount = intOr(argv[++j]!, 'Invalid RETRYCOUNT option argument for XCLAIM');
    else if (more > 0 && eqIgnoreCase(opt, 'lastid')) o.lastId = parseStrictId(argv[++j]!);
    else fail(`ERR Unrecognized XCLAIM option '${cName(bin(opt))}'`);
  }
  return o;
}

/** Gives `pe` to `consumer` with a new delivery time and count (the common part of both claims). */
function claimEntry(
  pe: PendingEntry,
  consumer: Consumer,
  deliveryTimeMs: number,
  retryCount: number,
  justId: boolean,
): void {
  movePending(pe, consumer);
  pe.deliveryTimeMs = deliveryTimeMs;
  if (retryCount >= 0) pe.deliveryCount = retryCount;
  else if (!justId) pe.deliveryCount++;
}

function claimedReply(s: StreamValue, id: StreamId, justId: boolean): Reply {
  if (justId) return idReply(id);
  const e = streamGetEntry(s, id)!;
  return entryReply(e.id, e.fv);
}

function xclaim(c: Client, argv: Bytes[]): Reply {
  const { s, g } = groupOrFail(argv, readKey(c, bin(argv[1]!)));
  const key = bin(argv[1]!);
  const minIdle = Math.max(0, intOr(argv[4]!, 'Invalid min-idle-time argument for XCLAIM'));
  const ids: StreamId[] = [];
  let j = 5;
  for (; j < argv.length; j++) {
    const id = tryStrictId(argv[j]!);
    if (id === null) break;
    ids.push(id);
  }
  const o = parseClaimOptions(c, argv, j);
  const now = c.node.nowMs();
  let lastIdMoved = false;
  if (compareIds(o.lastId, g.lastId) > 0) {
    g.lastId = o.lastId;
    lastIdMoved = true;
  }
  const deliveryTimeMs = o.deliveryTimeMs < 0 || o.deliveryTimeMs > now ? now : o.deliveryTimeMs;
  const name = bin(argv[3]!);
  let consumer: Consumer | undefined;
  const out: Reply[] = [];
  for (const id of ids) {
    let pe = g.pel.get(id);
    if (streamGetEntry(s, id) === undefined) {
      if (pe !== undefined) {
        dropPending(g, pe);
        c.node.dirty++;
        lastIdMoved = false;
      }
      continue;
    }
    const fresh = pe === undefined;
    if (fresh && !o.force) continue;
    if (!fresh && minIdle !== 0 && now - pe!.deliveryTimeMs < minIdle) continue;
    consumer ??= consumerFor(c, g, name, key);
    if (fresh) {
      pe = { id, consumer, deliveryTimeMs: now, deliveryCount: 1 };
      g.pel.set(id, pe);
      consumer.pel.set(id, pe);
    }
    claimEntry(pe!, consumer, deliveryTimeMs, o.retryCount, o.justId);
    out.push(claimedReply(s, id, o.justId));
    c.node.dirty++;
    lastIdMoved = false;
  }
  if (lastIdMoved) c.node.dirty++;
  return arr(out);
}

/** LONG_MAX / 16: the largest COUNT XAUTOCLAIM accepts. */
const AUTOCLAIM_COUNT_MAX = 576460752303423487n;
/** Past this COUNT, Redis's COUNT*16-byte allocation fails on a 47-bit address space (see header). */
const AUTOCLAIM_ALLOC_MAX = 2 ** 43;

interface AutoclaimArgs {
  minIdle: number;
  start: StreamId;
  count: number;
  justId: boolean;
}

function parseAutoclaim(argv: Bytes[]): AutoclaimArgs {
  const minIdle = Math.max(0, intOr(argv[4]!, 'Invalid min-idle-time argument for XAUTOCLAIM'));
  const lo = parseIntervalId(argv[5]!, 0);
  const start = lo.exclusive ? nextId(lo.id) : lo.id;
  if (start === null) fail(ID_ERR.startInterval);
  const a: AutoclaimArgs = { minIdle, start, count: 100, justId: false };
  for (let j = 6; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    if (more > 0 && eqIgnoreCase(argv[j]!, 'count')) {
      const n = parseI64(argv[++j]!);
      if (n === null || n < 1n || n > AUTOCLAIM_COUNT_MAX) fail('ERR COUNT must be > 0');
      a.count = Number(n);
    } else if (eqIgnoreCase(argv[j]!, 'justid')) {
      a.justId = true;
    } else {
      fail(E.syntax);
    }
  }
  return a;
}

function xautoclaim(c: Client, argv: Bytes[]): Reply {
  const found = readKey(c, bin(argv[1]!));
  const a = parseAutoclaim(argv);
  const { s, g } = groupOrFail(argv, found);
  if (a.count > AUTOCLAIM_ALLOC_MAX) {
    fail('ERR Insufficient memory, failed allocating transient memory, COUNT too high.');
  }
  const key = bin(argv[1]!);
  const name = bin(argv[3]!);
  const now = c.node.nowMs();
  const claimed: Reply[] = [];
  const deleted: Reply[] = [];
  let consumer: Consumer | undefined;
  let attempts = a.count * 10;
  let count = a.count;
  let cur = g.pel.seekGE(a.start);
  let last: StreamId | undefined;
  let exhausted = false;
  while (attempts-- > 0 && count > 0) {
    if (!cur.valid) {
      exhausted = true;
      break;
    }
    const pe = cur.value;
    last = pe.id;
    if (streamGetEntry(s, pe.id) === undefined) {
      dropPending(g, pe);
      c.node.dirty++;
      deleted.push(idReply(pe.id));
      count--;
      cur = g.pel.seekGT(pe.id);
      continue;
    }
    cur.next();
    if (a.minIdle !== 0 && now - pe.deliveryTimeMs < a.minIdle) continue;
    consumer ??= consumerFor(c, g, name, key);
    claimEntry(pe, consumer, now, -1, a.justId);
    claimed.push(claimedReply(s, pe.id, a.justId));
    count--;
    c.node.dirty++;
  }
  const next = exhausted || last === undefined ? undefined : g.pel.seekGT(last);
  const cursor = next !== undefined && next.valid ? next.key : MIN_ID;
  return arr([idReply(cursor), arr(claimed), arr(deleted)]);
}

export const claimHandlers = { xclaim, xautoclaim };
