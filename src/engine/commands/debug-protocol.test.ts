import { describe, expect, it } from 'vitest';
import { arr, bulkStr, int, push } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';

describe('DEBUG PROTOCOL push', () => {
  it('sends a push and then a normal reply in RESP3, as Redis does', () => {
    const { node } = testNode({ config: { 'enable-debug-command': 'yes' } });
    const c = testClient(node);
    c.call('hello', '3');
    const before = c.replies.length;
    c.call('debug', 'protocol', 'push');
    expect(c.replies.slice(before)).toEqual([
      push([bulkStr('server-cpu-usage'), int(42)]),
      bulkStr('Some real reply following the push reply'),
    ]);
  });

  it('is queued and answered inside EXEC like any command', () => {
    const { node } = testNode({ config: { 'enable-debug-command': 'yes' } });
    const c = testClient(node);
    c.call('hello', '3');
    c.call('multi');
    c.call('debug', 'protocol', 'string');
    expect(c.call('exec')).toEqual(arr([bulkStr('Hello World')]));
  });
});
