import { describe, expect, it } from 'vitest';
import { utf8 } from '../../engine/bytes.ts';
import { SeededRandom } from '../../engine/ds/prng.ts';
import type { Reply } from '../../engine/resp/reply.ts';
import { MAX_OPS_PER_TICK, Pace } from './pace.ts';
import { describeReply, idsOfRead, readAutoclaim } from './replies.ts';
import { expandTemplate } from './template.ts';

const b = (s: string): Reply => ({ t: 'bulk', b: utf8(s) });
const a = (...x: Reply[]): Reply => ({ t: 'array', a: x });

describe('expandTemplate', () => {
  it('fills placeholders and leaves unknown ones', () => {
    const ctx = { seq: 7, bot: 'bot-1', nowMs: 42, random: new SeededRandom(1) };
    expect(expandTemplate('n={seq} by {bot} at {now} {other} {seq:1-2}', ctx)).toBe(
      'n=7 by bot-1 at 42 {other} {seq:1-2}',
    );
    const draws = Array.from({ length: 200 }, () => Number(expandTemplate('{rand:3-5}', ctx)));
    expect(new Set(draws)).toEqual(new Set([3, 4, 5]));
    expect(expandTemplate('{rand:5-3}', ctx)).toBe('{rand:5-3}');
    expect(Number(expandTemplate('{rand}', ctx))).toBeLessThan(1000);
  });
});

describe('Pace', () => {
  it('hands out operations at start + k/N without drift', () => {
    const p = new Pace(1_000_000, 3);
    expect(p.take(1_333_332)).toBe(0);
    expect(p.take(1_333_333)).toBe(1);
    expect(p.take(2_000_000)).toBe(2);
    expect(p.nextWakeUs(2_000_000)).toBe(2_333_333);
  });

  it('batches fast rates and bounds a batch', () => {
    const p = new Pace(0, 10_000);
    expect(p.nextWakeUs(0)).toBe(10_000);
    expect(p.take(10_000)).toBe(100);
    expect(p.take(10_000_000)).toBe(MAX_OPS_PER_TICK);
  });
});

describe('bot replies', () => {
  it('reads entry ids from XREADGROUP (array and map) and XAUTOCLAIM replies', () => {
    const entries = a(a(b('1-0'), a(b('f'), b('v'))), a(b('2-0'), a(b('f'), b('v'))));
    expect(idsOfRead(a(a(b('s'), entries)), 's')).toEqual(['1-0', '2-0']);
    expect(idsOfRead({ t: 'map', m: [[b('s'), entries]] }, 's')).toEqual(['1-0', '2-0']);
    expect(idsOfRead({ t: 'nilarray' }, 's')).toEqual([]);
    expect(readAutoclaim(a(b('0-0'), entries, a()))).toEqual({ cursor: '0-0', ids: ['1-0', '2-0'] });
    expect(readAutoclaim({ t: 'error', s: 'NOGROUP' })).toBeNull();
  });

  it('describes replies on one short line', () => {
    expect(describeReply({ t: 'int', n: 3 })).toBe('(integer) 3');
    expect(describeReply(b('1-0'))).toBe('"1-0"');
    expect(describeReply(a(b('x'), b('y')))).toBe('array(2)');
    expect(describeReply(b('x'.repeat(200))).length).toBe(80);
  });
});
