/*
 * The worker's side of the inspection messages: `keyspace` (the browser's rows) and `inspectKey` (one
 * key's picture), answered from the session's node without side effects (see worker/inspect/). The
 * clock is synced first so TTLs and idle times are those of the current virtual instant.
 */
import type { ServerNode } from '../engine/server/node.ts';
import type { RequestOf } from '../protocol/messages.ts';
import type { Post } from './host.ts';
import { accessLogOf } from './inspect/access-log.ts';
import { inspectKey } from './inspect/key-picture.ts';
import { keyspaceRows } from './inspect/keyspace.ts';
import { slotCells } from './inspect/slots.ts';

export type InspectRequest = RequestOf<'keyspace' | 'inspectKey'>;

export interface ClockState {
  paused: boolean;
  speed: number;
}

export function handleInspectRequest(
  node: ServerNode,
  clock: ClockState,
  msg: InspectRequest,
  post: Post,
): void {
  const q = msg.query;
  if (typeof q !== 'object' || q === null) throw new Error('query must be an object');
  const db = node.dbs[q.db];
  if (!Number.isInteger(q.db) || db === undefined) throw new Error(`no database ${String(q.db)}`);
  const nowMs = node.nowMs();
  if (msg.type === 'keyspace') {
    const rows = keyspaceRows(db, msg.query, nowMs);
    const slots = msg.query.slots === true ? { slots: slotCells(db, nowMs) } : {};
    post({
      type: 'keyspace',
      id: msg.id,
      snapshot: { db: db.id, nowMs, paused: clock.paused, speed: clock.speed, ...rows, ...slots },
    });
    return;
  }
  if (typeof msg.query.key !== 'string') throw new Error('key must be a string');
  const inspection = inspectKey(db, msg.query, nowMs);
  // The last command on a zset, for the picture to draw its path (inspect/access-log.ts).
  const lastAccess = inspection.type === 'zset' ? accessLogOf(node).lastAccess(db, msg.query.key) : undefined;
  post({
    type: 'inspectKey',
    id: msg.id,
    inspection: lastAccess ? { ...inspection, lastAccess } : inspection,
  });
}
