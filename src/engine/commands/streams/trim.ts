/*
 * streamTrim (t_stream.c): removes entries from the head of a stream, by MAXLEN (keep at most n live
 * entries) or MINID (drop entries with IDs below an ID).
 *
 * Nodes are visited from the first. A node whose removal keeps the target (MAXLEN: length minus its
 * live entries still >= maxlen; MINID: its last entry, tombstones included, is below the ID) is
 * dropped whole. Otherwise approximate trimming ("~") stops there; exact trimming flags entries of
 * that node as deleted one by one until the target is met, and stops (the next node can't need it).
 * `limit` (0 = none) caps the entries removed: a node that would exceed it is left alone, so with
 * "~" only whole nodes go, at most `limit` entries in all. Returns the number of entries removed;
 * firstId is refreshed when anything went.
 */
import { compareIds, MIN_ID, type StreamId } from './id.ts';
import type { StreamValue } from './model.ts';
import { streamEdgeId } from './ops.ts';
import type { StreamNode } from './node.ts';

export interface TrimSpec {
  strategy: 'maxlen' | 'minid';
  /** For MAXLEN. */
  maxlen: number;
  /** For MINID. */
  minid: StreamId;
  approx: boolean;
  /** Most entries to remove, 0 for no limit. */
  limit: number;
}

export function streamTrim(s: StreamValue, t: TrimSpec): number {
  let deleted = 0;
  const byLen = t.strategy === 'maxlen';
  for (;;) {
    const cur = s.nodes.first();
    if (!cur.valid) break;
    if (byLen && s.length <= t.maxlen) break;
    const node = cur.value;
    const entries = node.live;
    if (t.limit !== 0 && deleted + entries > t.limit) break;
    const removeNode = byLen ? s.length - entries >= t.maxlen : compareIds(node.lastId(), t.minid) < 0;
    if (removeNode) {
      s.nodes.delete(node.masterId);
      s.length -= entries;
      deleted += entries;
      continue;
    }
    if (!t.approx) deleted += trimInsideNode(s, node, t);
    break;
  }
  if (s.length === 0) s.firstId = MIN_ID;
  else if (deleted !== 0) s.firstId = streamEdgeId(s, true, true);
  return deleted;
}

/** Exact trimming within the first node: flags entries deleted until the target is met. */
function trimInsideNode(s: StreamValue, node: StreamNode, t: TrimSpec): number {
  let deleted = 0;
  for (let i = 0; i < node.total; i++) {
    const stop = t.strategy === 'maxlen' ? s.length <= t.maxlen : node.compareAt(i, t.minid) >= 0;
    if (stop) break;
    if (node.isLive(i)) {
      node.markDeleted(i);
      s.length--;
      deleted++;
    }
  }
  return deleted;
}
