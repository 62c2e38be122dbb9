import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../ds/prng.ts';
import { testNode } from '../testkit.ts';
import { allCommands, CATEGORY_NAMES } from './categories.ts';
import { describeCommandRules } from './describe.ts';
import { Selector } from './selector.ts';

describe('describeCommandRules', () => {
  const { node } = testNode();
  const registry = node.commands;

  function selectorFrom(rules: readonly string[]): Selector {
    const s = new Selector(true, false);
    for (const r of rules) expect(s.apply(registry, r)).toBeNull();
    return s;
  }

  it('prefers the categories that fit best', () => {
    expect(describeCommandRules(registry, selectorFrom(['+@all', '-@dangerous']))).toBe('+@all -@dangerous');
    expect(describeCommandRules(registry, selectorFrom(['-@all', '+@read', '+@write']))).toBe(
      '-@all +@write +@read',
    );
    expect(describeCommandRules(registry, selectorFrom(['+config|get']))).toBe('-@all +config|get');
    expect(describeCommandRules(registry, selectorFrom(['+@all', '-config', '+config|get']))).toBe(
      '+@all -config +config|get',
    );
    expect(describeCommandRules(registry, selectorFrom(['-@all', '+select|0']))).toBe('-@all +select|0');
  });

  it('always describes rules that rebuild the same permissions (seeded random rule sets)', () => {
    const random = new SeededRandom(42);
    const cmds = allCommands(registry).map((c) => c.fullName);
    const pick = <T>(xs: readonly T[]): T => xs[random.int(xs.length)]!;
    for (let round = 0; round < 200; round++) {
      const rules: string[] = [random.int(2) ? '+@all' : '-@all'];
      const n = 1 + random.int(8);
      for (let i = 0; i < n; i++) {
        const sign = random.int(2) ? '+' : '-';
        rules.push(random.int(2) ? `${sign}@${pick(CATEGORY_NAMES)}` : `${sign}${pick(cmds)}`);
      }
      const original = selectorFrom(rules);
      const text = describeCommandRules(registry, original);
      const rebuilt = selectorFrom(text.split(' '));
      expect([...rebuilt.allowed].map((c) => c.fullName).sort(), rules.join(' ')).toEqual(
        [...original.allowed].map((c) => c.fullName).sort(),
      );
      expect(rebuilt.future).toBe(original.future);
    }
  });
});
