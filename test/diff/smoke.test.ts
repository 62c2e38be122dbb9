import { describe, expect, it } from 'vitest';
import { useDifferential } from './harness.ts';

describe('differential smoke', () => {
  const d = useDifferential('smoke');

  it('matches basic replies and errors', async () => {
    await d.check(['FLUSHALL']).catch(() => undefined);
    await d.checkAll([
      ['PING'],
      ['PING', 'hello world'],
      ['ECHO', 'x'],
      ['SET', 'k', 'v'],
      ['GET', 'k'],
      ['GET', 'missing'],
      ['NOSUCHCMD', 'a', 'b'],
      ['GET'],
      ['SELECT', '99'],
      ['SELECT', 'x'],
    ]);
    expect(d.mismatches.filter((m) => !m.startsWith('FLUSHALL'))).toEqual([]);
  });
});
