import { describe, expect, it } from 'vitest';
import type { RateLimitRecord } from '../../protocol/ratelimit.ts';
import { commandLine, logEntries, quoteArg } from './log-lines.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

function rec(seq: number, commands: RateLimitRecord['commands']): RateLimitRecord {
  return { seq, atMs: 1000 + seq, allowed: true, count: seq, limit: 5, key: 'k', commands };
}

describe('lab log lines', () => {
  it('quotes arguments as redis-cli input needs them and clips long ones', () => {
    expect(quoteArg('rl:fixed:alice:17')).toBe('rl:fixed:alice:17');
    expect(quoteArg('a b')).toBe('"a b"');
    expect(quoteArg('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(quoteArg('')).toBe('""');
    const script = `-- token bucket\n${'x'.repeat(100)}`;
    const line = commandLine(['EVAL', script, '1', 'k']);
    expect(line).toBe(`EVAL "-- token bucket\\nxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" 1 k`);
    expect(commandLine(['EVAL', script], false)).toContain('x'.repeat(100));
  });

  it('prints replies as redis-cli does, newest request last, bounded', () => {
    const records = [
      rec(1, []),
      rec(2, [
        { argv: ['INCR', 'k'], reply: { t: 'int', n: 2 } },
        {
          argv: ['EXEC'],
          reply: {
            t: 'array',
            a: [
              { t: 'int', n: 0 },
              { t: 'bulk', b: bytes('v') },
            ],
          },
        },
        { argv: ['GET', 'k'], reply: null },
      ]),
      rec(3, [{ argv: ['EVALSHA', 'abc'], reply: { t: 'error', s: 'NOSCRIPT No matching script.' } }]),
    ];
    const entries = logEntries(records);
    expect(entries.map((e) => e.seq)).toEqual([2, 3]);
    expect(entries[0]!.commands).toEqual([
      { line: 'INCR k', full: 'INCR k', reply: ['(integer) 2'] },
      { line: 'EXEC', full: 'EXEC', reply: ['1) (integer) 0', '2) "v"'] },
      { line: 'GET k', full: 'GET k', reply: ['(no reply)'] },
    ]);
    expect(entries[1]!.commands[0]!.reply).toEqual(['(error) NOSCRIPT No matching script.']);
    expect(logEntries(records, 1).map((e) => e.seq)).toEqual([3]);
  });
});
