/*
 * OBJECT ENCODING | REFCOUNT | IDLETIME | FREQ | HELP (Redis's object.c). The key is looked up without
 * touching its access time and without a keymiss event; a missing key answers a null.
 *
 * REFCOUNT: values are private objects (1) except Redis's shared integers: an int-encoded string
 * 0..9999 stored by SET or INCR is the one shared object (refcount INT_MAX) whenever maxmemory is 0 or
 * the policy is neither LRU nor LFU (those need a private access field per key). A COPY of it is a
 * private int object. We decide at query time from the current settings (Redis decides when storing).
 *
 * IDLETIME counts whole seconds of the LRU clock (1 s resolution) since the last access; under an LFU
 * policy it is refused, and FREQ is refused unless the policy is LFU, with Redis's texts.
 */
import type { Bytes } from '../bytes.ts';
import { bulkStr, int, NIL, type Reply } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { fail } from '../server/errors.ts';
import { lfuDecayed, type RValue } from '../server/object.ts';
import { helpReply } from './command.ts';
import { keyArg, readKey } from './keys-lookup.ts';
import type { Handler } from './types.ts';

const SHARED_REFCOUNT = 2147483647;
const SHARED_INTEGERS = 10000;

const HELP_LINES = [
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
];

const LFU_SELECTED =
  'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching ' +
  'between policies at runtime LRU and LFU data will take some time to adjust.';
const LFU_NOT_SELECTED =
  'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when ' +
  'switching between policies at runtime LRU and LFU data will take some time to adjust.';

function lfuPolicy(c: Client): boolean {
  return c.node.lfuPolicy;
}

/** MAXMEMORY_FLAG_NO_SHARED_INTEGERS applies: maxmemory set and an LRU or LFU policy. */
function sharedIntegersAllowed(c: Client): boolean {
  const policy = c.node.config.get('maxmemory-policy');
  const lruOrLfu = policy.endsWith('lru') || policy.endsWith('lfu');
  return c.node.config.get('maxmemory') === '0' || !lruOrLfu;
}

function isSharedInteger(c: Client, v: RValue): boolean {
  if (v.type !== 'string' || v.enc !== 'int' || v.notShared) return false;
  if (v.v.length > 4 || v.v[0] === 45) return false;
  let n = 0;
  for (const d of v.v) n = n * 10 + d - 48;
  return n < SHARED_INTEGERS && sharedIntegersAllowed(c);
}

/** OBJECT REFCOUNT of a value (also what DEBUG OBJECT should print as refcount). */
export function objectRefcount(c: Client, v: RValue): number {
  return isSharedInteger(c, v) ? SHARED_REFCOUNT : 1;
}

/** objectCommandLookupOrReply: no touch, no keymiss event. */
function withValue(c: Client, argv: Bytes[], fn: (v: RValue) => Reply): Reply {
  const v = readKey(c, keyArg(argv, 2), { noTouch: true, noNotify: true });
  return v === undefined ? NIL : fn(v);
}

export const objectHandlers: Record<string, Handler> = {
  'object|help': (_c, argv) => helpReply(argv[0]!, HELP_LINES),

  'object|encoding': (c, argv) => withValue(c, argv, (v) => bulkStr(v.enc)),

  'object|refcount': (c, argv) => withValue(c, argv, (v) => int(objectRefcount(c, v))),

  'object|idletime': (c, argv) =>
    withValue(c, argv, (v) => {
      if (lfuPolicy(c)) fail(LFU_SELECTED);
      return int(Math.max(0, Math.floor(c.node.nowMs() / 1000) - Math.floor(v.lru / 1000)));
    }),

  'object|freq': (c, argv) =>
    withValue(c, argv, (v) => {
      if (!lfuPolicy(c)) fail(LFU_NOT_SELECTED);
      return int(lfuDecayed(v, c.node.nowMs(), c.node.lfuSettings));
    }),
};
