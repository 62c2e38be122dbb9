/*
 * The forms in which Redis 7.0 propagates commands that would not replay deterministically as sent
 * (its rewriteClientCommandVector / rewriteClientCommandArgument / alsoPropagate calls in t_*.c,
 * expire.c, geo.c, cluster.c). Here they are derived after the handler ran, from what it was sent,
 * its reply and the dataset it left, so the data-type handlers stay free of propagation code:
 *
 *   EXPIRE/PEXPIRE/EXPIREAT key t [opt]  -> PEXPIREAT key <abs ms> [opt], or DEL/UNLINK when already past
 *   SET ... EX/PX/EXAT/PXAT, SETEX, PSETEX -> SET key value PXAT <abs ms>; SET ... GET drops the GETs
 *   GETEX                                 -> PEXPIREAT / PERSIST / DEL|UNLINK
 *   GETDEL -> DEL|UNLINK (lazyfree-lazy-user-del);  GETSET -> SET
 *   INCRBYFLOAT -> SET key <new> KEEPTTL;  HINCRBYFLOAT -> HSET key field <new>
 *   SPOP key -> SREM key m;  SPOP key n -> SREM per popped member, or DEL when the set went away
 *   BLPOP/BRPOP -> LPOP/RPOP key;  LMPOP/BLMPOP -> LPOP/RPOP key <popped>;  BLMOVE -> LMOVE;
 *   BRPOPLPUSH -> RPOPLPUSH;  BZPOPMIN/MAX -> ZPOPMIN/MAX key;  ZMPOP/BZMPOP -> ZPOPMIN/MAX key <popped>
 *   GEOADD -> ZADD with 52-bit geohash scores
 *   XADD with an auto ID -> the generated ID; XADD/XTRIM with "~" -> "=" and the resulting length
 *     (MAXLEN) or first ID (MINID)
 *   RESTORE with a relative TTL -> absolute TTL + ABSTTL, or DEL when it expired on arrival
 *   MIGRATE (not COPY) -> DEL of the keys that left
 * Everything else propagates as received.
 */
import { type Bytes, bin, lowerBin, utf8 } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import { scoreOf } from '../ds/geohash.ts';
import type { Reply } from '../resp/reply.ts';
import type { Database } from './db.ts';
import type { ServerNode } from './node.ts';
import { rewriteStreamCommand } from './propagate-streams.ts';

export interface RewriteContext {
  node: ServerNode;
  db: Database;
  cmd: Command;
  argv: readonly Bytes[];
  reply: Reply | undefined;
}

type Rewriter = (x: RewriteContext) => Bytes[][];

const b = (s: string): Bytes => utf8(s);

/** DEL or UNLINK as the lazyfree option for this kind of deletion says. */
export function deletion(node: ServerNode, option: string, key: Bytes): Bytes[] {
  return [b(node.config.getBool(option) ? 'UNLINK' : 'DEL'), key];
}

/** The key's live deadline, reading the dictionaries directly (no lazy expiry side effects). */
function deadline(x: RewriteContext, key: Bytes): number | undefined {
  const k = bin(key);
  return x.db.dict.has(k) ? x.db.expires.get(k) : undefined;
}

function exists(x: RewriteContext, key: Bytes): boolean {
  return x.db.dict.has(bin(key));
}

function expireFamily(x: RewriteContext): Bytes[][] {
  const key = x.argv[1]!;
  const when = deadline(x, key);
  if (when === undefined) return [deletion(x.node, 'lazyfree-lazy-expire', key)];
  if (x.cmd.fullName === 'pexpireat') return [[...x.argv]];
  return [[b('PEXPIREAT'), key, b(String(when)), ...x.argv.slice(3)]];
}

const EXPIRE_OPTIONS = new Set(['ex', 'px', 'exat', 'pxat']);

function set(x: RewriteContext): Bytes[][] {
  const opts = x.argv.slice(3).map(lowerBin);
  const when = deadline(x, x.argv[1]!);
  if (opts.some((o) => EXPIRE_OPTIONS.has(o)) && when !== undefined) {
    return [[b('SET'), x.argv[1]!, x.argv[2]!, b('PXAT'), b(String(when))]];
  }
  if (!opts.includes('get')) return [[...x.argv]];
  return [x.argv.filter((a, i) => i < 3 || lowerBin(a) !== 'get')];
}

function setex(x: RewriteContext): Bytes[][] {
  const when = deadline(x, x.argv[1]!);
  return [[b('SET'), x.argv[1]!, x.argv[3]!, b('PXAT'), b(String(when ?? 0))]];
}

function getex(x: RewriteContext): Bytes[][] {
  const key = x.argv[1]!;
  if (!exists(x, key)) return [deletion(x.node, 'lazyfree-lazy-expire', key)];
  const when = deadline(x, key);
  if (when !== undefined) return [[b('PEXPIREAT'), key, b(String(when))]];
  return [[b('PERSIST'), key]];
}

/** The bytes of a bulk reply (INCRBYFLOAT's new value), or an empty string. */
function bulkOf(r: Reply | undefined): Bytes {
  return r !== undefined && r.t === 'bulk' ? r.b : new Uint8Array(0);
}

function itemsOf(r: Reply | undefined): readonly Reply[] {
  return r !== undefined && (r.t === 'array' || r.t === 'set' || r.t === 'push') ? r.a : [];
}

function spop(x: RewriteContext): Bytes[][] {
  const key = x.argv[1]!;
  if (x.argv.length === 2) return [[b('SREM'), key, bulkOf(x.reply)]];
  if (!exists(x, key)) return [[b('DEL'), key]];
  return itemsOf(x.reply).map((m) => [b('SREM'), key, bulkOf(m)]);
}

/** BLPOP/BRPOP/BZPOPMIN/BZPOPMAX: the reply's first element names the key served. */
const popFromReply =
  (verb: string): Rewriter =>
  (x) => [[b(verb), bulkOf(itemsOf(x.reply)[0])]];

/** [LR]MPOP/Z?MPOP: the direction word follows the keys; the count is how many were popped. */
function mpop(x: RewriteContext, first: number, verbs: Record<string, string>): Bytes[][] {
  const numkeys = Number(bin(x.argv[first]!));
  const where = lowerBin(x.argv[first + 1 + numkeys]!);
  const [key, popped] = itemsOf(x.reply);
  return [[b(verbs[where]!), bulkOf(key), b(String(itemsOf(popped).length))]];
}

const LIST_VERBS = { left: 'LPOP', right: 'RPOP' };
const ZSET_VERBS = { min: 'ZPOPMIN', max: 'ZPOPMAX' };

function geoadd(x: RewriteContext): Bytes[][] {
  // Redis builds this argv itself, with the command name in lower case.
  const out: Bytes[] = [b('zadd'), x.argv[1]!];
  let i = 2;
  while (i < x.argv.length && ['nx', 'xx', 'ch'].includes(lowerBin(x.argv[i]!))) out.push(x.argv[i++]!);
  for (; i + 2 < x.argv.length; i += 3) {
    const score = scoreOf(Number(bin(x.argv[i]!)), Number(bin(x.argv[i + 1]!))) ?? 0;
    out.push(b(String(score)), x.argv[i + 2]!);
  }
  return [out];
}

function restore(x: RewriteContext): Bytes[][] {
  const key = x.argv[1]!;
  if (!exists(x, key)) return [[b('DEL'), key]];
  const opts = x.argv.slice(4).map(lowerBin);
  const when = deadline(x, key);
  if (when === undefined || opts.includes('absttl')) return [[...x.argv]];
  const out = [...x.argv];
  out[2] = b(String(when));
  out.push(b('ABSTTL'));
  return [out];
}

/** MIGRATE without COPY: DEL of the keys it moved (those gone from this db now). */
function migrate(x: RewriteContext): Bytes[][] {
  const words = x.argv.map(lowerBin);
  if (words.includes('copy')) return [];
  const k = words.indexOf('keys', 6);
  const keys = k >= 0 ? x.argv.slice(k + 1) : [x.argv[3]!];
  const gone = keys.filter((key) => !exists(x, key));
  return gone.length > 0 ? [[b('DEL'), ...gone]] : [];
}

const REWRITERS: Record<string, Rewriter> = {
  migrate,
  expire: expireFamily,
  pexpire: expireFamily,
  expireat: expireFamily,
  pexpireat: expireFamily,
  set,
  setex,
  psetex: setex,
  getex,
  getdel: (x) => [deletion(x.node, 'lazyfree-lazy-user-del', x.argv[1]!)],
  getset: (x) => [[b('SET'), x.argv[1]!, x.argv[2]!]],
  incrbyfloat: (x) => [[b('SET'), x.argv[1]!, bulkOf(x.reply), b('KEEPTTL')]],
  hincrbyfloat: (x) => [[b('HSET'), x.argv[1]!, x.argv[2]!, bulkOf(x.reply)]],
  spop,
  blpop: popFromReply('LPOP'),
  brpop: popFromReply('RPOP'),
  bzpopmin: popFromReply('ZPOPMIN'),
  bzpopmax: popFromReply('ZPOPMAX'),
  lmpop: (x) => mpop(x, 1, LIST_VERBS),
  blmpop: (x) => mpop(x, 2, LIST_VERBS),
  zmpop: (x) => mpop(x, 1, ZSET_VERBS),
  bzmpop: (x) => mpop(x, 2, ZSET_VERBS),
  blmove: (x) => [[b('LMOVE'), ...x.argv.slice(1, 5)]],
  brpoplpush: (x) => [[b('RPOPLPUSH'), x.argv[1]!, x.argv[2]!]],
  geoadd,
  restore,
};

/** The operations that stand for one executed command that changed the dataset. */
export function rewriteForPropagation(x: RewriteContext): Bytes[][] {
  const rewriter = REWRITERS[x.cmd.fullName];
  if (rewriter !== undefined) return rewriter(x);
  return rewriteStreamCommand(x) ?? [[...x.argv]];
}
