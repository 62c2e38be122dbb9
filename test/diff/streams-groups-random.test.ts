/*
 * Seeded random sequences of stream and consumer-group commands over two stream keys and a string
 * (WRONGTYPE paths), compared with a real redis-server reply by reply. IDs are explicit (XADD '*'
 * would differ between the servers) and jump by amounts that reshape the radix tree of nodes
 * (stream-node-max-entries is set small and changes), so XINFO STREAM's radix-tree figures, the lag
 * rules and the PEL bookkeeping meet many layouts. Min-idle times are 0 or far beyond any idle time,
 * and replies carrying times go through the projections of streams-groups-helpers.ts. The seed is
 * printed; DIFF_SEED=<n> replays a run.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { diffSeed, useDifferential } from './harness.ts';
import { pendingRows, timeless } from './streams-groups-helpers.ts';
import { resetBoth } from './strings-helpers.ts';

const STEPS = Number(process.env.DIFF_STEPS ?? 1500);
const JUMPS = [0, 0, 0, 1, 1, 2, 255, 256, 65536, 16777216, 4294967296];

class Gen {
  private readonly lastMs = new Map<string, number>();
  private readonly lastSeq = new Map<string, number>();
  readonly added = new Map<string, string[]>();

  constructor(readonly r: SeededRandom) {}
  pick<T>(xs: readonly T[]): T {
    return xs[this.r.int(xs.length)]!;
  }
  key(): string {
    return this.r.int(10) === 0 ? 'str' : this.pick(['s0', 's1']);
  }
  group(): string {
    return this.pick(['g0', 'g1', 'g2']);
  }
  consumer(): string {
    return this.pick(['alice', 'bob', 'carol', 'dave']);
  }
  /** The next ID of a key: the same ms with the next sequence, or a jump forward. */
  nextId(k: string): string {
    const jump = this.pick(JUMPS);
    const ms = (this.lastMs.get(k) ?? 1) + jump;
    const seq = jump === 0 ? (this.lastSeq.get(k) ?? 0) + 1 : this.r.int(3);
    this.lastMs.set(k, ms);
    this.lastSeq.set(k, seq);
    const id = `${ms}-${seq}`;
    const list = this.added.get(k) ?? [];
    list.push(id);
    if (list.length > 60) list.shift();
    this.added.set(k, list);
    return id;
  }
  forget(k: string): void {
    this.added.delete(k);
  }
  /** An ID seen on this key, or a made-up one. */
  someId(k: string): string {
    const ids = this.added.get(k) ?? [];
    if (ids.length === 0 || this.r.int(8) === 0)
      return this.pick(['0', '0-1', '1-0', '99999999999999', 'bad']);
    return this.pick(ids);
  }
  ids(k: string): string[] {
    return Array.from({ length: 1 + this.r.int(4) }, () => this.someId(k));
  }
  count(): string[] {
    return this.pick([[], ['COUNT', String(1 + this.r.int(5))], ['COUNT', '0']]);
  }
  startId(k: string): string {
    return this.pick(['0', '-', '0-0', `(${this.someId(k)}`, this.someId(k), '$']);
  }
}

type Check = (cmd: string[]) => Promise<unknown>;

function groupCommand(g: Gen, k: string): string[] {
  const grp = g.group();
  return g.pick<() => string[]>([
    () => ['XGROUP', 'CREATE', k, grp, g.pick(['0', '$', g.someId(k)]), ...g.pick([[], ['MKSTREAM']])],
    () => ['XGROUP', 'CREATE', k, grp, '0', 'ENTRIESREAD', g.pick(['0', '2', '-1', '9'])],
    () => ['XGROUP', 'SETID', k, grp, g.pick(['0', '$', '-', g.someId(k)])],
    () => ['XGROUP', 'SETID', k, grp, g.someId(k), 'ENTRIESREAD', g.pick(['1', '3', '-1'])],
    () => ['XGROUP', 'DESTROY', k, grp],
    () => ['XGROUP', 'CREATECONSUMER', k, grp, g.consumer()],
    () => ['XGROUP', 'DELCONSUMER', k, grp, g.consumer()],
  ])();
}

function consumeCommand(g: Gen, k: string): string[] {
  const grp = g.group();
  const who = g.consumer();
  return g.pick<() => string[]>([
    () => ['XREADGROUP', 'GROUP', grp, who, ...g.count(), 'STREAMS', k, '>'],
    () => ['XREADGROUP', 'GROUP', grp, who, ...g.count(), 'NOACK', 'STREAMS', k, '>'],
    () => ['XREADGROUP', 'GROUP', grp, who, ...g.count(), 'STREAMS', k, g.pick(['0', g.someId(k)])],
    () => ['XREADGROUP', 'GROUP', grp, who, 'STREAMS', 's0', 's1', '>', g.pick(['>', '0'])],
    () => ['XACK', k, grp, ...g.ids(k)],
    () => [
      'XCLAIM',
      k,
      grp,
      who,
      '0',
      ...g.ids(k),
      ...g.pick([[], ['JUSTID'], ['FORCE'], ['RETRYCOUNT', '3']]),
    ],
    () => ['XCLAIM', k, grp, who, '0', g.someId(k), 'LASTID', g.someId(k), 'JUSTID'],
    () => ['XCLAIM', k, grp, who, '999999999', ...g.ids(k)],
    () => [
      'XAUTOCLAIM',
      k,
      grp,
      who,
      '0',
      g.startId(k),
      ...g.count().filter((x) => x !== '0'),
      ...g.pick([[], ['JUSTID']]),
    ],
  ])();
}

function streamCommand(g: Gen, k: string): string[] {
  return g.pick<() => string[]>([
    () => ['XADD', k, g.nextId(k), 'f', String(g.r.int(100)), ...g.pick([[], ['g', 'x']])],
    () => ['XADD', k, g.nextId(k), 'f', 'v'],
    () => ['XDEL', k, ...g.ids(k)],
    () => ['XTRIM', k, 'MAXLEN', String(g.r.int(30))],
    () => ['XTRIM', k, 'MINID', g.someId(k)],
    () => ['XLEN', k],
  ])();
}

/** A read-only inspection; replies carrying times go through a projection. */
async function inspect(g: Gen, k: string, check: Check, timed: Check, rows: Check): Promise<void> {
  const grp = g.group();
  await g.pick<() => Promise<unknown>>([
    () => check(['XPENDING', k, grp]),
    () => rows(['XPENDING', k, grp, ...g.pick([[], ['IDLE', '0'], ['IDLE', '99999999']]), '-', '+', '20']),
    () => rows(['XPENDING', k, grp, g.startId(k), '+', '5', g.consumer()]),
    () => check(['XINFO', 'GROUPS', k]),
    () => check(['XINFO', 'STREAM', k]),
    () => timed(['XINFO', 'STREAM', k, 'FULL', ...g.pick([[], ['COUNT', '3']])]),
    () => timed(['XINFO', 'CONSUMERS', k, grp]),
  ])();
}

describe('differential stream groups: random sequences', () => {
  const d = useDifferential('streams-groups-random');
  it('matches Redis reply by reply', async () => {
    const seed = diffSeed();
    console.log(`[streams-groups-random] seed=${seed}`);
    const g = new Gen(new SeededRandom(seed));
    const check: Check = (cmd) => d.check(cmd);
    const timed: Check = (cmd) => d.check(cmd, { project: (r) => timeless(r, d.resp) });
    const rows: Check = (cmd) => d.check(cmd, { project: (r) => pendingRows(r, d.resp) });
    await resetBoth(d);
    await check(['SET', 'str', 'v']);
    for (let step = 0; step < STEPS; step++) {
      const k = g.key();
      const roll = g.r.int(100);
      if (roll < 2) {
        await check(['CONFIG', 'SET', 'stream-node-max-entries', g.pick(['2', '3', '5', '100'])]);
      } else if (roll < 3 && k !== 'str') {
        await check(['DEL', k]);
        g.forget(k);
      } else if (roll < 5) {
        await check(['MULTI']);
        await check(consumeCommand(g, k));
        await check(['XREADGROUP', 'GROUP', g.group(), g.consumer(), 'BLOCK', '0', 'STREAMS', k, '>']);
        await check(['EXEC']);
      } else if (roll < 30) {
        await check(streamCommand(g, k));
      } else if (roll < 42) {
        await check(groupCommand(g, k));
      } else if (roll < 80) {
        await check(consumeCommand(g, k));
      } else {
        await inspect(g, k, check, timed, rows);
      }
    }
    await check(['CONFIG', 'SET', 'stream-node-max-entries', '100']);
    if (d.mismatches.length > 0) console.log(`seed=${seed}\n${d.mismatches.slice(0, 10).join('\n')}`);
    expect(d.mismatches).toEqual([]);
  });
});
