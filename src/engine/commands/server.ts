/*
 * Server commands: INFO (info.ts), TIME, LASTSAVE and DEBUG (Redis's debug.c, only the subcommands a
 * playground needs: SLEEP on the node clock, SET-ACTIVE-EXPIRE, OBJECT, DIGEST and DIGEST-VALUE (see
 * debug-digest.ts), PROTOCOL (debug-protocol.ts), HELP). The dispatcher refuses DEBUG unless
 * enable-debug-command allows it, before any of this runs.
 */
import { debugPopulate } from './debug-populate.ts';
import { bin, type Bytes, lowerBin } from '../bytes.ts';
import { arr, bulkStr, int, OK, type Reply, simple } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { E, fail } from '../server/errors.ts';
import type { RValue } from '../server/object.ts';
import { helpReply } from './client.ts';
import { datasetDigestHex, keyDigestHex } from './debug-digest.ts';
import { DEBUG_HELP } from './debug-help.ts';
import { debugProtocol } from './debug-protocol.ts';
import { debugQuicklistPackedThreshold } from './lists/debug-packed.ts';
import { info } from './info.ts';
import { objectRefcount } from './keys-object.ts';
import { serializeValue } from '../persistence/rdb-value.ts';
import { serverSpecs } from './server-specs.ts';
import { debugReload } from './persistence.ts';
import { debugLoadAofCommand } from './persistence-aof.ts';
import type { CommandFamily } from './types.ts';

/** strtod's leading number ("1.5x" -> 1.5, "x" -> 0). */
function strtod(s: string): number {
  const m = /^\s*[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+(e[+-]?\d+)?|inf(inity)?)/i.exec(s);
  return m ? Number(m[0].replace(/inf(inity)?/i, 'Infinity')) : 0;
}

/** Length of a string as an RDB string: integer encodings, else a length prefix and the bytes. */
/** rdbSavedObjectLen: the value's RDB body length (no type byte), compressed as rdbcompression says. */
function serializedLength(c: Client, v: RValue): number {
  try {
    return serializeValue(v, c.node.config.getBool('rdbcompression')).length - 1;
  } catch {
    return 0;
  }
}

/** A stable fake address for "Value at:", derived from the key so repeated calls agree. */
function fakeAddress(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return `0x7f${h.toString(16).padStart(8, '0')}0`;
}

function debugObject(c: Client, key: string): Reply {
  const v = c.db.dict.get(key) as (RValue & { enc?: string }) | undefined;
  if (v === undefined) fail(E.noSuchKey);
  const nowMs = c.node.nowMs();
  const refcount = objectRefcount(c, v);
  const serialized = serializedLength(c, v);
  const lru = Math.floor(v.lru / 1000) & 0xffffff;
  const idle = Math.max(0, Math.floor((nowMs - v.lru) / 1000));
  return simple(
    `Value at:${fakeAddress(key)} refcount:${refcount} encoding:${v.enc ?? 'unknown'} ` +
      `serializedlength:${serialized} lru:${lru} lru_seconds_idle:${idle}`,
  );
}

function debug(c: Client, argv: Bytes[]): Reply {
  const sub = lowerBin(argv[1]!);
  if (sub === 'help' && argv.length === 2) return helpReply(argv[0]!, DEBUG_HELP);
  if (sub === 'sleep' && argv.length === 3) {
    const ms = Math.trunc(strtod(bin(argv[2]!)) * 1_000_000) / 1000;
    if (ms > 0) c.node.clock.sleep(ms);
    return OK;
  }
  if (sub === 'set-active-expire' && argv.length === 3) {
    c.node.activeExpireEnabled = Number.parseInt(bin(argv[2]!), 10) ? true : false;
    return OK;
  }
  if (sub === 'set-disable-deny-scripts' && argv.length === 3) {
    c.node.scripts.disableDenyScripts = Number.parseInt(bin(argv[2]!), 10) ? true : false;
    return OK;
  }
  if (sub === 'pause-cron' && argv.length === 3) {
    c.node.cronPaused = Number.parseInt(bin(argv[2]!), 10) ? true : false;
    return OK;
  }
  if (sub === 'object' && argv.length === 3) return debugObject(c, bin(argv[2]!));
  if (sub === 'protocol' && argv.length === 3) return debugProtocol(c, argv);
  if (sub === 'quicklist-packed-threshold' && argv.length === 3) return debugQuicklistPackedThreshold(argv);
  if (sub === 'reload') return debugReload(c, argv);
  if (sub === 'populate' && argv.length >= 3 && argv.length <= 5) return debugPopulate(c, argv);
  if (sub === 'loadaof') return debugLoadAofCommand(c);
  if (sub === 'digest' && argv.length === 2) return simple(datasetDigestHex(c.node.dbs));
  if (sub === 'digest-value') return arr(argv.slice(2).map((k) => simple(keyDigestHex(c.db, bin(k)))));
  fail(
    `ERR unknown subcommand or wrong number of arguments for '${bin(argv[1]!).slice(0, 128)}'. ` +
      `Try ${bin(argv[0]!).toUpperCase()} HELP.`,
  );
}

export const serverCommands: CommandFamily = {
  specs: serverSpecs,
  handlers: {
    info,
    time(c) {
      const us = c.node.clock.nowUs();
      const secs = Math.floor(us / 1_000_000);
      return arr([bulkStr(String(secs)), bulkStr(String(us - secs * 1_000_000))]);
    },
    lastsave: (c) => int(Math.floor(c.node.lastSaveMs / 1000)),
    debug,
  },
};
