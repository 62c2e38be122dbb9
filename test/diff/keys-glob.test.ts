/*
 * Glob fuzzing against redis-server 7.0: random keys and random patterns over a small alphabet rich in
 * glob syntax (stars, ?, brackets, carets, dashes, backslashes, a high byte), compared through KEYS
 * (sorted) and SCAN MATCH walks. DIFF_SEED=<n> replays a run.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { diffSeed, useDifferential } from './harness.ts';
import { checkScanUnion } from './keys-helpers.ts';

const KEY_ALPHABET = ['a', 'b', 'A', '-', ']', '\\', '\xe9'];
const PATTERN_ALPHABET = ['a', 'b', 'A', '*', '*', '?', '[', ']', '^', '-', '\\', '\xe9'];

function bytes(s: string): Uint8Array {
  return Uint8Array.from([...s].map((ch) => ch.charCodeAt(0)));
}

function word(r: SeededRandom, alphabet: string[], maxLen: number): string {
  let s = '';
  const n = r.int(maxLen + 1);
  for (let i = 0; i < n; i++) s += alphabet[r.int(alphabet.length)];
  return s;
}

describe('glob matching differential', () => {
  const d = useDifferential('keys-glob');

  it('KEYS and SCAN MATCH agree with Redis on random patterns', async () => {
    const seed = diffSeed();
    console.log(`[differential] keys-glob seed=${seed} (replay with DIFF_SEED=${seed})`);
    const r = new SeededRandom(seed);
    await d.both('FLUSHALL');
    for (let i = 0; i < 60; i++) await d.both('SET', bytes(word(r, KEY_ALPHABET, 5)), '1');
    for (let i = 0; i < 400; i++) {
      const pattern = bytes(word(r, PATTERN_ALPHABET, 7));
      await d.check(['KEYS', pattern], { unordered: true });
      if (i % 20 === 0) await checkScanUnion(d, d.real, ['MATCH', pattern, 'COUNT', '7']);
    }
    expect(d.mismatches.slice(0, 10)).toEqual([]);
  });
});
