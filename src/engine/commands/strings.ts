/*
 * String commands (Redis's t_string.c). Values are stored as bytes with the encoding Redis would report:
 * 'int' for canonical 64-bit integers of at most 20 chars, 'embstr' up to 44 bytes, 'raw' beyond or
 * once modified in place.
 */
import { bin, type Bytes } from '../bytes.ts';
import { bulk, NIL, OK } from '../resp/reply.ts';
import { WRONGTYPE } from '../server/errors.ts';
import { EMBSTR_MAX, type StringValue } from '../server/object.ts';
import { parseI64 } from '../util/parse.ts';
import type { CommandFamily } from './types.ts';

/** A new string value with the encoding Redis's createStringObject + tryObjectEncoding give it. */
export function newString(v: Bytes, now: number): StringValue {
  const enc = v.length <= 20 && parseI64(v) !== null ? 'int' : v.length <= EMBSTR_MAX ? 'embstr' : 'raw';
  return { type: 'string', enc, v, lru: now, lfu: 5 };
}

export const stringCommands: CommandFamily = {
  specs: [
    {
      name: 'get',
      summary: 'Reads the string stored at a key.',
      since: '1.0.0',
      group: 'string',
      complexity: 'O(1)',
      arity: 2,
      flags: ['readonly', 'fast'],
      acl: ['read', 'string', 'fast'],
      keySpecs: [
        {
          flags: ['RO', 'ACCESS'],
          beginSearch: { type: 'index', index: 1 },
          findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
        },
      ],
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    },
    {
      name: 'set',
      summary: 'Stores a string at a key, with optional expiry and conditions.',
      since: '1.0.0',
      group: 'string',
      complexity: 'O(1)',
      arity: -3,
      flags: ['write', 'denyoom'],
      acl: ['write', 'string', 'slow'],
      keySpecs: [
        {
          flags: ['RW', 'ACCESS', 'UPDATE', 'VARIABLE_FLAGS'],
          beginSearch: { type: 'index', index: 1 },
          findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
          notes: 'RW and ACCESS due to the optional `GET` argument',
        },
      ],
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        { name: 'value', type: 'string' },
      ],
    },
  ],
  handlers: {
    get(c, argv) {
      const v = c.db.lookupRead(bin(argv[1]!));
      if (v === undefined) {
        c.node.stats.keyspaceMisses++;
        return NIL;
      }
      c.node.stats.keyspaceHits++;
      if (v.type !== 'string') return WRONGTYPE;
      return bulk(v.v);
    },
    set(c, argv) {
      const key = bin(argv[1]!);
      c.db.set(key, newString(argv[2]!, c.node.nowMs()));
      c.node.signalModifiedKey(c.db, key);
      c.node.notify('$', 'set', key, c.db);
      c.node.dirty++;
      return OK;
    },
  },
};
