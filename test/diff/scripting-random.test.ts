/*
 * Seeded random scripts against a real redis-server: each script runs a few redis.call/redis.pcall
 * commands on a small key space (strings, counters, lists, hashes, sorted sets) with arguments that are
 * Lua strings or numbers (numbers travel as "%.17g"), keeps their results in locals, and returns a
 * random mix of those results and literals (nested tables, floats, booleans, nil, status and error
 * tables), sometimes raising an error instead. Both servers must answer byte for byte; the seed is
 * printed so a failure can be replayed (SCRIPT_SEED=n).
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { useDifferential } from './harness.ts';

const SEED = Number(process.env.SCRIPT_SEED ?? 20261126);
const SCRIPTS = 300;

class ScriptGen {
  constructor(private readonly r: SeededRandom) {}

  pick<T>(items: readonly T[]): T {
    return items[this.r.int(items.length)]!;
  }

  number(): string {
    return this.pick([
      () => String(this.r.int(100)),
      () => String(-this.r.int(1000)),
      () => `${this.r.int(1000)}.${this.r.int(1000)}`,
      () => `-${this.r.int(10)}.5`,
      () => '0.1',
      () => '1e15',
      () => '2^53',
      () => '1/3',
      () => '3000000 * 1000',
    ])();
  }

  text(): string {
    return `'${this.pick(['a', 'b', 'hello', '', '12', '3.5', 'x y', 'nan', '-7'])}'`;
  }

  key(): string {
    return `'${this.pick(['s', 'n', 'l', 'h', 'z', 'missing'])}${this.r.int(3)}'`;
  }

  arg(): string {
    return this.r.int(2) === 0 ? this.number() : this.text();
  }

  command(): string {
    const k = this.key();
    const forms = [
      () => `'set', ${k}, ${this.arg()}`,
      () => `'get', ${k}`,
      () => `'incr', ${k}`,
      () => `'incrby', ${k}, ${this.arg()}`,
      () => `'incrbyfloat', ${k}, ${this.arg()}`,
      () => `'append', ${k}, ${this.arg()}`,
      () => `'strlen', ${k}`,
      () => `'rpush', ${k}, ${this.arg()}, ${this.arg()}`,
      () => `'lrange', ${k}, 0, -1`,
      () => `'lpop', ${k}`,
      () => `'hset', ${k}, ${this.text()}, ${this.arg()}`,
      () => `'hget', ${k}, ${this.text()}`,
      () => `'hincrbyfloat', ${k}, 'f', ${this.arg()}`,
      () => `'zadd', ${k}, ${this.arg()}, ${this.text()}`,
      () => `'zrange', ${k}, 0, -1, 'withscores'`,
      () => `'zscore', ${k}, ${this.text()}`,
      () => `'zincrby', ${k}, ${this.arg()}, 'm'`,
      () => `'exists', ${k}, ${this.key()}`,
      () => `'type', ${k}`,
      () => `'del', ${k}`,
      () => `'getrange', ${k}, ${this.number()}, ${this.number()}`,
      () => `'nosuchcommand'`,
      () => `'get'`,
    ];
    return this.pick(forms)();
  }

  value(depth: number, locals: number): string {
    const leaves = [
      () => this.number(),
      () => this.text(),
      () => this.pick(['true', 'false', 'nil']),
      () => (locals > 0 ? `v${this.r.int(locals)}` : '1'),
      () => `{ok = ${this.text()}}`,
      () => `{err = ${this.text()}}`,
      () => `redis.status_reply(${this.text()})`,
      () => `redis.error_reply(${this.text()})`,
      () => `tostring(${this.number()})`,
      () => `type(${locals > 0 ? `v${this.r.int(locals)}` : 'nil'})`,
    ];
    if (depth <= 0 || this.r.int(3) !== 0) return this.pick(leaves)();
    const n = this.r.int(4);
    const items = Array.from({ length: n }, () => this.value(depth - 1, locals));
    return `{${items.join(', ')}}`;
  }

  script(): string {
    const lines: string[] = [];
    const n = this.r.int(4);
    for (let i = 0; i < n; i++) {
      const fn = this.r.int(3) === 0 ? 'redis.call' : 'redis.pcall';
      lines.push(`local v${i} = ${fn}(${this.command()})`);
    }
    // error() with a table lacking `err` crashes redis-server 7.0.15 itself: only strings, numbers, {err=}.
    if (this.r.int(10) === 0)
      lines.push(`error(${this.pick([this.text(), this.number(), `{err = ${this.text()}}`])})`);
    else lines.push(`return ${this.value(2, n)}`);
    return lines.join('\n');
  }
}

describe('random scripts differential', () => {
  const d = useDifferential('scripting-random');

  it(`answers ${SCRIPTS} seeded scripts as redis-server does`, async () => {
    const gen = new ScriptGen(new SeededRandom(SEED));
    await d.both('FLUSHALL');
    for (let i = 0; i < SCRIPTS; i++) await d.check(['EVAL', gen.script(), '0']);
    console.log(d.report('scripting-random', SEED));
    expect(d.mismatches).toEqual([]);
  }, 120_000);
});
