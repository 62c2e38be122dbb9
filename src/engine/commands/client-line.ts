/*
 * One CLIENT LIST / CLIENT INFO line in Redis 7.0.15's field order and formats (catClientInfoString):
 *
 *   id addr laddr fd name age idle flags db sub psub ssub multi qbuf qbuf-free argv-mem multi-mem rbs rbp
 *   obl oll omem tot-mem events cmd user redir resp
 *
 * Memory figures are modelled on what redis-server 7.0.15 shows for a fresh connection, not measured:
 * a 20474-byte query buffer (the running client's request counts as qbuf, the rest as qbuf-free), its
 * argv bytes (argv-mem, also kept by a blocked client) plus one pointer per argument, a 1 KiB reply
 * buffer that has not peaked yet (rbs=1024 rbp=0) and 774 bytes of client struct; tot-mem is their sum
 * (idle client: 22272), plus the MULTI queue and WATCH bookkeeping (multiStateMemOverhead) and the
 * Pub/Sub bookkeeping of subscribed clients (PubSubRegistry.memOverhead).
 */
import { type Bytes } from '../bytes.ts';
import type { Client } from '../server/client.ts';
import { trackingOf } from './client-tracking.ts';

const QUERY_BUF_ALLOC = 20474;
const REPLY_BUF = 1024;
const CLIENT_STRUCT = 774;
const POINTER = 8;

/** Client type for CLIENT LIST TYPE / CLIENT KILL TYPE; null when the name is unknown. */
export function clientTypeByName(name: string): 'normal' | 'master' | 'replica' | 'pubsub' | null {
  const n = name.toLowerCase();
  if (n === 'normal' || n === 'master' || n === 'pubsub') return n;
  if (n === 'slave' || n === 'replica') return 'replica';
  return null;
}

export function clientType(c: Client): 'normal' | 'pubsub' {
  return c.flags.has('pubsub') ? 'pubsub' : 'normal';
}

function flagLetters(c: Client): string {
  let f = '';
  if (c.flags.has('monitor')) f += 'O';
  if (c.flags.has('pubsub')) f += 'P';
  if (c.multi !== null) f += 'x';
  if (c.flags.has('blocked')) f += 'b';
  if (c.flags.has('tracking')) f += 't';
  if (trackingOf(c)?.brokenRedirect) f += 'R';
  if (trackingOf(c)?.bcast) f += 'B';
  if (c.dirtyCas) f += 'd';
  if (c.closeAfterReply) f += 'c';
  if (c.noEvict) f += 'e';
  return f || 'N';
}

function respSize(argv: readonly Bytes[]): number {
  let n = 1 + String(argv.length).length + 2;
  for (const a of argv) n += 1 + String(a.length).length + 2 + a.length + 2;
  return n;
}

/** sizeof(multiCmd) and the list node + watchedKey struct each WATCHed key costs. */
const MULTI_CMD_STRUCT = 24;
const WATCHED_KEY_COST = 56;

/**
 * multiStateMemOverhead: queued argv bytes, the queue's array (2 slots at the first queued command,
 * doubled whenever full) and the WATCHed keys' bookkeeping.
 */
function multiStateOverhead(c: Client, multiMem: number): number {
  const queued = c.multi?.length ?? 0;
  let slots = queued > 0 ? 2 : 0;
  while (slots < queued) slots *= 2;
  return multiMem + slots * MULTI_CMD_STRUCT + c.watched.length * WATCHED_KEY_COST;
}

/** The line for `c`; `isCaller` when `c` is the client running this command (its request is in qbuf). */
export function clientInfoLine(c: Client, isCaller = false): string {
  // The running client's request is still in its query buffer; a blocked client keeps its argv.
  const current = isCaller || c.flags.has('blocked') ? c.requestArgv : undefined;
  const nowS = Math.floor(c.node.nowMs() / 1000);
  const qbuf = isCaller && current ? respSize(current) : 0;
  const qbufFree = QUERY_BUF_ALLOC - qbuf;
  const argvMem = current ? current.reduce((n, a) => n + a.length, 0) : 0;
  const multiMem = (c.multi ?? []).reduce(
    (n, q) => n + q.argv.length * POINTER + q.argv.reduce((m, a) => m + a.length, 0),
    0,
  );
  const argvArray = current ? current.length * POINTER : 0;
  const pubsubMem = c.node.pubsub.memOverhead(c);
  const totMem =
    QUERY_BUF_ALLOC +
    REPLY_BUF +
    CLIENT_STRUCT +
    argvMem +
    argvArray +
    multiStateOverhead(c, multiMem) +
    pubsubMem;
  const fields: [string, string | number][] = [
    ['id', c.id],
    ['addr', c.address.addr],
    ['laddr', c.address.laddr],
    ['fd', c.address.fd ?? -1],
    ['name', c.name ? String.fromCharCode(...c.name) : ''],
    ['age', nowS - Math.floor(c.createdMs / 1000)],
    ['idle', nowS - Math.floor(c.lastInteractionMs / 1000)],
    ['flags', flagLetters(c)],
    ['db', c.db.id],
    ['sub', c.channels.size],
    ['psub', c.patterns.size],
    ['ssub', c.shardChannels.size],
    ['multi', c.multi ? c.multi.length : -1],
    ['qbuf', qbuf],
    ['qbuf-free', qbufFree],
    ['argv-mem', argvMem],
    ['multi-mem', multiMem],
    ['rbs', REPLY_BUF],
    ['rbp', 0],
    ['obl', 0],
    ['oll', 0],
    ['omem', 0],
    ['tot-mem', totMem],
    ['events', 'r'],
    ['cmd', c.lastCommand],
    ['user', c.user],
    ['redir', trackingOf(c)?.redirect ?? -1],
    ['resp', c.resp],
  ];
  return fields.map(([k, v]) => `${k}=${v}`).join(' ');
}
