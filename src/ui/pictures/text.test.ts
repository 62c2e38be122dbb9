import { describe, expect, it } from 'vitest';
import { clip, displayBytes, formatScore } from './text.ts';

describe('picture text', () => {
  it('shows UTF-8 decoded and other bytes escaped', () => {
    expect(displayBytes('caf\u00c3\u00a9')).toBe('café');
    expect(displayBytes('a\u00ffb')).toBe('a\\xffb');
    expect(displayBytes('x\ny')).toBe('x\\x0ay');
    expect(displayBytes('<b>')).toBe('<b>');
  });
  it('clips and formats scores', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect([formatScore(-Infinity), formatScore(1.5)]).toEqual(['-inf', '1.5']);
  });
});
