import { describe, expect, it } from 'vitest';
import { formatPrompt } from './prompt.ts';

const base = { host: '127.0.0.1', port: 6379, db: 0, inMulti: false, connected: true };

describe('formatPrompt', () => {
  it('shows host:port, db when not 0, and (TX) inside MULTI', () => {
    expect(formatPrompt(base)).toBe('127.0.0.1:6379> ');
    expect(formatPrompt({ ...base, db: 2 })).toBe('127.0.0.1:6379[2]> ');
    expect(formatPrompt({ ...base, db: 2, inMulti: true })).toBe('127.0.0.1:6379[2](TX)> ');
    expect(formatPrompt({ ...base, connected: false })).toBe('not connected> ');
  });
});
