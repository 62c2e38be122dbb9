/*
 * An AOF base file made of commands (rewriteAppendOnlyFileRio, used when aof-use-rdb-preamble is no):
 * a "#TS:" annotation when aof-timestamp-enabled, FUNCTION LOAD per function library, then for each
 * non-empty database a SELECT, then per key the commands that rebuild it, then PEXPIREAT
 * for a key with a deadline. Collections go in batches of AOF_REWRITE_ITEMS_PER_CMD (64) items per
 * command: RPUSH, SADD, ZADD (scores as %.17g), HMSET; strings as SET. Streams as Redis writes them:
 * XADD per entry (or XADD MAXLEN 0 0-1 x y for an empty stream), XSETID with ENTRIESADDED and
 * MAXDELETEDID, per group XGROUP CREATE ... ENTRIESREAD, per consumer its PEL as
 * XCLAIM ... TIME RETRYCOUNT JUSTID FORCE, or XGROUP CREATECONSUMER when its PEL is empty.
 * Iteration follows the value's own order (listpack/intset order, insertion order of our tables).
 */
import { type Bytes, concatBytes, unbin, utf8 } from '../bytes.ts';
import { idToString, MAX_ID, MIN_ID } from '../commands/streams/id.ts';
import { streamIterate } from '../commands/streams/ops.ts';
import type { StreamValue } from '../commands/streams/model.ts';
import type { RValue } from '../server/object.ts';
import type { ServerNode } from '../server/node.ts';
import { formatG } from '../util/numfmt.ts';
import { respCommand } from './aof.ts';
import { nodeLibraryCodes } from '../scripting/late-bound.ts';

const ITEMS_PER_CMD = 64;
const b = (s: string): Bytes => utf8(s);

/** Emits `head` + items in batches (RPUSH/SADD/ZADD/HMSET style); `width` args per item. */
function batched(out: Bytes[], head: Bytes[], items: Bytes[], width: number): void {
  for (let i = 0; i < items.length; i += ITEMS_PER_CMD * width) {
    out.push(respCommand([...head, ...items.slice(i, i + ITEMS_PER_CMD * width)]));
  }
}

function rewriteValue(out: Bytes[], key: Bytes, v: RValue): void {
  switch (v.type) {
    case 'string':
      out.push(respCommand([b('SET'), key, v.v]));
      return;
    case 'list':
      return batched(out, [b('RPUSH'), key], [...v.ql], 1);
    case 'set': {
      const members =
        v.enc === 'intset' ? [...v.ints!].map((n) => b(String(n))) : [...v.table!.keys()].map(unbin);
      return batched(out, [b('SADD'), key], members, 1);
    }
    case 'zset': {
      const items: Bytes[] = [];
      for (const e of v.entries()) items.push(b(formatG(e.score, 17)), e.ele);
      return batched(out, [b('ZADD'), key], items, 2);
    }
    case 'hash': {
      const items: Bytes[] = [];
      for (const [f, val] of v.fields.entries()) items.push(unbin(f), val);
      return batched(out, [b('HMSET'), key], items, 2);
    }
    case 'stream':
      return rewriteStream(out, key, v);
  }
}

function rewriteStream(out: Bytes[], key: Bytes, s: StreamValue): void {
  if (s.length > 0) {
    streamIterate(s, MIN_ID, MAX_ID, false, (id, fv) => {
      out.push(respCommand([b('XADD'), key, b(idToString(id)), ...fv]));
    });
  } else {
    out.push(respCommand([b('XADD'), key, b('MAXLEN'), b('0'), b('0-1'), b('x'), b('y')]));
  }
  out.push(
    respCommand([
      b('XSETID'),
      key,
      b(idToString(s.lastId)),
      b('ENTRIESADDED'),
      b(String(s.entriesAdded)),
      b('MAXDELETEDID'),
      b(idToString(s.maxDeletedId)),
    ]),
  );
  for (const g of s.groups?.values() ?? []) {
    const group = unbin(g.name);
    out.push(
      respCommand([
        b('XGROUP'),
        b('CREATE'),
        key,
        group,
        b(idToString(g.lastId)),
        b('ENTRIESREAD'),
        b(String(g.entriesRead)),
      ]),
    );
    for (const c of g.consumers.values()) {
      const consumer = unbin(c.name);
      if (c.pel.size === 0) {
        out.push(respCommand([b('XGROUP'), b('CREATECONSUMER'), key, group, consumer]));
        continue;
      }
      c.pel.forEach((id, pe) => {
        out.push(
          respCommand([
            b('XCLAIM'),
            key,
            group,
            consumer,
            b('0'),
            b(idToString(id)),
            b('TIME'),
            b(String(pe.deliveryTimeMs)),
            b('RETRYCOUNT'),
            b(String(pe.deliveryCount)),
            b('JUSTID'),
            b('FORCE'),
          ]),
        );
      });
    }
  }
}

/** The whole dataset as AOF commands. */
export function rewriteAsCommands(node: ServerNode): Uint8Array {
  const out: Bytes[] = [unbin(node.aof.timestampAnnotation(true))];
  for (const code of nodeLibraryCodes(node)) {
    out.push(respCommand([b('FUNCTION'), b('LOAD'), code]));
  }
  for (const db of node.dbs) {
    if (db.dict.size === 0) continue;
    out.push(respCommand([b('SELECT'), b(String(db.id))]));
    for (const [k, v] of db.dict) {
      const key = unbin(k);
      rewriteValue(out, key, v);
      const when = db.expires.get(k);
      if (when !== undefined) out.push(respCommand([b('PEXPIREAT'), key, b(String(when))]));
    }
  }
  return concatBytes(out);
}
