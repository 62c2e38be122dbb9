import { describe, expect, it } from 'vitest';
import { err, simple, type Reply } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';
import { BUSY_EVAL, type SuspendedScript } from './busy-script.ts';

/** A stand-in script: ends after `slices` resumes, replying +DONE to its caller. */
function fakeScript(
  node: ReturnType<typeof testNode>['node'],
  caller: ReturnType<typeof testClient>,
  slices: number,
) {
  let left = slices;
  const s: SuspendedScript & { resumed: number } = {
    caller: caller.client,
    isEval: true,
    startMs: node.clock.nowMs(),
    resumed: 0,
    resume() {
      s.resumed++;
      if (--left > 0) return false;
      node.reply(caller.client, simple('DONE'));
      return true;
    },
  };
  return s;
}

function last(t: { replies: Reply[] }): Reply | undefined {
  return t.replies[t.replies.length - 1];
}

describe('busy scripts', () => {
  it('holds commands until the script ends, then runs them in order', () => {
    const { node } = testNode();
    const a = testClient(node);
    const b = testClient(node);
    let pending = 0;
    node.busy.onPending = () => pending++;
    node.busy.suspend(fakeScript(node, a, 2));
    expect(pending).toBe(1);
    expect(b.call('SET', 'k', '1')).toBeUndefined();
    expect(a.call('GET', 'k')).toBeUndefined();
    expect(b.call('GET', 'k')).toBeUndefined();
    node.busy.continue();
    expect(node.busy.active).toBe(true);
    node.busy.continue();
    expect(node.busy.active).toBe(false);
    expect(a.replies).toEqual([simple('DONE'), { t: 'bulk', b: new TextEncoder().encode('1') }]);
    expect(b.replies).toEqual([simple('OK'), { t: 'bulk', b: new TextEncoder().encode('1') }]);
  });

  it('answers BUSY past busy-reply-threshold, except allow-busy commands; the caller stays held', () => {
    const { node, clock } = testNode();
    const a = testClient(node);
    const b = testClient(node);
    node.busy.suspend(fakeScript(node, a, 3));
    expect(b.call('PING')).toBeUndefined();
    clock.advance(5000);
    node.busy.continue();
    expect(node.busy.timedOut).toBe(true);
    expect(b.replies).toEqual([err(BUSY_EVAL)]);
    expect(b.call('GET', 'x')).toEqual(err(BUSY_EVAL));
    expect(b.call('MULTI')).toEqual(simple('OK'));
    expect(a.call('PING')).toBeUndefined();
    node.busy.continue();
    expect(a.replies).toEqual([]);
    node.busy.continue();
    expect(last(a)).toEqual(simple('PONG'));
    expect(b.call('PING')).toEqual(simple('QUEUED'));
  });

  it('skips cron while busy', () => {
    const { node, clock } = testNode();
    const a = testClient(node);
    a.call('SET', 'k', 'v', 'PX', '10');
    node.busy.suspend(fakeScript(node, a, 2));
    clock.advance(1000);
    for (let i = 0; i < 20; i++) node.cron();
    expect(node.dbs[0]!.size).toBe(1);
    node.busy.continue();
  });
});
