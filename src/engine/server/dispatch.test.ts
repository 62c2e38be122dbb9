import { describe, expect, it } from 'vitest';
import { testClient, testNode } from '../testkit.ts';
import { bin } from '../bytes.ts';

describe('dispatcher', () => {
  const { node } = testNode();
  const c = testClient(node);

  it('answers unknown commands with the argument preview', () => {
    expect(c.call('foo', 'a', 'b c')).toEqual({
      t: 'error',
      s: "ERR unknown command 'foo', with args beginning with: 'a' 'b c' ",
    });
  });

  it('checks arity', () => {
    expect(c.call('get')).toEqual({ t: 'error', s: "ERR wrong number of arguments for 'get' command" });
  });

  it('runs commands', () => {
    expect(c.call('set', 'k', 'v')).toEqual({ t: 'simple', s: 'OK' });
    const r = c.call('get', 'k');
    expect(r?.t === 'bulk' && bin(r.b)).toBe('v');
  });

  it('closes after QUIT', () => {
    const q = testClient(node);
    expect(q.call('quit')).toEqual({ t: 'simple', s: 'OK' });
    expect(q.closed).toBe(true);
  });
});
