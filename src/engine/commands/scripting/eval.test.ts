import { describe, expect, it } from 'vitest';
import { bin } from '../../bytes';
import type { Reply } from '../../resp/reply';
import { testClient, testNode } from '../../testkit';

function text(r: Reply | undefined): unknown {
  if (r === undefined) return undefined;
  switch (r.t) {
    case 'bulk':
      return bin(r.b);
    case 'int':
      return Number(r.n);
    case 'error':
      return `ERR:${r.s}`;
    case 'simple':
      return `+${r.s}`;
    case 'array':
      return r.a.map(text);
    case 'nil':
      return null;
    default:
      return r.t;
  }
}

describe('EVAL', () => {
  it('runs scripts with KEYS and ARGV and calls commands', () => {
    const { node } = testNode();
    const c = testClient(node);
    expect(text(c.call('EVAL', 'return 1', '0'))).toBe(1);
    expect(text(c.call('EVAL', "return redis.call('set', KEYS[1], ARGV[1])", '1', 'k', 'v'))).toBe('+OK');
    expect(text(c.call('GET', 'k'))).toBe('v');
    expect(text(c.call('EVAL', 'return {KEYS[1], ARGV[1], ARGV[2]}', '1', 'a', 'b', 'c'))).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(text(c.call('EVAL', 'return 3.99', '0'))).toBe(3);
  });

  it('formats errors as Redis 7.0 does', () => {
    const { node } = testNode();
    const c = testClient(node);
    expect(text(c.call('EVAL', "return redis.call('nosuch')", '0'))).toBe(
      'ERR:ERR Unknown Redis command called from script script: 206396248e12c6e742fd7296250433c8d7343b74, on @user_script:1.',
    );
    expect(text(c.call('EVAL', 'return x', '0'))).toBe(
      "ERR:ERR user_script:1: Script attempted to access nonexistent global variable 'x' script: 03c387736bb5cc009ff35151572cee04677aa374, on @user_script:1.",
    );
    expect(text(c.call('EVAL', 'return 1 +', '0'))).toBe(
      "ERR:ERR Error compiling script (new function): user_script:1: unexpected symbol near '<eof>'",
    );
    expect(text(c.call('EVALSHA', 'abc', '0'))).toBe('ERR:NOSCRIPT No matching script. Please use EVAL.');
  });

  it('caches scripts by SHA1', () => {
    const { node } = testNode();
    const c = testClient(node);
    expect(text(c.call('SCRIPT', 'LOAD', 'return 1'))).toBe('e0e1f9fabfc9d4800c877a703b823ac0578ff8db');
    expect(text(c.call('EVALSHA', 'E0E1F9FABFC9D4800C877A703B823AC0578FF8DB', '0'))).toBe(1);
    expect(text(c.call('SCRIPT', 'EXISTS', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db', 'x'))).toEqual([1, 0]);
    expect(text(c.call('SCRIPT', 'FLUSH'))).toBe('+OK');
    expect(text(c.call('SCRIPT', 'EXISTS', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db'))).toEqual([0]);
  });

  it('refuses writes in read-only runs', () => {
    const { node } = testNode();
    const c = testClient(node);
    const r = text(c.call('EVAL_RO', "return redis.call('set', 'k', 'v')", '0')) as string;
    expect(r).toMatch(/^ERR:ERR Write commands are not allowed from read-only scripts\. script: /);
    expect(text(c.call('EVAL', "#!lua flags=no-writes\nreturn redis.call('get', 'k')", '0'))).toBe(null);
    expect(text(c.call('EVAL_RO', '#!lua\nreturn 1', '0'))).toBe(
      'ERR:ERR Can not execute a script with write flag using *_ro command.',
    );
  });
});

describe('FUNCTION', () => {
  it('loads libraries and calls their functions', () => {
    const { node } = testNode();
    const c = testClient(node);
    const lib =
      "#!lua name=mylib\nredis.register_function('f', function(keys, args) return {keys[1], args[1]} end)";
    expect(text(c.call('FUNCTION', 'LOAD', lib))).toBe('mylib');
    expect(text(c.call('FCALL', 'f', '1', 'k', 'a'))).toEqual(['k', 'a']);
    expect(text(c.call('FCALL', 'F', '0'))).toEqual([]);
    expect(text(c.call('FUNCTION', 'LOAD', lib))).toBe("ERR:ERR Library 'mylib' already exists");
    expect(text(c.call('FCALL_RO', 'f', '0'))).toBe(
      'ERR:ERR Can not execute a script with write flag using *_ro command.',
    );
    const dump = c.call('FUNCTION', 'DUMP')!;
    expect(text(c.call('FUNCTION', 'FLUSH'))).toBe('+OK');
    expect(text(c.call('FCALL', 'f', '0'))).toBe('ERR:ERR Function not found');
    expect(text(c.call('FUNCTION', 'RESTORE', (dump as { b: Uint8Array }).b))).toBe('+OK');
    expect(text(c.call('FCALL', 'f', '0', 'x'))).toEqual([]);
  });
});

describe('functions in RDB', () => {
  it('survive DEBUG RELOAD and SAVE + restart', () => {
    const { node } = testNode({ config: { 'enable-debug-command': 'yes' } });
    const c = testClient(node);
    c.call(
      'FUNCTION',
      'LOAD',
      "#!lua name=keep\nredis.register_function('kept', function() return 'still here' end)",
    );
    c.call('SET', 'k', 'v');
    expect(text(c.call('DEBUG', 'RELOAD'))).toBe('+OK');
    expect(text(c.call('FCALL', 'kept', '0'))).toBe('still here');
    expect(text(c.call('FUNCTION', 'LIST'))).toHaveLength(1);
  });
});

describe('long scripts under pcall', () => {
  it('still suspend between slices and can be killed', () => {
    const { node, clock } = testNode();
    node.busy.onPending = () => undefined;
    const a = testClient(node);
    const b = testClient(node);
    const script = "local f = function() while 1 do redis.call('ping') end end while 1 do pcall(f) end";
    expect(a.call('EVAL', script, '0')).toBeUndefined();
    expect(node.busy.active).toBe(true);
    clock.advance(6000);
    node.busy.continue();
    expect(text(b.call('SCRIPT', 'KILL'))).toBe('+OK');
    node.busy.continue();
    expect(node.busy.active).toBe(false);
    expect(text(a.replies[0])).toMatch(/^ERR:ERR Script killed by user with SCRIPT KILL\.\.\. script: /);
  });
});

describe('FUNCTION LOAD timeout', () => {
  it('aborts a library whose top level never ends', () => {
    const { node } = testNode();
    const c = testClient(node);
    const lib = '#!lua name=spin\nlocal a = 1\nwhile 1 do a = a + 1 end';
    expect(text(c.call('FUNCTION', 'LOAD', lib))).toBe(
      'ERR:ERR Error registering functions: ERR FUNCTION LOAD timeout',
    );
    expect(text(c.call('FUNCTION', 'LIST'))).toEqual([]);
  });
});

describe('time inside scripts', () => {
  it('stands still at the script start for key expiry', () => {
    const { node, clock } = testNode({ config: { 'enable-debug-command': 'yes' } });
    const c = testClient(node);
    // DEBUG is noscript: the Tcl suite lifts that with DEBUG SET-DISABLE-DENY-SCRIPTS 1.
    expect(text(c.call('DEBUG', 'SET-DISABLE-DENY-SCRIPTS', '1'))).toBe('+OK');
    const script =
      "redis.call('set', 'key', 'v', 'px', 1) redis.call('debug', 'sleep', 0.01) return redis.call('exists', 'key')";
    expect(text(c.call('EVAL', script, '0'))).toBe(1);
    clock.advance(5);
    expect(text(c.call('EXISTS', 'key'))).toBe(0);
  });
});

describe('client tracking and scripts', () => {
  it('tracks the declared keys of a script that reads, and none of one that only writes', () => {
    const { node } = testNode();
    const a = testClient(node);
    const b = testClient(node);
    a.call('HELLO', '3');
    a.call('CLIENT', 'TRACKING', 'on');
    a.call('EVAL', "redis.call('set', 'k3', 'bar')", '2', 'k1', 'k2');
    b.call('MSET', 'k1', '1', 'k2', '1');
    expect(a.replies.filter((r) => r.t === 'push')).toHaveLength(0);
    a.call('EVAL', "redis.call('get', 'k3')", '2', 'k1', 'k2');
    b.call('MSET', 'k2', '2', 'k1', '2', 'k3', '2');
    const invalidated = a.replies.flatMap((r) =>
      r.t === 'push' && r.a[1]?.t === 'array' ? r.a[1].a.map((k) => (k.t === 'bulk' ? bin(k.b) : '?')) : [],
    );
    expect(invalidated.sort()).toEqual(['k1', 'k2']);
  });
});
