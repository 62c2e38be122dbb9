/*
 * Keyspace access shared by the generic key commands, mirroring the flag combinations of Redis's
 * lookupKey(): every read lookup expires lazily and counts a keyspace hit or miss; a miss fires the
 * "keymiss" event unless the caller asks for silence (OBJECT); the access time is refreshed unless the
 * caller asks not to touch (EXISTS, TYPE, TTL, OBJECT). Write lookups count nothing and notify nothing.
 * Also the small argument parsers these commands share (database indexes, key names).
 */
import { bin, type Bytes } from '../bytes.ts';
import type { Client } from '../server/client.ts';
import type { Database } from '../server/db.ts';
import { E, fail } from '../server/errors.ts';
import type { RValue } from '../server/object.ts';
import { parseI64Num } from '../util/parse.ts';

export interface ReadFlags {
  /** LOOKUP_NOTOUCH: keep the access time as it was. */
  noTouch?: boolean;
  /** LOOKUP_NONOTIFY: no keymiss event. */
  noNotify?: boolean;
}

/** lookupKeyReadWithFlags on the client's database. */
export function readKey(c: Client, key: string, flags: ReadFlags = {}): RValue | undefined {
  return readKeyIn(c, c.db, key, flags);
}

export function readKeyIn(c: Client, db: Database, key: string, flags: ReadFlags = {}): RValue | undefined {
  const v = db.peek(key);
  if (v === undefined) {
    if (!flags.noNotify) c.node.notify('m', 'keymiss', key, db);
    c.node.stats.keyspaceMisses++;
    return undefined;
  }
  if (!flags.noTouch) c.node.touchValue(v);
  c.node.stats.keyspaceHits++;
  return v;
}

/** lookupKeyWrite: lazy expiry and access time, no statistics or events. */
export function writeKeyIn(db: Database, key: string): RValue | undefined {
  return db.lookupWrite(key);
}

/** The key argument at argv[i] as a dictionary key (binary string). */
export function keyArg(argv: Bytes[], i: number): string {
  return bin(argv[i]!);
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** getIntFromObjectOrReply: a C int, else `msg` (Redis's default text when absent). */
export function intArg32(b: Bytes, msg?: string): number {
  const v = parseI64Num(b);
  if (v === null || v < INT_MIN || v > INT_MAX) fail(msg ? `ERR ${msg}` : E.notInt);
  return v;
}

/** A database by index, or "ERR DB index is out of range". */
export function dbByIndex(c: Client, id: number): Database {
  const db = id >= 0 ? c.node.dbs[id] : undefined;
  if (db === undefined) fail(E.dbIndex);
  return db;
}

/** Type name as TYPE and SCAN TYPE report it ("none" for a missing key). */
export function typeName(v: RValue | undefined): string {
  return v === undefined ? 'none' : v.type;
}

/** Config switch shared by several commands: is the cluster mode on? */
export function clusterEnabled(c: Client): boolean {
  return c.node.config.getBool('cluster-enabled');
}
