/*
 * Helpers for the hash and set differential tests: property checks for random replies (HRANDFIELD,
 * SRANDMEMBER, SPOP), full cursor walks (HSCAN/SSCAN on hash tables, whose page boundaries differ
 * from Redis by design), encoding checks, and resynchronising our node after a command whose effect is
 * random (SPOP) so that a random sequence can go on comparing replies exactly.
 */
import { bin, utf8 } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { testClient } from '../../src/engine/testkit.ts';
import type { Differential } from './harness.ts';

export type Cmd = (string | Uint8Array)[];

function text(r: Reply): string {
  if (r.t === 'bulk') return bin(r.b);
  if (r.t === 'int') return String(r.n);
  if (r.t === 'nil') return '(nil)';
  if (r.t === 'error' || r.t === 'simple') return r.s;
  return `<${r.t}>`;
}

function elements(r: Reply): Reply[] {
  return r.t === 'array' || r.t === 'set' ? [...r.a] : [];
}

function record(d: Differential, what: string, ours: string, theirs: string): void {
  d.total++;
  if (ours === theirs) d.matched++;
  else d.mismatches.push(`${what}\n    ours:  ${ours}\n    redis: ${theirs}`);
}

/** OBJECT ENCODING compared on both sides (an ordinary reply check). */
export async function checkEncoding(d: Differential, key: string): Promise<void> {
  await d.check(['OBJECT', 'ENCODING', key]);
}

/** Field -> value of a hash as Redis holds it (the reference for membership checks). */
export async function redisHash(d: Differential, key: string): Promise<Map<string, string>> {
  const r = await d.real.call('HGETALL', key);
  const flat = r.t === 'map' ? r.m.flatMap(([a, b]) => [a, b]) : elements(r);
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) m.set(text(flat[i]!), text(flat[i + 1]!));
  return m;
}

/** Members of a set as Redis holds them. */
export async function redisSet(d: Differential, key: string): Promise<Set<string>> {
  return new Set(elements(await d.real.call('SMEMBERS', key)).map(text));
}

export interface RandomOptions {
  /** Replies are field, value pairs (flat in RESP2). */
  pairs: boolean;
  /** Pairs come as two-element arrays (RESP3). */
  resp3Pairs?: boolean;
  /** Repeats are allowed (negative counts): distinctness is left out of the summary. */
  repeats?: boolean;
}

/**
 * A summary of a random-pick reply that two correct servers share: its length, whether every
 * element is a member (with the right value), whether elements are distinct, and errors verbatim.
 */
export function randomSummary(
  r: Reply,
  members: Map<string, string> | Set<string>,
  opts: RandomOptions,
): string {
  if (r.t === 'error' || r.t === 'nil' || r.t === 'nilarray' || r.t === 'int') return `${r.t}:${text(r)}`;
  if (r.t === 'bulk') return `bulk member=${members.has(bin(r.b))}`;
  const items = elements(r);
  const picks: [string, string | undefined][] = [];
  if (opts.resp3Pairs) {
    for (const p of items) picks.push([text(elements(p)[0]!), text(elements(p)[1]!)]);
  } else if (opts.pairs) {
    for (let i = 0; i + 1 < items.length; i += 2) picks.push([text(items[i]!), text(items[i + 1]!)]);
  } else {
    for (const x of items) picks.push([text(x), undefined]);
  }
  const valid = picks.every(([k, v]) =>
    members instanceof Map ? members.has(k) && (v === undefined || members.get(k) === v) : members.has(k),
  );
  const distinct = new Set(picks.map(([k]) => k)).size === picks.length;
  return `${r.t} len=${items.length} valid=${valid}${opts.repeats ? '' : ` distinct=${distinct}`}`;
}

/** Sends a random-reply command to both and compares summaries against Redis's contents before it. */
export async function checkRandom(
  d: Differential,
  cmd: Cmd,
  members: Map<string, string> | Set<string>,
  opts: RandomOptions = { pairs: false },
): Promise<[Reply | undefined, Reply]> {
  const [ours, theirs] = await d.both(...cmd);
  // A RESP3 set reaches us as a set but comes from Redis as an array in RESP2.
  const shapeOf = (r: Reply): Reply => (d.resp === 2 && r.t === 'set' ? { t: 'array', a: r.a } : r);
  const a = ours === undefined ? '<no reply>' : randomSummary(shapeOf(ours), members, opts);
  const b = randomSummary(shapeOf(theirs), members, opts);
  record(d, cmd.map((x) => (typeof x === 'string' ? x : `<${x.length} bytes>`)).join(' '), a, b);
  return [ours, theirs];
}

/**
 * Walks a whole SCAN-family cursor on both sides and compares the multiset of elements returned (for
 * pair replies, of "field=value" strings). Every walk must also end (cursor 0) within `maxCalls`.
 */
export async function checkFullWalk(
  d: Differential,
  cmd: string,
  key: string,
  options: string[],
  pairs: boolean,
  maxCalls = 10000,
): Promise<void> {
  const walk = async (send: (argv: Cmd) => Promise<Reply | undefined>): Promise<string> => {
    let cursor = '0';
    const got: string[] = [];
    for (let calls = 0; calls < maxCalls; calls++) {
      const r = await send([cmd, key, cursor, ...options]);
      if (r === undefined || r.t !== 'array') return `error ${r ? text(r) : '<no reply>'}`;
      cursor = text(r.a[0]!);
      const items = elements(r.a[1]!).map(text);
      if (pairs) for (let i = 0; i + 1 < items.length; i += 2) got.push(`${items[i]}=${items[i + 1]}`);
      else got.push(...items);
      if (cursor === '0') return got.sort().join('\n');
    }
    return 'walk did not end';
  };
  const own = testClient(d.node);
  own.client.db = d.node.dbs[0]!;
  const ours = await walk(async (argv) => own.call(...argv));
  const theirs = await walk((argv) => d.real.call(...argv.map((x) => (typeof x === 'string' ? utf8(x) : x))));
  record(d, `${cmd} walk ${key} ${options.join(' ')}`, ours, theirs);
}

/**
 * Projection for replies whose order Redis leaves undefined and that hold field/value pairs (HGETALL
 * of a hashtable-encoded hash): the sorted "field=value" list, in either protocol.
 */
export function sortedPairs(r: Reply): unknown {
  if (r.t === 'map') return r.m.map(([a, b]) => `${text(a)}=${text(b)}`).sort();
  if (r.t !== 'array') return text(r);
  const out: string[] = [];
  for (let i = 0; i + 1 < r.a.length; i += 2) out.push(`${text(r.a[i]!)}=${text(r.a[i + 1]!)}`);
  return out.sort();
}

/** HELLO 2 on both sides (the harness only notices switches to RESP3). */
export async function backToResp2(d: Differential): Promise<void> {
  await d.both('HELLO', '2');
  d.resp = 2;
}

/**
 * Starts a batch from a clean slate: flushes pending keyspace events and resets the hit/miss
 * counters on both sides (helper calls made on Redis alone would otherwise show up as differences).
 */
export async function freshBatch(d: Differential, events: { collect(): Promise<unknown> }): Promise<void> {
  await events.collect();
  await d.real.call('CONFIG', 'RESETSTAT');
  d.node.stats.reset();
}

/**
 * Field -> value of a hash as our node holds it, read without touching statistics (random sequences
 * use it so that hit/miss counters stay comparable; the states are compared separately).
 */
export function ourHash(d: Differential, key: string): Map<string, string> {
  const v = d.node.dbs[0]!.dict.get(bin(utf8(key)));
  const m = new Map<string, string>();
  if (v?.type === 'hash') for (const [f, val] of v.fields.entries()) m.set(f, bin(val));
  return m;
}

/** Members of a set as our node holds them, without touching statistics. */
export function ourSet(d: Differential, key: string): Set<string> {
  const v = d.node.dbs[0]!.dict.get(bin(utf8(key)));
  const out = new Set<string>();
  if (v?.type === 'set') {
    if (v.table) for (const m of v.table.keys()) out.add(m);
    if (v.ints) for (const n of v.ints) out.add(n.toString());
  }
  return out;
}

/**
 * Whether `cmd` invalidates a WATCH on `key` (signalModifiedKey), compared on both sides: set up with
 * `setup`, WATCH, run the command, then MULTI/PING/EXEC answers nil exactly when the key was signalled.
 */
export async function checkWatch(d: Differential, key: string, setup: Cmd[], cmd: Cmd): Promise<void> {
  await d.both('FLUSHALL');
  for (const s of setup) await d.both(...s);
  await d.both('WATCH', key);
  await d.check(cmd);
  await d.both('MULTI');
  await d.both('PING');
  await d.check(['EXEC']);
}
