/*
 * MONITOR against the real server: one connection monitors while another runs a script of commands;
 * the monitor's lines are compared one by one with the timestamp and client address masked (they
 * differ by nature), so argument quoting, redaction, db numbers and which commands are shown (and in
 * which order, e.g. EXEC after its queued commands) must match.
 */
import { describe, expect, it } from 'vitest';
import { bulkStr, type Reply } from '../../src/engine/resp/reply.ts';
import { type ClientPair, useDifferential } from './harness.ts';

const MARK = 'monitor-test-end';

function masked(r: Reply | undefined): Reply | undefined {
  if (r?.t !== 'simple') return r;
  return bulkStr(r.s.replace(/^\d+\.\d{6} \[(\d+) [^\]]+\]/, '<time> [$1 <addr>]'));
}

describe('differential: MONITOR', () => {
  const d = useDifferential('monitor');

  /** Runs commands on `a` (replies compared), then reads the monitor's lines up to the end marker. */
  async function script(m: ClientPair, a: ClientPair, cmds: string[][]): Promise<void> {
    for (const args of [...cmds, ['ECHO', MARK]]) {
      a.send(...args);
      const [ours, theirs] = await a.next();
      d.record(args.join(' '), ours, theirs);
    }
    for (let i = 0; i < 100; i++) {
      const [ours, theirs] = await m.next();
      d.record(`monitor line ${i}`, masked(ours), masked(theirs));
      if (theirs === undefined || (theirs.t === 'simple' && theirs.s.includes(MARK))) break;
    }
  }

  it('shows commands with quoting, db, transactions and redaction as Redis does', async () => {
    const m = await d.openPair();
    const a = await d.openPair();
    a.send('FLUSHALL');
    await a.next();
    m.send('MONITOR');
    d.record('MONITOR', ...(await m.next()));
    await script(m, a, [
      ['SET', 'k', 'v'],
      ['SET', 'bin\x00"q\\\n\r\t\x07\x08\x7f\xe9', 'sp ace'],
      ['GET', 'k'],
      ['INCR', 'n'],
      ['MULTI'],
      ['INCR', 'n'],
      ['LPUSH', 'l', 'a', 'b'],
      ['EXEC'],
      ['MULTI'],
      ['SET', 'only-key'],
      ['EXEC'],
      ['MULTI'],
      ['EXEC', 'x'],
      ['NOSUCHCOMMAND', 'x'],
      ['GET'],
      ['AUTH', 'secret'],
      ['AUTH', 'user', 'secret'],
      ['HELLO', '2', 'AUTH', 'nosuchuser', 'wrong'],
      ['CONFIG', 'GET', 'maxmemory'],
      ['CLIENT', 'SETNAME', 'conn1'],
      ['CLIENT', 'GETNAME'],
      ['SELECT', '3'],
      ['SET', 'k3', '3'],
      ['SELECT', '0'],
      ['BLPOP', 'nolist', '0.01'],
      ['DEL', 'k', 'n', 'l'],
      ['PING'],
    ]);
    m.send('MONITOR');
    a.send('PING', 'after');
    d.record('PING after', ...(await a.next()));
    const [ours, theirs] = await m.next();
    d.record('second MONITOR is ignored: the next line is the PING', masked(ours), masked(theirs));
    // A monitor's own command: its reply first, then the line about it.
    m.send('ECHO', 'self');
    for (const what of ['own reply', 'own line']) {
      const [o, t] = await m.next();
      d.record(what, masked(o), masked(t));
    }
    m.close();
    a.close();
    expect(d.mismatches).toEqual([]);
  });
});
