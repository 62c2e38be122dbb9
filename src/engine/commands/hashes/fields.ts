/*
 * Field-level hash commands (t_hash.c): HSET HMSET HSETNX HGET HMGET HDEL HLEN HEXISTS HSTRLEN and the
 * whole-hash readers HGETALL HKEYS HVALS.
 *
 * Writes signal the key, notify "hset" / "hdel" (class h) and count dirty as Redis: HSET and HMSET add
 * one per pair given (updates included), HSETNX one when it stored, HDEL one per removed field. HDEL
 * deletes the key when the last field goes (and notifies "del"), stopping at that point.
 * HGETALL answers a map (a flat array in RESP2); HKEYS/HVALS an array; order is the hash's order.
 */
import { bin, type Bytes } from '../../bytes.ts';
import { arr, bulk, bulkBin, int, map, NIL, OK, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import type { HashValue } from '../../server/object.ts';
import { keyArg } from '../keys-lookup.ts';
import { dropKey, writeKey, asHash } from '../sets/keyspace.ts';
import type { Handler } from '../types.ts';
import { convertForArgs, hashForRead, hashForWrite, hashSet } from './value.ts';

function fieldReply(h: HashValue | undefined, field: Bytes): Reply {
  const v = h?.fields.get(bin(field));
  return v === undefined ? NIL : bulk(v);
}

/** HSET and HMSET: same work, different reply. */
function setPairs(c: Client, argv: Bytes[], name: string): number {
  if (argv.length % 2 === 1) fail(`ERR wrong number of arguments for '${name}' command`);
  const key = keyArg(argv, 1);
  const h = hashForWrite(c, key);
  convertForArgs(c, h, argv.slice(2));
  let created = 0;
  for (let i = 2; i < argv.length; i += 2) {
    if (hashSet(c, h, bin(argv[i]!), argv[i + 1]!)) created++;
  }
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('h', 'hset', key, c.db);
  c.node.dirty += (argv.length - 2) / 2;
  return created;
}

const hset: Handler = (c, argv) => int(setPairs(c, argv, 'hset'));

const hmset: Handler = (c, argv) => {
  setPairs(c, argv, 'hmset');
  return OK;
};

const hsetnx: Handler = (c, argv) => {
  const key = keyArg(argv, 1);
  const h = hashForWrite(c, key);
  const field = bin(argv[2]!);
  if (h.fields.has(field)) return int(0);
  convertForArgs(c, h, [argv[2]!, argv[3]!]);
  hashSet(c, h, field, argv[3]!);
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('h', 'hset', key, c.db);
  c.node.dirty++;
  return int(1);
};

const hget: Handler = (c, argv) => fieldReply(hashForRead(c, keyArg(argv, 1)), argv[2]!);

const hmget: Handler = (c, argv) => {
  const h = hashForRead(c, keyArg(argv, 1));
  return arr(argv.slice(2).map((f) => fieldReply(h, f)));
};

const hdel: Handler = (c, argv) => {
  const key = keyArg(argv, 1);
  const o = writeKey(c, key);
  if (o === undefined) return int(0);
  const h = asHash(o);
  let deleted = 0;
  let keyRemoved = false;
  for (let i = 2; i < argv.length; i++) {
    if (!h.fields.delete(bin(argv[i]!))) continue;
    deleted++;
    if (h.fields.size === 0) {
      dropKey(c, key);
      keyRemoved = true;
      break;
    }
  }
  if (deleted > 0) {
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('h', 'hdel', key, c.db);
    if (keyRemoved) c.node.notify('g', 'del', key, c.db);
    c.node.dirty += deleted;
  }
  return int(deleted);
};

const hlen: Handler = (c, argv) => int(hashForRead(c, keyArg(argv, 1))?.fields.size ?? 0);

const hexists: Handler = (c, argv) => {
  const h = hashForRead(c, keyArg(argv, 1));
  return int(h?.fields.has(bin(argv[2]!)) ? 1 : 0);
};

const hstrlen: Handler = (c, argv) => {
  const h = hashForRead(c, keyArg(argv, 1));
  return int(h?.fields.get(bin(argv[2]!))?.length ?? 0);
};

const hgetall: Handler = (c, argv) => {
  const h = hashForRead(c, keyArg(argv, 1));
  if (h === undefined) return map([]);
  const pairs: [Reply, Reply][] = [];
  for (const [f, v] of h.fields.entries()) pairs.push([bulkBin(f), bulk(v)]);
  return map(pairs);
};

const hkeys: Handler = (c, argv) => {
  const h = hashForRead(c, keyArg(argv, 1));
  return arr(h === undefined ? [] : [...h.fields.keys()].map(bulkBin));
};

const hvals: Handler = (c, argv) => {
  const h = hashForRead(c, keyArg(argv, 1));
  return arr(h === undefined ? [] : [...h.fields.entries()].map(([, v]) => bulk(v)));
};

export const fieldHandlers: Record<string, Handler> = {
  hset,
  hmset,
  hsetnx,
  hget,
  hmget,
  hdel,
  hlen,
  hexists,
  hstrlen,
  hgetall,
  hkeys,
  hvals,
};
