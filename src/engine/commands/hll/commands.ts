/*
 * PFADD, PFCOUNT, PFMERGE (Redis's hyperloglog.c commands) on string values holding Redis's HLL bytes
 * (see ds/hll.ts).
 *
 * Every command that may touch a value works on a copy and stores it back as a 'raw' string, keeping
 * the key's deadline (Redis's dbUnshareStringValue). That includes PFCOUNT of one key, which rewrites
 * the cached cardinality when it was stale: it then signals the key and counts one change, but fires
 * no event. PFADD counts one change per register raised (plus one for creating the key); PFMERGE one
 * change and a "pfadd" event, and it treats the destination as one of its sources.
 */
import { bin, type Bytes } from '../../bytes.ts';
import { int, OK, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import type { RValue } from '../../server/object.ts';
import { estimate, histogramOf, Hll, HLL_DENSE, HLL_REGISTERS } from '../../ds/hll.ts';
import { putValue, rawString, readKey, writeKey } from '../strings/value.ts';
import type { Handler } from '../types.ts';

export const NOT_HLL = 'WRONGTYPE Key is not a valid HyperLogLog string value.';
export const INVALID_HLL = 'INVALIDOBJ Corrupted HLL object detected';

/** isHLLObjectOrReply: the value as an editable HLL, or the error Redis answers. */
export function openHll(o: RValue): Hll {
  if (o.type !== 'string') fail(E.wrongType);
  if (o.enc === 'int' || !Hll.isHllString(o.v)) fail(NOT_HLL);
  return Hll.of(o.v);
}

/** Stores an edited HLL back at `key` as a raw string (keeps the deadline of an existing key). */
export function storeHll(c: Client, key: string, h: Hll, existed: boolean): void {
  putValue(c, key, rawString(h.bytes(), c.node.nowMs()), existed);
}

function sparseMax(c: Client): number {
  return c.node.config.getInt('hll-sparse-max-bytes');
}

const pfadd: Handler = (c, argv) => {
  const key = bin(argv[1]!);
  const o = writeKey(c, key);
  let updated = 0;
  const h = o === undefined ? Hll.empty() : openHll(o);
  if (o === undefined) updated++;
  const max = sparseMax(c);
  let corrupted = false;
  for (let j = 2; j < argv.length && !corrupted; j++) {
    const r = h.add(argv[j]!, max);
    if (r === 1) updated++;
    else if (r === -1) corrupted = true;
  }
  if (updated) h.invalidateCache();
  // Redis edits in place: a corrupted value keeps the changes made before the bad spot was met.
  storeHll(c, key, h, o !== undefined);
  if (corrupted) fail(INVALID_HLL);
  if (updated) {
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('$', 'pfadd', key, c.db);
    c.node.dirty += updated;
  }
  return int(updated ? 1 : 0);
};

/** PFCOUNT of several keys: the estimate of the register-wise maximum, nothing stored. */
function countUnion(c: Client, keys: Bytes[]): Reply {
  const max = new Uint8Array(HLL_REGISTERS);
  for (const k of keys) {
    const o = readKey(c, bin(k));
    if (o === undefined) continue;
    if (!openHll(o).mergeInto(max)) fail(INVALID_HLL);
  }
  return int(estimate(histogramOf(max)));
}

const pfcount: Handler = (c, argv) => {
  if (argv.length > 2) return countUnion(c, argv.slice(1));
  const key = bin(argv[1]!);
  const o = readKey(c, key);
  if (o === undefined) return int(0);
  const h = openHll(o);
  const cached = h.cachedCard();
  if (cached !== undefined) {
    storeHll(c, key, h, true);
    return int(cached);
  }
  const card = h.count();
  if (card === undefined) fail(INVALID_HLL);
  h.setCachedCard(card);
  storeHll(c, key, h, true);
  c.node.signalModifiedKey(c.db, key);
  c.node.dirty++;
  return int(card);
};

const pfmerge: Handler = (c, argv) => {
  const max = new Uint8Array(HLL_REGISTERS);
  let useDense = false;
  for (let j = 1; j < argv.length; j++) {
    const o = readKey(c, bin(argv[j]!));
    if (o === undefined) continue;
    const h = openHll(o);
    if (h.encoding === HLL_DENSE) useDense = true;
    if (!h.mergeInto(max)) fail(INVALID_HLL);
  }
  const key = bin(argv[1]!);
  const o = writeKey(c, key);
  const h = o === undefined ? Hll.empty() : openHll(o);
  if (useDense && !h.toDense()) fail(INVALID_HLL);
  const sparseMaxBytes = sparseMax(c);
  for (let j = 0; j < HLL_REGISTERS; j++) {
    if (max[j] !== 0) h.set(j, max[j]!, sparseMaxBytes);
  }
  h.invalidateCache();
  storeHll(c, key, h, o !== undefined);
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('$', 'pfadd', key, c.db);
  c.node.dirty++;
  return OK;
};

export const hllHandlers: Record<string, Handler> = { pfadd, pfcount, pfmerge };
