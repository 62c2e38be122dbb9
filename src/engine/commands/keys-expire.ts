/*
 * Expiry commands (Redis's expire.c): EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT with the NX/XX/GT/LT
 * conditions, TTL, PTTL, EXPIRETIME, PEXPIRETIME and PERSIST.
 *
 * EXPIRE-family order of checks, as Redis does them: options (unknown option, then incompatible
 * combinations), the integer, overflow of the unit conversion and of the base-time addition (both
 * "invalid expire time"), the key's existence, the condition against the current deadline (a key
 * without one counts as an infinite TTL: GT never passes, LT always does), and finally a deadline not
 * in the future deletes the key at once as a DEL would ("del" event, not "expire").
 *
 * Deadlines are absolute unix milliseconds. The arithmetic runs in BigInt so that the 64-bit overflow
 * checks are exact; the stored deadline is a JS number (exact up to 2^53 ms, i.e. past year 285000).
 */
import { eqIgnoreCase, type Bytes } from '../bytes.ts';
import { int, type Reply } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { E, fail } from '../server/errors.ts';
import { parseI64 } from '../util/parse.ts';
import { keyArg, readKey, writeKeyIn } from './keys-lookup.ts';
import type { Handler } from './types.ts';

const I64_MAX = 9223372036854775807n;
const SECONDS_MAX = I64_MAX / 1000n;
const SECONDS_MIN = -SECONDS_MAX;

interface ExpireConditions {
  nx: boolean;
  xx: boolean;
  gt: boolean;
  lt: boolean;
}

/** parseExtendedExpireArgumentsOrReply. */
function parseConditions(argv: Bytes[]): ExpireConditions {
  const f: ExpireConditions = { nx: false, xx: false, gt: false, lt: false };
  for (let j = 3; j < argv.length; j++) {
    const a = argv[j]!;
    if (eqIgnoreCase(a, 'nx')) f.nx = true;
    else if (eqIgnoreCase(a, 'xx')) f.xx = true;
    else if (eqIgnoreCase(a, 'gt')) f.gt = true;
    else if (eqIgnoreCase(a, 'lt')) f.lt = true;
    else fail(`ERR Unsupported option ${keyArg(argv, j).split('\0')[0]}`); // C's %s stops at a NUL
  }
  if (f.nx && (f.xx || f.gt || f.lt)) {
    fail('ERR NX and XX, GT or LT options at the same time are not compatible');
  }
  if (f.gt && f.lt) fail('ERR GT and LT options at the same time are not compatible');
  return f;
}

/** The absolute deadline in ms, with Redis's overflow checks. */
function deadlineMs(c: Client, arg: Bytes, seconds: boolean, relative: boolean): bigint {
  let when = parseI64(arg);
  if (when === null) fail(E.notInt);
  const invalid = `ERR invalid expire time in '${c.lastCommand}' command`;
  if (seconds) {
    if (when > SECONDS_MAX || when < SECONDS_MIN) fail(invalid);
    when *= 1000n;
  }
  const base = relative ? BigInt(c.node.nowMs()) : 0n;
  if (when > I64_MAX - base) fail(invalid);
  return when + base;
}

/** Whether the conditions allow replacing `current` (undefined: no deadline) by `when`. */
function conditionsPass(f: ExpireConditions, current: number | undefined, when: bigint): boolean {
  if (f.nx && current !== undefined) return false;
  if (f.xx && current === undefined) return false;
  if (f.gt && (current === undefined || when <= BigInt(current))) return false;
  if (f.lt && current !== undefined && when >= BigInt(current)) return false;
  return true;
}

/** expireGenericCommand. */
function expireGeneric(c: Client, argv: Bytes[], seconds: boolean, relative: boolean): Reply {
  const f = parseConditions(argv);
  const when = deadlineMs(c, argv[2]!, seconds, relative);
  const key = keyArg(argv, 1);
  if (writeKeyIn(c.db, key) === undefined) return int(0);
  if (!conditionsPass(f, c.db.getExpire(key), when)) return int(0);
  c.node.dirty++;
  c.node.signalModifiedKey(c.db, key);
  if (when <= BigInt(c.node.nowMs())) {
    // Already past: delete now, as an explicit DEL would (propagated as DEL by Redis).
    c.db.delete(key);
    c.node.notify('g', 'del', key, c.db);
    return int(1);
  }
  c.db.setExpire(key, Number(when));
  c.node.notify('g', 'expire', key, c.db);
  return int(1);
}

/** ttlGenericCommand: -2 for a missing key, -1 without deadline, else the (rounded) time left. */
function ttlGeneric(c: Client, argv: Bytes[], ms: boolean, absolute: boolean): Reply {
  const key = keyArg(argv, 1);
  if (readKey(c, key, { noTouch: true }) === undefined) return int(-2);
  const when = c.db.getExpire(key);
  if (when === undefined) return int(-1);
  const ttl = Math.max(0, absolute ? when : when - c.node.nowMs());
  return int(ms ? ttl : Math.floor((ttl + 500) / 1000));
}

export const expireHandlers: Record<string, Handler> = {
  expire: (c, argv) => expireGeneric(c, argv, true, true),
  pexpire: (c, argv) => expireGeneric(c, argv, false, true),
  expireat: (c, argv) => expireGeneric(c, argv, true, false),
  pexpireat: (c, argv) => expireGeneric(c, argv, false, false),
  ttl: (c, argv) => ttlGeneric(c, argv, false, false),
  pttl: (c, argv) => ttlGeneric(c, argv, true, false),
  expiretime: (c, argv) => ttlGeneric(c, argv, false, true),
  pexpiretime: (c, argv) => ttlGeneric(c, argv, true, true),

  persist(c, argv) {
    const key = keyArg(argv, 1);
    if (writeKeyIn(c.db, key) === undefined || !c.db.removeExpire(key)) return int(0);
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('g', 'persist', key, c.db);
    c.node.dirty++;
    return int(1);
  },
};
