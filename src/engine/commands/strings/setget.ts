/*
 * Reading and writing whole strings: GET, SET (and its older forms SETNX, SETEX, PSETEX, GETSET),
 * GETEX, GETDEL, MGET, MSET, MSETNX. After t_string.c:
 *
 *   SET validates its expire first, then (with GET) reads the old value exactly like GET would,
 *   including a WRONGTYPE error that stops the command, and only then applies NX/XX. A write clears
 *   the old deadline unless KEEPTTL; a deadline in the past is stored as is and the key expires on
 *   its next access. Events: "set" (and "expire" when a deadline was given).
 *   GETEX answers the value before touching the deadline; an EXAT/PXAT already in the past deletes
 *   the key ("del"), other deadlines notify "expire", PERSIST notifies "persist" only when the key
 *   had a deadline. GETDEL notifies "del".
 */
import { type Bytes } from '../../bytes.ts';
import { arr, bulk, int, NIL, OK, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import type { Handler } from '../types.ts';
import { expireDeadlineMs, parseStringOptions, type ExpireKind } from './options.ts';
import { asString, keyOf, newString, readKey, storeKey, writeKey } from './value.ts';

/** getGenericCommand: the value of a string key, null when absent; WRONGTYPE otherwise. */
function getValue(c: Client, key: string): Bytes | null {
  const v = readKey(c, key);
  return v === undefined ? null : asString(v).v;
}

function bulkOrNull(b: Bytes | null): Reply {
  return b === null ? NIL : bulk(b);
}

interface SetRequest {
  /** Command name for the "invalid expire time in '...' command" error. */
  command: string;
  key: string;
  value: Bytes;
  nx: boolean;
  xx: boolean;
  get: boolean;
  keepTtl: boolean;
  expire?: { kind: ExpireKind; arg: Bytes };
}

/**
 * setGenericCommand. Answers `okReply` when it stored the value and `abortReply` when NX/XX stopped it;
 * with GET it answers the old value either way.
 */
function setGeneric(c: Client, req: SetRequest, okReply: Reply, abortReply: Reply): Reply {
  const deadline = req.expire ? expireDeadlineMs(c, req.expire.kind, req.expire.arg, req.command) : undefined;
  const old = req.get ? getValue(c, req.key) : null;
  const found = writeKey(c, req.key) !== undefined;
  if ((req.nx && found) || (req.xx && !found)) return req.get ? bulkOrNull(old) : abortReply;
  storeKey(c, req.key, newString(req.value, c.node.nowMs()), req.keepTtl);
  c.node.dirty++;
  c.node.notify('$', 'set', req.key, c.db);
  if (deadline !== undefined) {
    c.db.setExpire(req.key, deadline);
    c.node.notify('g', 'expire', req.key, c.db);
  }
  return req.get ? bulkOrNull(old) : okReply;
}

const get: Handler = (c, argv) => bulkOrNull(getValue(c, keyOf(argv, 1)));

const set: Handler = (c, argv) => {
  const o = parseStringOptions(argv, 3, true);
  const expire = o.expireKind ? { kind: o.expireKind, arg: o.expireArg! } : undefined;
  const req = { ...plainSet('set', keyOf(argv, 1), argv[2]!, expire), nx: o.nx, xx: o.xx, get: o.get };
  return setGeneric(c, { ...req, keepTtl: o.keepTtl }, OK, NIL);
};

function plainSet(command: string, key: string, value: Bytes, expire?: SetRequest['expire']): SetRequest {
  return { command, key, value, nx: false, xx: false, get: false, keepTtl: false, expire };
}

const setnx: Handler = (c, argv) =>
  setGeneric(c, { ...plainSet('setnx', keyOf(argv, 1), argv[2]!), nx: true }, int(1), int(0));

const setex: Handler = (c, argv) =>
  setGeneric(c, plainSet('setex', keyOf(argv, 1), argv[3]!, { kind: 'ex', arg: argv[2]! }), OK, NIL);

const psetex: Handler = (c, argv) =>
  setGeneric(c, plainSet('psetex', keyOf(argv, 1), argv[3]!, { kind: 'px', arg: argv[2]! }), OK, NIL);

const getset: Handler = (c, argv) => {
  const key = keyOf(argv, 1);
  const old = getValue(c, key);
  // setKey without a known existence looks the key up again (touching it, expiring it if due).
  writeKey(c, key);
  storeKey(c, key, newString(argv[2]!, c.node.nowMs()));
  c.node.notify('$', 'set', key, c.db);
  c.node.dirty++;
  return bulkOrNull(old);
};

const getex: Handler = (c, argv) => {
  const o = parseStringOptions(argv, 2, false);
  const key = keyOf(argv, 1);
  const v = readKey(c, key);
  if (v === undefined) return NIL;
  const value = asString(v).v;
  const kind = o.expireKind;
  const deadline = kind ? expireDeadlineMs(c, kind, o.expireArg!, 'getex') : undefined;
  if (deadline !== undefined && (kind === 'exat' || kind === 'pxat') && deadline <= c.node.nowMs()) {
    c.db.delete(key);
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('g', 'del', key, c.db);
    c.node.dirty++;
  } else if (deadline !== undefined) {
    c.db.setExpire(key, deadline);
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('g', 'expire', key, c.db);
    c.node.dirty++;
  } else if (o.persist && c.db.expires.delete(key)) {
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('g', 'persist', key, c.db);
    c.node.dirty++;
  }
  return bulk(value);
};

const getdel: Handler = (c, argv) => {
  const key = keyOf(argv, 1);
  const old = getValue(c, key);
  if (c.db.delete(key)) {
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('g', 'del', key, c.db);
    c.node.dirty++;
  }
  return bulkOrNull(old);
};

const mget: Handler = (c, argv) => {
  const out: Reply[] = [];
  for (let j = 1; j < argv.length; j++) {
    const v = readKey(c, keyOf(argv, j));
    out.push(v === undefined || v.type !== 'string' ? NIL : bulk(v.v));
  }
  return arr(out);
};

/** msetGenericCommand: pairs are checked for arity here (the table only says "at least 3"). */
function msetGeneric(c: Client, argv: Bytes[], nx: boolean): Reply {
  if (argv.length % 2 === 0) fail(`ERR wrong number of arguments for '${nx ? 'msetnx' : 'mset'}' command`);
  if (nx) {
    for (let j = 1; j < argv.length; j += 2) if (writeKey(c, keyOf(argv, j)) !== undefined) return int(0);
  }
  const now = c.node.nowMs();
  for (let j = 1; j < argv.length; j += 2) {
    const key = keyOf(argv, j);
    writeKey(c, key);
    storeKey(c, key, newString(argv[j + 1]!, now));
    c.node.notify('$', 'set', key, c.db);
  }
  c.node.dirty += (argv.length - 1) / 2;
  return nx ? int(1) : OK;
}

const mset: Handler = (c, argv) => msetGeneric(c, argv, false);
const msetnx: Handler = (c, argv) => msetGeneric(c, argv, true);

export const setGetHandlers: Record<string, Handler> = {
  get,
  set,
  setnx,
  setex,
  psetex,
  getset,
  getex,
  getdel,
  mget,
  mset,
  msetnx,
};
