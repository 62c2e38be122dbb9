/*
 * MEMORY USAGE / STATS / DOCTOR / MALLOC-STATS / PURGE / HELP (Redis's memoryCommand in object.c).
 *
 * USAGE measures one key with the model of server/memory-size.ts: the value (aggregates sampled,
 * SAMPLES n, default 5, 0 = all) plus the key's sds and sizeof(dictEntry), as Redis counts it.
 * STATS reports the 7.0 field list; the figures come from the accounting model (server/memory.ts),
 * allocator and fragmentation fields as a server with no fragmentation would show them. DOCTOR's
 * verdicts follow Redis's thresholds where we model the inputs (an instance under 5 MB is "empty").
 * We present ourselves as a libc-allocator build (INFO mem_allocator), hence MALLOC-STATS's answer.
 */
import { bin, utf8 } from '../bytes.ts';
import { bulkStr, double, int, map, NIL, OK, verbatim, type Reply } from '../resp/reply.ts';
import { fail } from '../server/errors.ts';
import { dbOverhead, STARTUP_MEMORY, usedMemory } from '../server/memory.ts';
import { keyOverhead, valueSize } from '../server/memory-size.ts';
import type { ServerNode } from '../server/node.ts';
import { parseI64 } from '../util/parse.ts';
import { helpReply } from './command.ts';
import { memorySpecs } from './memory-specs.ts';
import type { CommandFamily } from './types.ts';

const HELP_LINES = [
  'DOCTOR',
  '    Return memory problems reports.',
  'MALLOC-STATS',
  '    Return internal statistics report from the memory allocator.',
  'PURGE',
  '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS',
  '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]',
  '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
];

const DEFAULT_SAMPLES = 5;
const DOCTOR_EMPTY =
  "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in " +
  'these conditions. Please, leave for your mission on Earth and fill it with some data. The new Sam and ' +
  'I will be back to our programming as soon as I finished rebooting.\n';
const DOCTOR_FINE =
  "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n";

/** Highest used_memory MEMORY STATS has seen per node (peak.allocated). */
const peaks = new WeakMap<ServerNode, number>();

function peakOf(node: ServerNode, used: number): number {
  const peak = Math.max(peaks.get(node) ?? 0, used);
  peaks.set(node, peak);
  return peak;
}

function parseSamples(argv: readonly Uint8Array[]): number {
  let samples = DEFAULT_SAMPLES;
  for (let j = 3; j < argv.length; j++) {
    if (bin(argv[j]!).toLowerCase() === 'samples' && j + 1 < argv.length) {
      const n = parseI64(argv[j + 1]!);
      if (n === null) fail('ERR value is not an integer or out of range');
      if (n < 0n) fail('ERR syntax error');
      samples = n === 0n ? Infinity : Number(n);
      j++;
    } else {
      fail('ERR syntax error');
    }
  }
  return samples;
}

function statsReply(node: ServerNode): Reply {
  const used = usedMemory(node);
  const peak = peakOf(node, used);
  const pairs: [string, Reply][] = [
    ['peak.allocated', int(peak)],
    ['total.allocated', int(used)],
    ['startup.allocated', int(STARTUP_MEMORY)],
    ['replication.backlog', int(0)],
    ['clients.slaves', int(0)],
    ['clients.normal', int(0)],
    ['cluster.links', int(0)],
    ['aof.buffer', int(0)],
    ['lua.caches', int(0)],
    ['functions.caches', int(200)],
  ];
  let overhead = STARTUP_MEMORY;
  let keys = 0;
  for (const db of node.dbs) {
    if (db.dict.size === 0) continue;
    const { main, expires } = dbOverhead(db);
    overhead += main + expires;
    keys += db.dict.size;
    const dbMap = map([
      [bulkStr('overhead.hashtable.main'), int(main)],
      [bulkStr('overhead.hashtable.expires'), int(expires)],
      [bulkStr('overhead.hashtable.slot-to-keys'), int(0)],
    ]);
    pairs.push([`db.${db.id}`, dbMap]);
  }
  const net = used - STARTUP_MEMORY;
  const dataset = Math.max(0, used - overhead);
  pairs.push(
    ['overhead.total', int(overhead)],
    ['keys.count', int(keys)],
    ['keys.bytes-per-key', int(keys ? Math.floor(net / keys) : 0)],
    ['dataset.bytes', int(dataset)],
    ['dataset.percentage', double(net > 0 ? (dataset * 100) / net : 0)],
    ['peak.percentage', double((used * 100) / peak)],
    ['allocator.allocated', int(used)],
    ['allocator.active', int(used)],
    ['allocator.resident', int(used)],
    ['allocator-fragmentation.ratio', double(1)],
    ['allocator-fragmentation.bytes', int(0)],
    ['allocator-rss.ratio', double(1)],
    ['allocator-rss.bytes', int(0)],
    ['rss-overhead.ratio', double(1)],
    ['rss-overhead.bytes', int(0)],
    ['fragmentation', double(1)],
    ['fragmentation.bytes', int(0)],
  );
  return map(pairs.map(([k, v]) => [bulkStr(k), v] as const));
}

export const memoryCommands: CommandFamily = {
  specs: memorySpecs,
  handlers: {
    'memory|help': (_c, argv) => helpReply(argv[0]!, HELP_LINES),
    'memory|usage': (c, argv) => {
      const samples = parseSamples(argv);
      const key = bin(argv[2]!);
      const v = c.db.dict.get(key);
      if (v === undefined) return NIL;
      return int(Math.floor(valueSize(v, samples)) + keyOverhead(key.length));
    },
    'memory|stats': (c) => statsReply(c.node),
    'memory|doctor': (c) => {
      const text = usedMemory(c.node) < 5 * 1024 * 1024 ? DOCTOR_EMPTY : DOCTOR_FINE;
      return verbatim('txt', utf8(text));
    },
    'memory|malloc-stats': () => bulkStr('Stats not supported for the current allocator'),
    'memory|purge': () => OK,
  },
};
