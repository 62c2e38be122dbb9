import { describe, expect, it } from 'vitest';
import { err, OK } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';

describe('FUNCTION FLUSH (partial FUNCTION container)', () => {
  it('answers OK with no option, SYNC or ASYNC, and counts one change each time', () => {
    const { node } = testNode();
    const c = testClient(node);
    const before = node.dirty;
    expect(c.call('function', 'flush')).toEqual(OK);
    expect(c.call('FUNCTION', 'FLUSH', 'sync')).toEqual(OK);
    expect(c.call('function', 'flush', 'ASYNC')).toEqual(OK);
    expect(node.dirty).toBe(before + 3);
  });

  it("refuses other options with Redis's texts", () => {
    const { node } = testNode();
    const c = testClient(node);
    expect(c.call('function', 'flush', 'now')).toEqual(
      err('ERR FUNCTION FLUSH only supports SYNC|ASYNC option'),
    );
    expect(c.call('function', 'flush', 'sync', 'async')).toEqual(
      err("ERR unknown subcommand or wrong number of arguments for 'flush'. Try FUNCTION HELP."),
    );
  });
});
