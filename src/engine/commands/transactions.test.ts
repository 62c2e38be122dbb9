import { describe, expect, it } from 'vitest';
import { testClient, testNode } from '../testkit.ts';
import { arr, bulkStr, err, NIL_ARRAY, OK, QUEUED, simple } from '../resp/reply.ts';

describe('MULTI / EXEC / DISCARD', () => {
  it('queues and runs commands, answering all replies', () => {
    const { node } = testNode();
    const c = testClient(node);
    expect(c.call('multi')).toEqual(OK);
    expect(c.call('set', 'k', 'v')).toEqual(QUEUED);
    expect(c.call('get', 'k')).toEqual(QUEUED);
    expect(c.call('exec')).toEqual(arr([OK, bulkStr('v')]));
  });

  it('refuses nesting and EXEC/DISCARD without MULTI', () => {
    const { node } = testNode();
    const c = testClient(node);
    expect(c.call('exec')).toEqual(err('ERR EXEC without MULTI'));
    expect(c.call('discard')).toEqual(err('ERR DISCARD without MULTI'));
    c.call('multi');
    expect(c.call('multi')).toEqual(err('ERR MULTI calls can not be nested'));
    expect(c.call('discard')).toEqual(OK);
  });

  it('aborts with EXECABORT after a queueing error', () => {
    const { node } = testNode();
    const c = testClient(node);
    c.call('multi');
    expect(c.call('get')).toEqual(err("ERR wrong number of arguments for 'get' command"));
    expect(c.call('exec')).toEqual(err('EXECABORT Transaction discarded because of previous errors.'));
    expect(c.client.multi).toBeNull();
  });
});

describe('WATCH', () => {
  it('fails EXEC when another client changes a watched key', () => {
    const { node } = testNode();
    const a = testClient(node);
    const b = testClient(node);
    a.call('watch', 'k');
    b.call('set', 'k', '1');
    a.call('multi');
    a.call('set', 'k', '2');
    expect(a.call('exec')).toEqual(NIL_ARRAY);
    expect(a.client.watched).toEqual([]);
  });

  it('lets EXEC run when the key is untouched or UNWATCHed', () => {
    const { node } = testNode();
    const a = testClient(node);
    a.call('watch', 'k');
    a.call('multi');
    a.call('set', 'k', '2');
    expect(a.call('exec')).toEqual(arr([OK]));
    a.call('watch', 'k');
    a.call('set', 'k', '3');
    a.call('unwatch');
    a.call('multi');
    expect(a.call('exec')).toEqual(arr([]));
  });

  it('fails EXEC when a watched key expires meanwhile', () => {
    const { node, clock } = testNode();
    const a = testClient(node);
    a.call('set', 'k', 'v');
    node.dbs[0]!.setExpire('k', clock.nowMs() + 1000);
    a.call('watch', 'k');
    clock.advance(2000);
    a.call('multi');
    expect(a.call('exec')).toEqual(NIL_ARRAY);
  });

  it('is refused inside MULTI', () => {
    const { node } = testNode();
    const a = testClient(node);
    a.call('multi');
    expect(a.call('watch', 'x')).toEqual(err('ERR WATCH inside MULTI is not allowed'));
    expect(a.call('exec')).toEqual(arr([]));
    expect(simple('OK')).toEqual(OK);
  });
});
