/*
 * Long scripts across host turns: the engine side of BUSY / SCRIPT KILL (server/busy-script.ts with
 * the suspendable interpreter), driven by hand as a host would drive it.
 */
import { describe, expect, it } from 'vitest';
import { err, simple } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';
import { BUSY_EVAL, BUSY_FUNCTION } from '../server/busy-script.ts';

function setup() {
  const { node, clock } = testNode();
  let pending = 0;
  node.busy.onPending = () => void pending++;
  return { node, clock, a: testClient(node), b: testClient(node), pending: () => pending };
}

const SHA = '5485ac7b11abac6760734f4b4ec80041904408bc';

describe('busy scripts', () => {
  it('suspends an endless script, answers BUSY after the threshold, and SCRIPT KILL ends it', () => {
    const { node, clock, a, b, pending } = setup();
    expect(a.call('EVAL', 'local i = 0\nwhile true do i = i + 1 end', '0')).toBeUndefined();
    expect(node.busy.active).toBe(true);
    expect(pending()).toBe(1);
    expect(b.call('PING')).toBeUndefined();
    node.busy.continue();
    clock.advance(5000);
    node.busy.continue();
    expect(b.replies).toEqual([err(BUSY_EVAL)]);
    expect(b.call('FUNCTION', 'KILL')).toEqual(err(BUSY_EVAL));
    expect(b.call('SCRIPT', 'KILL')).toEqual(simple('OK'));
    node.busy.continue();
    expect(node.busy.active).toBe(false);
    expect(a.replies).toEqual([
      err(`ERR Script killed by user with SCRIPT KILL... script: ${SHA}, on @user_script:2.`),
    ]);
    expect(b.call('PING')).toEqual(simple('PONG'));
    expect(a.call('EVAL', 'return 1', '0')).toEqual({ t: 'int', n: 1 });
  });

  it('runs held commands after a long script that ends by itself, in order and atomically', () => {
    const { node, a, b } = setup();
    const src = "local n = 0 for i = 1, 300000 do n = n + 1 end redis.call('SET', 'k', n) return n";
    expect(a.call('EVAL', src, '0')).toBeUndefined();
    expect(b.call('GET', 'k')).toBeUndefined();
    expect(a.call('INCR', 'k')).toBeUndefined();
    while (node.busy.active) node.busy.continue();
    expect(a.replies).toEqual([
      { t: 'int', n: 300000 },
      { t: 'int', n: 300001 },
    ]);
    expect(b.replies).toEqual([{ t: 'bulk', b: new TextEncoder().encode('300000') }]);
  });

  it('refuses to kill a script that wrote, and FUNCTION KILL stops a function', () => {
    const { node, clock, a, b } = setup();
    a.call('EVAL', "redis.call('SET', 'x', 1) while true do end", '0');
    clock.advance(6000);
    node.busy.continue();
    expect(b.call('SCRIPT', 'KILL')).toEqual(
      err(
        'UNKILLABLE Sorry the script already executed write commands against the dataset. You can either ' +
          'wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.',
      ),
    );
    expect(node.busy.active).toBe(true);
  });

  it('FUNCTION KILL stops a busy function', () => {
    const { node, clock, a, b } = setup();
    const lib = "#!lua name=spin\nredis.register_function('spin', function() while true do end end)";
    expect(a.call('FUNCTION', 'LOAD', lib)).toEqual({ t: 'bulk', b: new TextEncoder().encode('spin') });
    expect(a.call('FCALL', 'spin', '0')).toBeUndefined();
    clock.advance(6000);
    node.busy.continue();
    expect(b.call('SCRIPT', 'KILL')).toEqual(err(BUSY_FUNCTION));
    expect(b.call('FUNCTION', 'KILL')).toEqual(simple('OK'));
    node.busy.continue();
    expect(node.busy.active).toBe(false);
    expect(a.replies[1]!.t).toBe('error');
  });

  it('runs to the end at once when no host continues scripts', () => {
    const { node } = testNode();
    const a = testClient(node);
    expect(a.call('EVAL', 'local n = 0 for i = 1, 300000 do n = n + 1 end return n', '0')).toEqual({
      t: 'int',
      n: 300000,
    });
  });
});
