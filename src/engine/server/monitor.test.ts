import { describe, expect, it } from 'vitest';
import { unbin } from '../bytes.ts';
import type { Reply } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';
import { monitorLine, quoteRepr } from './monitor.ts';

const text = (r: Reply | undefined): string =>
  r && (r.t === 'simple' || r.t === 'error') ? r.s : String(r?.t);

describe('MONITOR', () => {
  it('quotes arguments as sdscatrepr', () => {
    expect(quoteRepr(unbin('a"b\\\n\r\t\x07\x08\x01\xff '))).toBe('"a\\"b\\\\\\n\\r\\t\\a\\b\\x01\\xff "');
    expect(monitorLine(1_700_000_000_000_042, 3, '127.0.0.1:5000', [unbin('GET'), unbin('k')])).toBe(
      '1700000000.000042 [3 127.0.0.1:5000] "GET" "k"',
    );
  });

  it('shows executed commands, EXEC after its queue, redacts AUTH, hides admin commands', () => {
    const { node, clock } = testNode();
    const m = testClient(node);
    const a = testClient(node);
    expect(text(m.call('MONITOR'))).toBe('OK');
    expect(m.call('MONITOR')).toBeUndefined();
    clock.advance(1);
    a.call('SET', 'k', 'v');
    a.call('MULTI');
    a.call('INCR', 'n');
    a.call('EXEC');
    a.call('GET');
    a.call('AUTH', 'secret');
    a.call('CONFIG', 'GET', 'maxmemory');
    a.call('SELECT', '2');
    const addr = a.client.address.addr;
    const lines = m.replies.slice(1).map(text);
    expect(lines.map((l) => l.replace(/^\d+\.\d{6} /, ''))).toEqual([
      `[0 ${addr}] "SET" "k" "v"`,
      `[0 ${addr}] "MULTI"`,
      `[0 ${addr}] "INCR" "n"`,
      `[0 ${addr}] "EXEC"`,
      `[0 ${addr}] "AUTH" "(redacted)"`,
      `[2 ${addr}] "SELECT" "2"`,
    ]);
    expect(lines[0]).toMatch(/^1700000000\.001000 /);
  });

  it('refuses MONITOR inside EXEC and keyspace commands from a monitor; RESET leaves monitor mode', () => {
    const { node } = testNode();
    const m = testClient(node);
    m.call('MULTI');
    m.call('MONITOR');
    const exec = m.call('EXEC');
    expect(exec?.t === 'array' && text(exec.a[0])).toBe("ERR MONITOR isn't allowed for DENY BLOCKING client");
    m.call('MONITOR');
    expect(text(m.call('GET', 'x'))).toBe("ERR Replica can't interact with the keyspace");
    expect(text(m.call('CLIENT', 'INFO')).length).toBeGreaterThan(0);
    expect(m.client.flags.has('monitor')).toBe(true);
    m.call('RESET');
    expect(m.client.flags.has('monitor')).toBe(false);
    expect(m.call('GET', 'x')?.t).toBe('nil');
  });
});
