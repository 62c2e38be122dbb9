import { describe, expect, it } from 'vitest';
import { arr, err, int, type Reply } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';
import { RANDOM_PICKS_ERR, RANDOM_PICKS_MAX } from './random-count.ts';

function setup() {
  const { node } = testNode();
  const t = testClient(node);
  t.call('SADD', 's', 'a', 'b', 'c');
  t.call('HSET', 'h', 'a', '1', 'b', '2');
  t.call('ZADD', 'z', '1', 'a', '2', 'b');
  return t;
}

function length(r: Reply | undefined): number {
  expect(r?.t).toBe('array');
  return (r as { a: readonly Reply[] }).a.length;
}

describe('random picks with a huge negative count', () => {
  it('are refused instead of looping (Redis would stream them forever)', () => {
    const t = setup();
    for (const cmd of [
      ['SRANDMEMBER', 's', '-9223372036854775807'],
      ['HRANDFIELD', 'h', '-9223372036854775807'],
      ['HRANDFIELD', 'h', '-4611686018427387903', 'WITHVALUES'],
      ['ZRANDMEMBER', 'z', '-9223372036854775807'],
      ['ZRANDMEMBER', 'z', '-4611686018427387903', 'WITHSCORES'],
      ['SRANDMEMBER', 's', String(-RANDOM_PICKS_MAX - 1)],
    ]) {
      expect(t.call(...cmd)).toEqual(err(RANDOM_PICKS_ERR));
    }
  });

  it('keep Redis range errors first and answer missing keys as Redis does', () => {
    const t = setup();
    const range =
      'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807';
    expect(t.call('SRANDMEMBER', 's', '-9223372036854775808')).toEqual(err(range));
    expect(t.call('HRANDFIELD', 'h', '-9223372036854770000', 'WITHVALUES')).toEqual(
      err('ERR value is out of range'),
    );
    expect(t.call('SRANDMEMBER', 'nokey', '-9223372036854775807')).toEqual(arr([]));
    expect(t.call('ZRANDMEMBER', 'nokey', '-9223372036854775807')).toEqual(arr([]));
    expect(t.call('HRANDFIELD', 'nokey', '-9223372036854775807')).toEqual(arr([]));
  });

  it('still answers counts up to the bound, and any positive count', () => {
    const t = setup();
    expect(length(t.call('SRANDMEMBER', 's', String(-RANDOM_PICKS_MAX)))).toBe(RANDOM_PICKS_MAX);
    expect(length(t.call('HRANDFIELD', 'h', '-1000', 'WITHVALUES'))).toBe(2000);
    expect(length(t.call('ZRANDMEMBER', 'z', '9223372036854775807'))).toBe(2);
    expect(length(t.call('SRANDMEMBER', 's', '9223372036854775807'))).toBe(3);
    expect(t.call('SCARD', 's')).toEqual(int(3));
    expect(length(t.call('HRANDFIELD', 'h', '1'))).toBe(1);
  });
});
