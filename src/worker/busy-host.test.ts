/*
 * A long script in the worker: the caller's tab waits, another tab gets BUSY after busy-reply-threshold
 * of virtual time and can SCRIPT KILL it; slices run from the env's deferred tasks.
 */
import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../protocol/messages.ts';
import { startedHost } from './testenv.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const argv = (...a: string[]) => a.map(enc);

function connect(s: ReturnType<typeof startedHost>): number {
  const a = s.req({ type: 'connect' });
  if (a.type !== 'connected') throw new Error(a.type);
  return a.state.clientId;
}

function pushesTo(posted: FromWorker[], clientId: number): unknown[] {
  return posted.flatMap((p) => (p.type === 'push' && p.clientId === clientId ? [p.reply] : []));
}

describe('busy scripts in the worker host', () => {
  it('serves BUSY to another tab, which kills the script; both carry on', () => {
    const s = startedHost();
    const a = connect(s);
    const b = connect(s);
    const started = s.req({ type: 'command', clientId: a, argv: argv('EVAL', 'while true do end', '0') });
    expect(started).toMatchObject({ type: 'replies', replies: [], state: { blocked: true } });
    const held = s.req({ type: 'command', clientId: b, argv: argv('PING') });
    expect(held).toMatchObject({ replies: [], state: { blocked: true } });
    s.env.runDeferred(3);
    expect(pushesTo(s.posted, b)).toEqual([]);
    s.env.passRealTime(5100);
    s.env.runDeferred(3);
    expect(pushesTo(s.posted, b)).toEqual([
      {
        t: 'error',
        s: 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.',
      },
    ]);
    expect(s.req({ type: 'command', clientId: b, argv: argv('SCRIPT', 'KILL') })).toMatchObject({
      replies: [{ t: 'simple', s: 'OK' }],
      state: { blocked: false },
    });
    s.env.runDeferred(3);
    expect(pushesTo(s.posted, a)).toEqual([
      {
        t: 'error',
        s: 'ERR Script killed by user with SCRIPT KILL... script: 694a5fe1ddb97a4c6a1bf299d9537c7d3d0f84e7, on @user_script:1.',
      },
    ]);
    expect(s.req({ type: 'command', clientId: a, argv: argv('PING') })).toMatchObject({
      replies: [{ t: 'simple', s: 'PONG' }],
      state: { blocked: false },
    });
    expect(s.env.runDeferred()).toBe(0);
  });
});
