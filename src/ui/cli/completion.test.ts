import { describe, expect, it } from 'vitest';
import { CompletionCycle, completionsFor } from './completion.ts';
import { sampleDocs } from './docs.test-util.ts';
import { buildHelpEntries } from './help.ts';

const entries = buildHelpEntries(sampleDocs);

describe('completion', () => {
  it('completes command names by prefix, case-insensitively', () => {
    expect(completionsFor('ge', entries)).toEqual(['GET', 'GETRANGE']);
    expect(completionsFor('client l', entries)).toEqual(['CLIENT LIST']);
    expect(completionsFor('help @s', entries)).toEqual(['help @string']);
    expect(completionsFor('zz', entries)).toEqual([]);
  });

  it('cycles through candidates and back to the original', () => {
    const c = new CompletionCycle('ge', ['GET', 'GETRANGE']);
    expect(c.shown).toBe('GET');
    expect(c.next()).toBe('GETRANGE');
    expect(c.next()).toBe('ge');
    expect(c.next()).toBe('GET');
  });
});
