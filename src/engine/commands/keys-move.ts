/*
 * Commands that carry a value to another key name or database: RENAME, RENAMENX, MOVE, COPY (Redis's
 * db.c). RENAME and MOVE hand over the same value object, so its access time and LFU counter travel
 * with it; COPY stores a fresh duplicate (cloneValue). The deadline of the source key goes along in all
 * four. Checks run in Redis's order so that the error a user sees for a bad combination is Redis's.
 *
 * Events: RENAME fires rename_from on the old name and rename_to on the new one; MOVE fires move_from in
 * the source database and move_to in the target; COPY fires copy_to on the destination only.
 */
import { bytesEqual, eqIgnoreCase } from '../bytes.ts';
import { int, OK, type Reply } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import type { Database } from '../server/db.ts';
import { E, fail } from '../server/errors.ts';
import { cloneValue, type RValue } from '../server/object.ts';
import { clusterEnabled, dbByIndex, intArg32, keyArg, readKey, writeKeyIn } from './keys-lookup.ts';
import type { Handler } from './types.ts';

/** Stores `v` under `key` in `db` with the given deadline (or none). */
function addWithExpire(db: Database, key: string, v: RValue, expire: number | undefined): void {
  db.set(key, v);
  if (expire !== undefined) db.setExpire(key, expire);
}

function rename(c: Client, argv: Parameters<Handler>[1], nx: boolean): Reply {
  const from = keyArg(argv, 1);
  const to = keyArg(argv, 2);
  const v = writeKeyIn(c.db, from);
  if (v === undefined) fail(E.noSuchKey);
  if (bytesEqual(argv[1]!, argv[2]!)) return nx ? int(0) : OK;
  const expire = c.db.getExpire(from);
  if (writeKeyIn(c.db, to) !== undefined) {
    if (nx) return int(0);
    c.db.delete(to);
  }
  addWithExpire(c.db, to, v, expire);
  c.db.delete(from);
  c.node.signalModifiedKey(c.db, from);
  c.node.signalModifiedKey(c.db, to);
  c.node.notify('g', 'rename_from', from, c.db);
  c.node.notify('g', 'rename_to', to, c.db);
  c.node.dirty++;
  return nx ? int(1) : OK;
}

export const moveHandlers: Record<string, Handler> = {
  rename: (c, argv) => rename(c, argv, false),
  renamenx: (c, argv) => rename(c, argv, true),

  move(c, argv) {
    if (clusterEnabled(c)) fail('ERR MOVE is not allowed in cluster mode');
    const src = c.db;
    const dst = dbByIndex(c, intArg32(argv[2]!));
    if (src === dst) fail(E.sameObject);
    const key = keyArg(argv, 1);
    const v = writeKeyIn(src, key);
    if (v === undefined) return int(0);
    const expire = src.getExpire(key);
    if (writeKeyIn(dst, key) !== undefined) return int(0);
    addWithExpire(dst, key, v, expire);
    src.delete(key);
    c.node.signalModifiedKey(src, key);
    c.node.signalModifiedKey(dst, key);
    c.node.notify('g', 'move_from', key, src);
    c.node.notify('g', 'move_to', key, dst);
    c.node.dirty++;
    return int(1);
  },

  copy(c, argv) {
    let dst = c.db;
    let replace = false;
    for (let j = 3; j < argv.length; j++) {
      if (eqIgnoreCase(argv[j]!, 'replace')) replace = true;
      else if (eqIgnoreCase(argv[j]!, 'db') && j + 1 < argv.length) dst = dbByIndex(c, intArg32(argv[++j]!));
      else fail(E.syntax);
    }
    if (clusterEnabled(c) && (c.db.id !== 0 || dst.id !== 0)) {
      fail('ERR Copying to another database is not allowed in cluster mode');
    }
    if (dst === c.db && bytesEqual(argv[1]!, argv[2]!)) fail(E.sameObject);
    const from = keyArg(argv, 1);
    const to = keyArg(argv, 2);
    const v = readKey(c, from);
    if (v === undefined) return int(0);
    const expire = c.db.getExpire(from);
    const exists = writeKeyIn(dst, to) !== undefined;
    if (exists && !replace) return int(0);
    const copy = cloneValue(v, c.node.nowMs());
    if (exists) dst.delete(to);
    addWithExpire(dst, to, copy, expire);
    c.node.signalModifiedKey(dst, to);
    c.node.notify('g', 'copy_to', to, dst);
    c.node.dirty++;
    return int(1);
  },
};
