import { describe, expect, it } from 'vitest';
import { Stats } from './stats.ts';

describe('Stats.countError (INFO errorstats codes)', () => {
  it('takes the first word as the code, ERR when it is too long or missing', () => {
    const s = new Stats();
    s.countError('WRONGTYPE Operation against a key holding the wrong kind of value');
    s.countError('ERR syntax error');
    s.countError('NOSPACEINTHISERRORTEXT');
    s.countError(`${'X'.repeat(31)} too long a code`);
    s.countError(`${'Y'.repeat(30)} longest code`);
    expect([...s.errorCodes].sort()).toEqual([
      ['ERR', 3],
      ['WRONGTYPE', 1],
      ['Y'.repeat(30), 1],
    ]);
    expect(s.totalErrorReplies).toBe(5);
  });
});
