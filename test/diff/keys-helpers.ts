/*
 * Helpers for the keyspace differential tests: comparing a whole SCAN iteration (the union of the keys
 * returned, since cursors are ours and Redis's own), projections for replies that depend on the clock
 * or on randomness, and the generator of seeded random command sequences.
 */
import { bin, utf8, type Bytes } from '../../src/engine/bytes.ts';
import type { Random } from '../../src/engine/ports.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import type { ServerNode } from '../../src/engine/server/node.ts';
import type { Differential } from './harness.ts';
import type { RespConnection } from './redis.ts';

type Arg = string | Bytes;

/** Every key a full SCAN walk returns (sorted, deduplicated), or the first error reply's text. */
async function scanUnion(call: (argv: Arg[]) => Promise<Reply>, extra: Arg[]): Promise<string[] | string> {
  const seen = new Set<string>();
  let cursor = '0';
  for (let i = 0; i < 100000; i++) {
    const r = await call(['SCAN', cursor, ...extra]);
    if (r.t === 'error') return r.s;
    if (r.t !== 'array' || r.a.length !== 2) return `bad reply ${JSON.stringify(r)}`;
    const [c, keys] = r.a;
    if (c!.t !== 'bulk' || keys!.t !== 'array') return 'bad reply shape';
    for (const k of keys.a) if (k.t === 'bulk') seen.add(bin(k.b));
    cursor = bin(c.b);
    if (cursor === '0') break;
  }
  return [...seen].sort();
}

function ourCaller(node: ServerNode): (argv: Arg[]) => Promise<Reply> {
  const replies: Reply[] = [];
  const client = node.connect({ write: (r) => replies.push(r), close: () => undefined });
  return (argv) => {
    // The walk must see the database the differential client selected.
    const main = [...node.clients.values()][0]!;
    client.db = main.db;
    node.execute(
      client,
      argv.map((a) => (typeof a === 'string' ? utf8(a) : a)),
    );
    return Promise.resolve(replies[replies.length - 1]!);
  };
}

/** Runs a complete SCAN walk on both servers and records whether the key sets match. */
export async function checkScanUnion(
  d: Differential,
  real: RespConnection,
  extra: Arg[] = [],
): Promise<void> {
  const ours = await scanUnion(ourCaller(d.node), extra);
  const theirs = await scanUnion((argv) => real.call(...argv), extra);
  d.total++;
  const a = JSON.stringify(ours);
  const b = JSON.stringify(theirs);
  if (a === b) d.matched++;
  else d.mismatches.push(`SCAN walk ${extra.join(' ')}\n    ours:  ${a}\n    redis: ${b}`);
}

/** PTTL/PEXPIRETIME style: negative codes exactly, positive values only as "has a deadline". */
export function projectTtl(r: Reply): unknown {
  if (r.t === 'int') return Number(r.n) < 0 ? Number(r.n) : 'positive';
  return r;
}

/** One SCAN reply with its key list sorted (the order inside a page is the server's own). */
export function projectScanPage(r: Reply): unknown {
  if (r.t !== 'array' || r.a.length !== 2 || r.a[1]!.t !== 'array') return r;
  const keys = r.a[1].a.map((k) => (k.t === 'bulk' ? bin(k.b) : k.t)).sort();
  return [r.a[0], keys];
}

/** RANDOMKEY: whether a key came back (which one is random on both sides). */
export function projectPresence(r: Reply): unknown {
  return r.t === 'bulk' ? 'key' : r.t;
}

const KEYS = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'a:b', 'a:c', 'x\x00y', '\xff'];
const PATTERNS = ['*', 'k*', 'k?', 'a:*', '[ak]*', '*[0-2]', '\\*', '*\x00*', '[^k]*', 'k[3-1]'];

function pick<T>(r: Random, xs: readonly T[]): T {
  return xs[r.int(xs.length)]!;
}

function key(r: Random): Bytes {
  const k = pick(r, KEYS);
  return Uint8Array.from([...k].map((ch) => ch.charCodeAt(0)));
}

export interface RandomStep {
  argv: Arg[];
  kind: 'exact' | 'unordered' | 'ttl' | 'presence' | 'scan';
}

/** One random keyspace step, mixing string writes with every generic command. */
export function randomStep(r: Random): RandomStep {
  const k = key(r);
  const k2 = key(r);
  const n = r.int(34);
  const exact = (...argv: Arg[]): RandomStep => ({ argv, kind: 'exact' });
  if (n < 5) return exact('SET', k, pick(r, ['v', '12', '9999', '10000', '-3', 'x'.repeat(50)]));
  if (n < 7) return exact('GET', k);
  if (n < 8) return exact('APPEND', k, pick(r, ['1', 'abc']));
  if (n < 9) return exact('DEL', k, k2);
  if (n < 10) return exact('UNLINK', k);
  if (n < 11) return exact('EXISTS', k, k2, k);
  if (n < 12) return exact('TOUCH', k, k2);
  if (n < 13) return exact('TYPE', k);
  if (n < 14) return exact('RENAME', k, k2);
  if (n < 15) return exact('RENAMENX', k, k2);
  if (n < 16) return exact('COPY', k, k2, ...pick(r, [[], ['REPLACE'], ['DB', '1'], ['DB', '1', 'REPLACE']]));
  if (n < 17) return exact('MOVE', k, pick(r, ['0', '1', '2']));
  if (n < 18) return exact('SWAPDB', '0', pick(r, ['1', '2']));
  if (n < 19) return exact('DBSIZE');
  if (n < 20) return { argv: ['KEYS', pick(r, PATTERNS)], kind: 'unordered' };
  if (n < 21) return { argv: ['MATCH', pick(r, PATTERNS), 'COUNT', String(1 + r.int(5))], kind: 'scan' };
  if (n < 22) return { argv: ['RANDOMKEY'], kind: 'presence' };
  // Deadlines stay far from the run's duration (or in the past) so both servers agree on staleness.
  if (n < 23) return exact('EXPIRE', k, pick(r, ['1000', '5000', '-1', '0']), ...opts(r));
  if (n < 24) return exact('PEXPIRE', k, pick(r, ['1000000', '5000000', '-1', '0']), ...opts(r));
  if (n < 25) return exact(pick(r, ['EXPIREAT', 'PEXPIREAT']), k, pick(r, ['4000000000', '1', '5000000000']));
  if (n < 26) return exact('TTL', k);
  if (n < 27) return { argv: ['PTTL', k], kind: 'ttl' };
  if (n < 28) return { argv: [pick(r, ['EXPIRETIME', 'PEXPIRETIME']), k], kind: 'ttl' };
  if (n < 29) return exact('PERSIST', k);
  if (n < 30) return exact('OBJECT', pick(r, ['ENCODING', 'REFCOUNT']), k);
  if (n < 31) return exact('INCR', k);
  if (n < 32) return exact('SELECT', pick(r, ['0', '0', '1']));
  if (n < 33) return exact('FLUSHDB');
  return exact('SET', k, 'v');
}

function opts(r: Random): string[] {
  return r.int(3) === 0 ? [pick(r, ['NX', 'XX', 'GT', 'LT'])] : [];
}
