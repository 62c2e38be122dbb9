/*
 * CLUSTER: the playground's single node is not (yet) part of a simulated cluster.
 *
 * With cluster-enabled no (the default, and what redis-server 7.0 says then) every known subcommand
 * answers "ERR This instance has cluster support disabled" once the dispatcher has checked the
 * subcommand's arity; unknown subcommands get the dispatcher's usual error.
 *
 * With cluster-enabled yes (a start-up option) the subcommands that need no other node work on this
 * node alone: KEYSLOT (CRC16 with hash tags, ds/crc16.ts), COUNTKEYSINSLOT and GETKEYSINSLOT (over
 * database 0, the only one a cluster node serves; Redis keeps a per-slot key index, we scan). The
 * subcommands that need the cluster bus answer that they are not simulated yet.
 */
import { bin } from '../bytes.ts';
import { CLUSTER_SLOTS, keyHashSlot, keyHashSlotBin } from '../ds/crc16.ts';
import { arr, bulkBin, int, type Reply } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { fail } from '../server/errors.ts';
import { intArg } from '../util/parse.ts';
import { clusterSpecs } from './cluster-specs.ts';
import { helpReply } from './command.ts';
import { clusterEnabled } from './keys-lookup.ts';
import type { CommandFamily, Handler } from './types.ts';

const DISABLED = 'ERR This instance has cluster support disabled';

const HELP_LINES = [
  'COUNTKEYSINSLOT <slot>',
  '    Return the number of keys in <slot>.',
  'GETKEYSINSLOT <slot> <count>',
  '    Return key names stored by current node in a slot.',
  'KEYSLOT <key>',
  '    Return the hash slot for <key>.',
];

/** Wraps a handler that only runs in cluster mode. */
function clusterOnly(h: Handler): Handler {
  return (c, argv) => {
    if (!clusterEnabled(c)) fail(DISABLED);
    return h(c, argv);
  };
}

function notSimulated(_c: Client, argv: Uint8Array[]): Reply {
  fail(`ERR CLUSTER ${bin(argv[1]!).toUpperCase()} is not simulated by the playground yet`);
}

/** Keys of database 0 in a slot, at most `max`, in the dictionary's order. */
function keysInSlot(c: Client, slot: number, max: number): string[] {
  const out: string[] = [];
  const db = c.node.dbs[0]!;
  const nowMs = c.node.nowMs();
  for (const key of db.dict.keys()) {
    if (out.length >= max) break;
    const when = db.expires.get(key);
    if (when !== undefined && when < nowMs) continue;
    if (keyHashSlotBin(key) === slot) out.push(key);
  }
  return out;
}

function slotArg(b: Uint8Array, msg: string): number {
  const slot = intArg(b);
  if (slot < 0 || slot >= CLUSTER_SLOTS) fail(msg);
  return slot;
}

const handlers: Record<string, Handler> = {
  'cluster|help': clusterOnly((_c, argv) => helpReply(argv[0]!, HELP_LINES)),
  'cluster|keyslot': clusterOnly((_c, argv) => int(keyHashSlot(argv[2]!))),
  'cluster|countkeysinslot': clusterOnly((c, argv) => {
    const slot = slotArg(argv[2]!, 'ERR Invalid slot');
    return int(keysInSlot(c, slot, Infinity).length);
  }),
  'cluster|getkeysinslot': clusterOnly((c, argv) => {
    const slot = intArg(argv[2]!);
    const max = intArg(argv[3]!);
    if (slot < 0 || slot >= CLUSTER_SLOTS || max < 0) fail('ERR Invalid slot or number of keys');
    return arr(keysInSlot(c, slot, max).map((k) => bulkBin(k)));
  }),
};

for (const spec of clusterSpecs) {
  if (spec.name === 'cluster' || handlers[spec.name]) continue;
  handlers[spec.name] = clusterOnly(notSimulated);
}

export const clusterCommands: CommandFamily = { specs: clusterSpecs, handlers };
