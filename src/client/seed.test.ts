import { describe, expect, it } from 'vitest';
import { seedFromQuery } from './seed.ts';

describe('seedFromQuery', () => {
  it('reads an unsigned 32-bit decimal seed', () => {
    expect(seedFromQuery('?seed=42')).toBe(42);
    expect(seedFromQuery('?x=1&seed=0')).toBe(0);
    expect(seedFromQuery('?seed=4294967295')).toBe(4294967295);
  });

  it('ignores absent or invalid seeds', () => {
    for (const q of ['', '?seed=', '?seed=-1', '?seed=1.5', '?seed=abc', '?seed=4294967296', '?seed=0x10']) {
      expect(seedFromQuery(q)).toBeUndefined();
    }
  });
});
