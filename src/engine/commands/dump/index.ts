/*
 * DUMP and RESTORE (cluster.c dumpCommand / restoreCommand).
 *
 * DUMP answers the payload of persistence/dump-payload.ts (nil for a missing key), compressed per
 * rdbcompression. RESTORE checks, in Redis's order: options (REPLACE, ABSTTL, IDLETIME s, FREQ f;
 * IDLETIME and FREQ exclude each other, the second one is a syntax error), an existing key without
 * REPLACE (BUSYKEY), the TTL (an integer >= 0; 0 = no expiry), the payload's version and checksum,
 * then the value itself ("Bad data format"). Nothing changes before all of that passed.
 *
 * On success: REPLACE deletes the old key first; a TTL (relative ms, or an absolute Unix time in ms
 * with ABSTTL) already in the past means the key is not created -- if an old key was deleted that
 * counts as a "del" -- otherwise the key is added with its deadline, IDLETIME or FREQ applied per the
 * maxmemory-policy (FREQ only under an LFU policy, IDLETIME only otherwise), and "restore" is notified.
 */
import { bin, type Bytes, eqIgnoreCase } from '../../bytes.ts';
import { RdbFormatError } from '../../persistence/rdb-io.ts';
import { rdbLimitsFrom } from '../../persistence/rdb-load.ts';
import { createDumpPayload, loadDumpPayload, verifyDumpPayload } from '../../persistence/dump-payload.ts';
import { bulk, NIL, OK, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import type { RValue } from '../../server/object.ts';
import { bigIntArg } from '../../util/parse.ts';
import { readKey } from '../strings/value.ts';
import type { CommandFamily } from '../types.ts';
import { dumpSpecs } from './specs.ts';

function dumpCommand(c: Client, argv: Bytes[]): Reply {
  const v = readKey(c, bin(argv[1]!));
  if (v === undefined) return NIL;
  const compression = c.node.config.get('rdbcompression') === 'yes';
  try {
    return bulk(createDumpPayload(v, compression));
  } catch (e) {
    return fail(`ERR DUMP of ${v.type} values is not supported yet: ${(e as Error).message}`);
  }
}

interface RestoreOptions {
  replace: boolean;
  absTtl: boolean;
  idleSeconds: bigint;
  freq: number;
}

const LRU_CLOCK_MAX = 2n ** 24n - 1n;

/**
 * The idle time OBJECT IDLETIME reports after RESTORE ... IDLETIME `idle` in Redis, whose LRU clock is
 * 24 bits of seconds: the access time is clock - idle, wrapped once by LRU_CLOCK_MAX and stored in 24
 * bits, and the idle estimate unwraps it again. Idle times beyond about 194 days come back reduced.
 */
export function restoredIdleSeconds(nowMs: number, idle: bigint): number {
  const clock = BigInt(Math.floor(nowMs / 1000)) & LRU_CLOCK_MAX;
  let lru = clock - idle;
  if (lru < 0n) lru += LRU_CLOCK_MAX;
  lru = BigInt.asUintN(24, lru);
  return Number(clock >= lru ? clock - lru : clock + (LRU_CLOCK_MAX - lru));
}

function parseRestoreOptions(argv: Bytes[]): RestoreOptions {
  const o: RestoreOptions = { replace: false, absTtl: false, idleSeconds: -1n, freq: -1 };
  for (let j = 4; j < argv.length; j++) {
    const a = argv[j]!;
    const hasValue = j + 1 < argv.length;
    if (eqIgnoreCase(a, 'replace')) o.replace = true;
    else if (eqIgnoreCase(a, 'absttl')) o.absTtl = true;
    else if (eqIgnoreCase(a, 'idletime') && hasValue && o.freq === -1) {
      const idle = bigIntArg(argv[++j]!);
      if (idle < 0n) fail('ERR Invalid IDLETIME value, must be >= 0');
      o.idleSeconds = idle;
    } else if (eqIgnoreCase(a, 'freq') && hasValue && o.idleSeconds === -1n) {
      const freq = bigIntArg(argv[++j]!);
      if (freq < 0n || freq > 255n) fail('ERR Invalid FREQ value, must be >= 0 and <= 255');
      o.freq = Number(freq);
    } else fail(E.syntax);
  }
  return o;
}

/** objectSetLRUOrLFU with the RESTORE options. */
function applyAccessHints(c: Client, v: RValue, o: RestoreOptions): void {
  const now = c.node.nowMs();
  if (c.node.lfuPolicy) {
    if (o.freq >= 0) {
      v.lfu = o.freq;
      v.lru = now;
    }
  } else if (o.idleSeconds >= 0n) {
    v.lru = now - restoredIdleSeconds(now, o.idleSeconds) * 1000;
  }
}

function loadPayload(c: Client, payload: Bytes): RValue {
  const random = c.node.random;
  try {
    return loadDumpPayload(payload, {
      nowMs: c.node.nowMs(),
      randomU16: () => random.int(0x10000),
      limits: rdbLimitsFrom(c.node.config),
    });
  } catch (e) {
    if (e instanceof RdbFormatError) fail('ERR Bad data format');
    throw e;
  }
}

function restoreCommand(c: Client, argv: Bytes[]): Reply {
  const o = parseRestoreOptions(argv);
  const key = bin(argv[1]!);
  if (!o.replace && c.db.lookupWrite(key) !== undefined) fail('BUSYKEY Target key name already exists.');
  let ttl = Number(bigIntArg(argv[2]!));
  if (ttl < 0) fail('ERR Invalid TTL value, must be >= 0');
  const payload = argv[3]!;
  if (!verifyDumpPayload(payload)) fail('ERR DUMP payload version or checksum are wrong');
  const v = loadPayload(c, payload);

  const deleted = o.replace && c.db.delete(key);
  if (ttl !== 0 && !o.absTtl) ttl += c.node.nowMs();
  if (ttl !== 0 && ttl <= c.node.nowMs()) {
    if (deleted) {
      c.node.signalModifiedKey(c.db, key);
      c.node.notify('g', 'del', key, c.db);
      c.node.dirty++;
    }
    return OK;
  }
  c.db.set(key, v);
  if (v.type === 'list' || v.type === 'zset') c.node.signalKeyAsReady(c.db, key);
  if (ttl !== 0) c.db.setExpire(key, ttl);
  applyAccessHints(c, v, o);
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('g', 'restore', key, c.db);
  c.node.dirty++;
  return OK;
}

export const dumpCommands: CommandFamily = {
  specs: dumpSpecs,
  handlers: { dump: dumpCommand, restore: restoreCommand },
};
