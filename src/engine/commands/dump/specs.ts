/*
 * Command table entries for DUMP and RESTORE (Redis's cluster.c, generic group). Facts as Redis 7.0
 * declares them; the summaries and history texts are our own.
 */
import type { CommandSpec } from '../types.ts';

const ONE_KEY = { type: 'index', index: 1 } as const;
const RANGE_ONE = { type: 'range', lastKey: 0, keyStep: 1, limit: 0 } as const;

export const dumpSpecs: CommandSpec[] = [
  {
    name: 'dump',
    summary: "Serialises a key's value into an opaque, checksummed blob that RESTORE can load.",
    since: '2.6.0',
    group: 'generic',
    complexity:
      'O(1) to access the key and additional O(N*M) to serialize it, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1).',
    arity: 2,
    flags: ['readonly'],
    acl: ['keyspace', 'read', 'slow'],
    tips: ['nondeterministic_output'],
    keySpecs: [{ flags: ['RO', 'ACCESS'], beginSearch: ONE_KEY, findKeys: RANGE_ONE }],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
  },
  {
    name: 'restore',
    summary: 'Creates a key from a DUMP blob, optionally with a TTL, replacing and access-time hints.',
    since: '2.6.0',
    group: 'generic',
    complexity:
      'O(1) to create the new key and additional O(N*M) to reconstruct the serialized value, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1). However for sorted set values the complexity is O(N*M*log(N)) because inserting values into sorted sets is O(log(N)).',
    arity: -4,
    flags: ['write', 'denyoom'],
    acl: ['keyspace', 'write', 'slow', 'dangerous'],
    keySpecs: [{ flags: ['OW', 'UPDATE'], beginSearch: ONE_KEY, findKeys: RANGE_ONE }],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'ttl', type: 'integer' },
      { name: 'serialized-value', type: 'string' },
      { name: 'replace', type: 'pure-token', token: 'REPLACE', since: '3.0.0', optional: true },
      { name: 'absttl', type: 'pure-token', token: 'ABSTTL', since: '5.0.0', optional: true },
      { name: 'seconds', type: 'integer', token: 'IDLETIME', since: '5.0.0', optional: true },
      { name: 'frequency', type: 'integer', token: 'FREQ', since: '5.0.0', optional: true },
    ],
    history: [
      ['3.0.0', 'REPLACE may overwrite an existing key.'],
      ['5.0.0', 'ABSTTL reads the TTL as a Unix time in milliseconds.'],
      ['5.0.0', "IDLETIME and FREQ set the restored key's LRU idle time or LFU counter."],
    ],
  },
];
