import { describe, expect, it } from 'vitest';
import { Config } from './config.ts';
import { CONFIG_PARAMS } from './config-table.ts';

describe('Config', () => {
  it('has every param of redis 7.0.15 with aliases', () => {
    const c = new Config(CONFIG_PARAMS);
    const visible = [...c.match(['*']).keys()];
    expect(visible.length).toBe(192);
    expect(c.get('slave-read-only')).toBe('yes');
    expect(c.match(['use-exit-on-panic']).size).toBe(1);
    expect(c.match(['use-exit-*']).size).toBe(0);
  });

  it('parses memory units, percents, octal, enums and bools', () => {
    const c = new Config(CONFIG_PARAMS);
    expect(c.setMany([['maxmemory', '1gb']], false)).toBeNull();
    expect(c.get('maxmemory')).toBe('1073741824');
    expect(c.setMany([['maxmemory', '2k']], false)).toBeNull();
    expect(c.get('maxmemory')).toBe('2000');
    expect(c.setMany([['maxmemory-clients', '5%']], false)).toBeNull();
    expect(c.get('maxmemory-clients')).toBe('5%');
    expect(c.setMany([['maxmemory-policy', 'ALLKEYS-LRU']], false)).toBeNull();
    expect(c.get('maxmemory-policy')).toBe('allkeys-lru');
    expect(c.setMany([['oom-score-adj', 'relative']], false)).toBeNull();
    expect(c.get('oom-score-adj')).toBe('yes');
    expect(c.setMany([['notify-keyspace-events', 'Eg$lshzxetd']], false)).toBeNull();
    expect(c.get('notify-keyspace-events')).toBe('AE');
  });

  it('reports Redis error texts and changes nothing on failure', () => {
    const c = new Config(CONFIG_PARAMS);
    expect(
      c.setMany(
        [
          ['hz', '20'],
          ['maxmemory', 'x'],
        ],
        false,
      ),
    ).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be a memory value",
    );
    expect(c.get('hz')).toBe('10');
    expect(c.setMany([['hz', 'x']], false)).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed into an integer",
    );
    expect(c.setMany([['foo', '1']], false)).toBe(
      "ERR Unknown option or number of arguments for CONFIG SET - 'foo'",
    );
    expect(c.setMany([['databases', '2']], false)).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config",
    );
    expect(c.setMany([['dir', '/x']], false)).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected config",
    );
    expect(c.setMany([['active-expire-effort', '0']], false)).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'active-expire-effort') - argument must be between 1 and 10 inclusive",
    );
  });

  it('runs change listeners after a successful set', () => {
    const c = new Config(CONFIG_PARAMS);
    const seen: string[] = [];
    c.onChange('hz', (v) => seen.push(v));
    c.setMany([['hz', '10']], false);
    c.setMany([['hz', '50']], false);
    expect(seen).toEqual(['50']);
  });
});
