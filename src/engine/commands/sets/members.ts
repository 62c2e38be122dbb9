/*
 * Member-level set commands (t_set.c): SADD SREM SISMEMBER SMISMEMBER SCARD SMOVE.
 *
 * SADD creates the key with the encoding its first argument calls for and counts one dirty per member
 * added; it signals and notifies "sadd" only when something was added. SREM stops at the member that
 * empties the set, deletes the key and notifies "srem" then "del". SMOVE looks up both keys for
 * writing, answers 0 for a missing source before any type check, treats source = destination as a
 * membership test, and otherwise notifies "srem" (and "del") on the source and "sadd" on the
 * destination only when the member was new there; dirty counts one per key changed.
 */
import { bin } from '../../bytes.ts';
import { arr, int } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import type { SetValue } from '../../server/object.ts';
import { keyArg } from '../keys-lookup.ts';
import type { Handler } from '../types.ts';
import { addKey, asSet, dropKey, readKey, writeKey } from './keyspace.ts';
import { newSetFor, setAdd, setHas, setRemove, setSize } from './value.ts';

export function setForRead(c: Client, key: string): SetValue | undefined {
  const o = readKey(c, key);
  return o === undefined ? undefined : asSet(o);
}

export function setForWrite(c: Client, key: string): SetValue | undefined {
  const o = writeKey(c, key);
  return o === undefined ? undefined : asSet(o);
}

const sadd: Handler = (c, argv) => {
  const key = keyArg(argv, 1);
  let s = setForWrite(c, key);
  if (s === undefined) {
    s = newSetFor(bin(argv[2]!), c.node.nowMs());
    addKey(c, key, s);
  }
  let added = 0;
  for (let i = 2; i < argv.length; i++) if (setAdd(c, s, bin(argv[i]!))) added++;
  if (added > 0) {
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('s', 'sadd', key, c.db);
  }
  c.node.dirty += added;
  return int(added);
};

const srem: Handler = (c, argv) => {
  const key = keyArg(argv, 1);
  const s = setForWrite(c, key);
  if (s === undefined) return int(0);
  let deleted = 0;
  let keyRemoved = false;
  for (let i = 2; i < argv.length; i++) {
    if (!setRemove(s, bin(argv[i]!))) continue;
    deleted++;
    if (setSize(s) === 0) {
      dropKey(c, key);
      keyRemoved = true;
      break;
    }
  }
  if (deleted > 0) {
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('s', 'srem', key, c.db);
    if (keyRemoved) c.node.notify('g', 'del', key, c.db);
    c.node.dirty += deleted;
  }
  return int(deleted);
};

const sismember: Handler = (c, argv) => {
  const s = setForRead(c, keyArg(argv, 1));
  return int(s !== undefined && setHas(s, bin(argv[2]!)) ? 1 : 0);
};

const smismember: Handler = (c, argv) => {
  const s = setForRead(c, keyArg(argv, 1));
  return arr(argv.slice(2).map((m) => int(s !== undefined && setHas(s, bin(m)) ? 1 : 0)));
};

const scard: Handler = (c, argv) => {
  const s = setForRead(c, keyArg(argv, 1));
  return int(s === undefined ? 0 : setSize(s));
};

const smove: Handler = (c, argv) => {
  const srcKey = keyArg(argv, 1);
  const dstKey = keyArg(argv, 2);
  const srcObj = writeKey(c, srcKey);
  const dstObj = writeKey(c, dstKey);
  const member = bin(argv[3]!);
  if (srcObj === undefined) return int(0);
  const src = asSet(srcObj);
  let dst = dstObj === undefined ? undefined : asSet(dstObj);
  if (src === dst) return int(setHas(src, member) ? 1 : 0);
  if (!setRemove(src, member)) return int(0);
  c.node.notify('s', 'srem', srcKey, c.db);
  if (setSize(src) === 0) {
    dropKey(c, srcKey);
    c.node.notify('g', 'del', srcKey, c.db);
  }
  if (dst === undefined) {
    dst = newSetFor(member, c.node.nowMs());
    addKey(c, dstKey, dst);
  }
  c.node.signalModifiedKey(c.db, srcKey);
  c.node.dirty++;
  if (setAdd(c, dst, member)) {
    c.node.dirty++;
    c.node.signalModifiedKey(c.db, dstKey);
    c.node.notify('s', 'sadd', dstKey, c.db);
  }
  return int(1);
};

export const memberHandlers: Record<string, Handler> = { sadd, srem, sismember, smismember, scard, smove };
