/*
 * Helpers for the string differential tests. They compare what replies alone don't show, without
 * depending on other families being present in our node: the encoding Redis reports through OBJECT
 * ENCODING (ours read from the stored value), remaining TTLs (PTTL within a tolerance), keyspace
 * hit/miss counters, and the keyspace events each command fires (Redis's, received on a second
 * connection subscribed to __keyevent@*__:*; ours recorded by wrapping node.notify).
 */
import { bin, type Bytes, utf8 } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import type { RValue } from '../../src/engine/server/object.ts';
import type { Differential } from './harness.ts';
import { RespConnection } from './redis.ts';

/** Empties both servers (our keyspace directly: FLUSHALL may belong to a family not loaded here). */
export async function resetBoth(d: Differential): Promise<void> {
  await d.real.call('FLUSHALL');
  await d.real.call('CONFIG', 'RESETSTAT');
  for (const db of d.node.dbs) db.clear();
  d.node.stats.reset();
}

function text(r: Reply): string {
  if (r.t === 'bulk') return bin(r.b);
  if (r.t === 'int') return String(r.n);
  if (r.t === 'nil') return '(nil)';
  return `${r.t}:${'s' in r ? r.s : ''}`;
}

/** OBJECT ENCODING on Redis versus our stored encoding; records a check. */
export async function checkEncoding(d: Differential, key: string): Promise<void> {
  const theirs = text(await d.real.call('OBJECT', 'ENCODING', key));
  const v = d.node.dbs[0]!.peek(bin(utf8(key)));
  const ours = v === undefined ? '(nil)' : v.type === 'string' ? v.enc : v.type;
  record(d, `OBJECT ENCODING ${key}`, ours, theirs);
}

/** PTTL on Redis versus our deadline, equal within `toleranceMs`. */
export async function checkTtl(d: Differential, key: string, toleranceMs = 300): Promise<void> {
  const r = await d.real.call('PTTL', key);
  const theirs = r.t === 'int' ? Number(r.n) : NaN;
  const k = bin(utf8(key));
  const db = d.node.dbs[0]!;
  const when = db.peek(k) === undefined ? undefined : db.getExpire(k);
  const ours = db.peek(k) === undefined ? -2 : when === undefined ? -1 : when - d.node.nowMs();
  const close = theirs < 0 || ours < 0 ? theirs === ours : Math.abs(theirs - ours) <= toleranceMs;
  record(d, `PTTL ${key}`, close ? String(theirs) : String(ours), String(theirs));
}

/** keyspace_hits / keyspace_misses since the last reset. */
export async function checkHitsMisses(d: Differential): Promise<void> {
  const info = text(await d.real.call('INFO', 'stats'));
  const field = (name: string): string => new RegExp(`(?:^|\n)${name}:(\\d+)`).exec(info)?.[1] ?? '?';
  const theirs = `hits=${field('keyspace_hits')} misses=${field('keyspace_misses')}`;
  const ours = `hits=${d.node.stats.keyspaceHits} misses=${d.node.stats.keyspaceMisses}`;
  record(d, 'INFO stats keyspace', ours, theirs);
}

/** Redis's dirty counter (INFO rdb_changes_since_last_save) and ours. */
export async function dirtyCounters(d: Differential): Promise<[number, number]> {
  const info = text(await d.real.call('INFO', 'persistence'));
  const theirs = Number(/rdb_changes_since_last_save:(\d+)/.exec(info)?.[1] ?? NaN);
  return [d.node.dirty, theirs];
}

/** Compares how much both dirty counters moved since `before` (from dirtyCounters). */
export async function checkDirty(d: Differential, before: [number, number], label: string): Promise<void> {
  const after = await dirtyCounters(d);
  record(d, `dirty delta of ${label}`, String(after[0] - before[0]), String(after[1] - before[1]));
}

function record(d: Differential, what: string, ours: string, theirs: string): void {
  d.total++;
  if (ours === theirs) d.matched++;
  else d.mismatches.push(`${what}\n    ours:  ${ours}\n    redis: ${theirs}`);
}

/** Records keyspace events on both sides between start() and collect(). */
export class EventRecorder {
  private sub!: RespConnection;
  private ours: string[] = [];

  constructor(private readonly d: Differential) {}

  async start(): Promise<void> {
    await this.d.real.call('CONFIG', 'SET', 'notify-keyspace-events', 'KEAm');
    this.sub = await RespConnection.open(this.d.real.socket.remotePort!);
    await this.sub.call('PSUBSCRIBE', '__keyevent@*__:*');
    const node = this.d.node;
    const original = node.notify.bind(node);
    node.notify = (cls, event, key, db) => {
      this.ours.push(`${db.id} ${event} ${key}`);
      original(cls, event, key, db);
    };
  }

  stop(): void {
    this.sub?.close();
  }

  /** Ends a batch: fires a marker event on both, then returns [ours, theirs] since the last collect. */
  async collect(): Promise<[string[], string[]]> {
    await this.d.both('SET', '__marker__', 'x');
    const theirs: string[] = [];
    for (;;) {
      const r = await this.sub.nextReply(2000);
      if (r === undefined || (r.t !== 'array' && r.t !== 'push')) break;
      const [, , channel, key] = r.a.map((x) => (x.t === 'bulk' ? bin(x.b) : ''));
      const m = /^__keyevent@(\d+)__:(.*)$/.exec(channel ?? '');
      if (!m) continue;
      if (key === '__marker__') break;
      theirs.push(`${m[1]} ${m[2]} ${key}`);
    }
    const ours = this.ours.filter((e) => !e.endsWith(' __marker__'));
    this.ours = [];
    return [ours, theirs];
  }

  /** Compares the events of a batch and records the outcome as one check. */
  async check(label: string): Promise<void> {
    const [ours, theirs] = await this.collect();
    record(this.d, `events of ${label}`, ours.join(', '), theirs.join(', '));
  }
}

/**
 * A non-string key on both sides (for WRONGTYPE paths): a list in Redis, and in our node a stand-in
 * value of another type, since the list family may not be loaded here.
 */
export async function makeNonString(d: Differential, key: string): Promise<void> {
  await d.real.call('DEL', key);
  await d.real.call('RPUSH', key, 'x');
  const stub = { type: 'list', enc: 'listpack', lru: 0, lfu: 5 } as unknown as RValue;
  d.node.dbs[0]!.set(bin(utf8(key)), stub);
}

export type Cmd = (string | Uint8Array)[];

/**
 * Runs commands on both servers, then compares the dirty-counter movement, the keyspace events and
 * the hit/miss counters of the batch.
 */
export async function batchCheck(
  d: Differential,
  events: EventRecorder,
  label: string,
  cmds: Cmd[],
): Promise<void> {
  const dirtyBefore = await dirtyCounters(d);
  await d.checkAll(cmds);
  await checkDirty(d, dirtyBefore, label);
  await events.check(label);
  await checkHitsMisses(d);
}

export function bytesArg(...codes: number[]): Bytes {
  return Uint8Array.from(codes);
}
