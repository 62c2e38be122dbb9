/*
 * Seeded random Pub/Sub sequences: three subscriber connections (one speaking RESP3) send random
 * (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE commands over small pools of channels and patterns, while the main
 * connection publishes and asks PUBSUB. The seed is printed; DIFF_SEED=<n> replays a run (DIFF_STEPS
 * sets its length).
 *
 * Comparisons: (un)subscribe confirmations in order, except the no-argument forms, which Redis answers
 * in its dict's hash order (their channel names are compared as a set, their counts in order); the
 * messages one PUBLISH delivers to a connection as a set (Redis walks its pattern dict in hash order);
 * PUBSUB CHANNELS / SHARDCHANNELS sorted.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { diffSeed, useDifferential, type ClientPair, type Differential } from './harness.ts';
import { replyText } from './redis.ts';
import { resetBoth } from './strings-helpers.ts';

const STEPS = Number(process.env.DIFF_STEPS ?? 600);
const CHANNELS = ['c0', 'c1', 'c2', 'news', 'n', ''];
const PATTERNS = ['c*', 'c[0-1]', '*', 'n?ws', 'news', '[^c]*'];

function oursQueue(p: ClientPair): Reply[] {
  return (p as unknown as { oursReplies: Reply[] }).oursReplies;
}

function text(r: Reply | undefined, resp: 2 | 3): string {
  return replyText(r, resp);
}

function record(d: Differential, what: string, ours: unknown, theirs: unknown): void {
  const a = JSON.stringify(ours);
  const b = JSON.stringify(theirs);
  d.total++;
  if (a === b) d.matched++;
  else d.mismatches.push(`${what}\n    ours:  ${a}\n    redis: ${b}`);
}

/** Our replies so far and as many of Redis's (they arrive asynchronously). */
async function takeReplies(p: ClientPair, resp: 2 | 3): Promise<[string[], string[]]> {
  const ours = oursQueue(p)
    .splice(0)
    .map((r) => text(r, resp));
  const theirs: string[] = [];
  for (let i = 0; i < ours.length; i++) theirs.push(text(await p.real.nextReply(10_000), resp));
  return [ours, theirs];
}

/** A no-argument unsubscribe: names as a set, "kind:count" in order. */
function splitConfirmations(replies: string[]): [string[], string[]] {
  const names: string[] = [];
  const counts: string[] = [];
  for (const r of replies) {
    const parts = r.split('\\r\\n');
    names.push(parts[4] ?? '?');
    counts.push(`${parts[2]}:${parts[parts.length - 2]}`);
  }
  return [names.sort(), counts];
}

class Run {
  constructor(
    readonly d: Differential,
    readonly r: SeededRandom,
    readonly subs: ClientPair[],
    readonly resps: (2 | 3)[],
  ) {}

  pick<T>(xs: readonly T[]): T {
    return xs[this.r.int(xs.length)]!;
  }

  some(pool: readonly string[]): string[] {
    const n = 1 + this.r.int(3);
    return Array.from({ length: n }, () => this.pick(pool));
  }

  async subscriberStep(i: number): Promise<void> {
    const p = this.subs[i]!;
    const kind = this.pick(['', 'P', 'S']);
    const pool = kind === 'P' ? PATTERNS : CHANNELS;
    const unsub = this.r.int(2) === 0;
    const args = unsub && this.r.int(3) === 0 ? [] : this.some(pool);
    const argv = [`${kind}${unsub ? 'UNSUBSCRIBE' : 'SUBSCRIBE'}`, ...args];
    p.send(...argv);
    const [ours, theirs] = await takeReplies(p, this.resps[i]!);
    const what = `client ${i}: ${argv.join(' ')}`;
    if (args.length === 0 && theirs.length > 1) {
      const [on, oc] = splitConfirmations(ours);
      const [tn, tc] = splitConfirmations(theirs);
      record(this.d, what, [on, oc], [tn, tc]);
    } else {
      record(this.d, what, ours, theirs);
    }
  }

  async publishStep(): Promise<void> {
    const shard = this.r.int(4) === 0;
    const argv = [shard ? 'SPUBLISH' : 'PUBLISH', this.pick(CHANNELS), `m${this.r.int(100)}`];
    await this.d.check(argv);
    for (const [i, p] of this.subs.entries()) {
      const [ours, theirs] = await takeReplies(p, this.resps[i]!);
      record(this.d, `client ${i} after ${argv.join(' ')}`, ours.sort(), theirs.sort());
    }
  }

  async introspectionStep(): Promise<void> {
    const argv = this.pick([
      ['PUBSUB', 'NUMPAT'],
      ['PUBSUB', 'NUMSUB', ...this.some(CHANNELS)],
      ['PUBSUB', 'SHARDNUMSUB', ...this.some(CHANNELS)],
      ['PUBSUB', 'CHANNELS'],
      ['PUBSUB', 'CHANNELS', this.pick(PATTERNS)],
      ['PUBSUB', 'SHARDCHANNELS'],
    ]);
    await this.d.check(argv, { unordered: argv[1] === 'CHANNELS' || argv[1] === 'SHARDCHANNELS' });
  }

  async step(): Promise<void> {
    const roll = this.r.int(10);
    if (roll < 5) await this.subscriberStep(this.r.int(this.subs.length));
    else if (roll < 8) await this.publishStep();
    else await this.introspectionStep();
  }
}

describe('differential pubsub random', () => {
  const d = useDifferential('pubsub-random');

  it('random subscribe / publish sequences match Redis', async () => {
    const seed = diffSeed();
    console.log(`[differential] pubsub random sequence seed=${seed} (replay with DIFF_SEED=${seed})`);
    await resetBoth(d);
    const subs = [await d.openPair(), await d.openPair(), await d.openPair()];
    const resps: (2 | 3)[] = [2, 2, 3];
    subs[2]!.send('HELLO', '3');
    await subs[2]!.next(10_000);
    const run = new Run(d, new SeededRandom(seed), subs, resps);
    for (let i = 0; i < STEPS; i++) await run.step();
    for (const p of subs) p.close();
    if (d.mismatches.length > 0) console.log(d.mismatches.slice(0, 10).join('\n'));
    expect(d.mismatches).toEqual([]);
  }, 120_000);
});
