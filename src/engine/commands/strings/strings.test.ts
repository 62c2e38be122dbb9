/*
 * Unit tests of the string family on a node with a manual clock: encodings, deadlines on virtual time,
 * keyspace events, dirty counting and the helpers (option grammar, GETRANGE clamping, sds-like growth).
 * Reply-level fidelity against real Redis lives in test/diff/strings*.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../../bytes.ts';
import { testClient, testNode } from '../../testkit.ts';
import { ReplyError } from '../../server/errors.ts';
import { parseStringOptions } from './options.ts';
import { rangeSlice } from './ranges.ts';
import { appendBytes, newString } from './value.ts';

function setup() {
  const { node, clock } = testNode();
  const events: string[] = [];
  node.notify = (_cls, event, key) => void events.push(`${event} ${key}`);
  const t = testClient(node);
  const enc = (key: string): string | undefined => {
    const v = node.dbs[0]!.dict.get(key);
    return v?.type === 'string' ? v.enc : v?.type;
  };
  return { node, clock, t, events, enc };
}

const bulkText = (r: unknown): string => bin((r as { b: Uint8Array }).b);

describe('string encodings', () => {
  it('follows tryObjectEncoding and the in-place rules', () => {
    const { t, enc } = setup();
    t.call('SET', 'i', '-9223372036854775808');
    t.call('SET', 'o', '9223372036854775808');
    t.call('SET', 'z', '007');
    t.call('SET', 'e', 'x'.repeat(44));
    t.call('SET', 'r', 'x'.repeat(45));
    expect([enc('i'), enc('o'), enc('z'), enc('e'), enc('r')]).toEqual([
      'int',
      'embstr',
      'embstr',
      'embstr',
      'raw',
    ]);
    t.call('APPEND', 'a', '12');
    expect(enc('a')).toBe('int');
    t.call('APPEND', 'a', '3');
    expect(enc('a')).toBe('raw');
    t.call('INCR', 'a');
    expect(enc('a')).toBe('int');
    t.call('INCRBYFLOAT', 'a', '1');
    expect(enc('a')).toBe('embstr');
    t.call('SETRANGE', 's', '0', 'ab');
    expect(enc('s')).toBe('raw');
  });
});

describe('deadlines on the virtual clock', () => {
  it('expires SET PX lazily and keeps TTL through INCR and APPEND', () => {
    const { t, clock, node, events } = setup();
    t.call('SET', 'k', '1', 'PX', '1000');
    t.call('INCR', 'k');
    t.call('APPEND', 'k', '0');
    expect(node.dbs[0]!.getExpire('k')).toBe(clock.nowMs() + 1000);
    clock.advance(1001);
    expect(t.call('GET', 'k')).toEqual({ t: 'nil' });
    expect(events).toEqual(['set k', 'expire k', 'incrby k', 'append k', 'expired k', 'keymiss k']);
    expect(node.stats.expiredKeys).toBe(1);
  });

  it('GETEX with a past EXAT deletes after answering', () => {
    const { t, node, events } = setup();
    t.call('SET', 'k', 'v');
    expect(bulkText(t.call('GETEX', 'k', 'EXAT', '1'))).toBe('v');
    expect(node.dbs[0]!.dict.has('k')).toBe(false);
    expect(events).toEqual(['set k', 'del k']);
    expect(node.dirty).toBe(2);
  });

  it('counts dirty as Redis does for MSET and no-op writes', () => {
    const { t, node } = setup();
    t.call('MSET', 'a', '1', 'b', '2', 'c', '3');
    expect(node.dirty).toBe(3);
    t.call('SETRANGE', 'a', '0', '');
    t.call('GETEX', 'a', 'PERSIST');
    t.call('SET', 'a', 'x', 'NX');
    expect(node.dirty).toBe(3);
  });
});

describe('helpers', () => {
  it('parses SET/GETEX options with Redis conflicts', () => {
    const argv = (...s: string[]) => s.map(utf8);
    expect(parseStringOptions(argv('EX', '1', 'EX', '2'), 0, true).expireArg).toEqual(utf8('2'));
    const bad = [['NX', 'XX'], ['EX', '1', 'PX', '1'], ['KEEPTTL', 'EX', '1'], ['PERSIST'], ['EX']];
    for (const b of bad) expect(() => parseStringOptions(argv(...b), 0, true)).toThrow(ReplyError);
    expect(() => parseStringOptions(argv('NX'), 0, false)).toThrow(ReplyError);
    expect(parseStringOptions(argv('persist'), 0, false).persist).toBe(true);
  });

  it('clamps GETRANGE offsets', () => {
    expect(rangeSlice(0, -1, 5)).toEqual([0, 5]);
    expect(rangeSlice(-1, -5, 5)).toBeNull();
    expect(rangeSlice(-100, 100, 5)).toEqual([0, 5]);
    expect(rangeSlice(3, 1, 5)).toBeNull();
    expect(rangeSlice(0, 0, 0)).toBeNull();
  });

  it('grows appended values in place without touching bytes other views see', () => {
    const a = appendBytes(utf8('abc'), utf8('d'));
    const b = appendBytes(a, utf8('e'));
    expect(b.buffer).toBe(a.buffer);
    const fork = appendBytes(a, utf8('X'));
    expect(bin(b)).toBe('abcde');
    expect(bin(fork)).toBe('abcdX');
    expect(fork.buffer).not.toBe(a.buffer);
    expect(newString(utf8('12'), 0).enc).toBe('int');
  });

  it('answers LCS like the Redis documentation example', () => {
    const { t } = setup();
    t.call('MSET', 'key1', 'ohmytext', 'key2', 'mynewtext');
    expect(bulkText(t.call('LCS', 'key1', 'key2'))).toBe('mytext');
    expect(t.call('LCS', 'key1', 'key2', 'LEN')).toEqual({ t: 'int', n: 6 });
  });
});
