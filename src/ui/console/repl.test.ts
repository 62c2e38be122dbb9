import { describe, expect, it } from 'vitest';
import { applyPreference, interpretLine } from './repl.ts';

const kind = (line: string): string => interpretLine(line).action.kind;

describe('interpretLine', () => {
  it('classifies lines like redis-cli', () => {
    expect(kind('')).toBe('nothing');
    expect(kind('   ')).toBe('nothing');
    expect(kind('get "x')).toBe('invalid');
    expect(kind('QUIT')).toBe('quit');
    expect(kind('exit now')).toBe('quit');
    expect(kind(':set hints')).toBe('preference');
    expect(kind('clear')).toBe('clear');
    expect(kind('clear x')).toBe('command');
    expect(kind('? get')).toBe('help');
    expect(kind('get k')).toBe('command');
  });

  it('keeps viz <key> in the console', () => {
    expect(interpretLine('viz myzset').action).toEqual({ kind: 'viz', key: 'myzset' });
    expect(interpretLine('VIZ "a b"').action).toEqual({ kind: 'viz', key: 'a b' });
    expect(interpretLine('viz').action).toEqual({ kind: 'viz', key: null });
  });

  it('reads repeat counts', () => {
    const a = interpretLine('3 incr x').action;
    expect(a.kind === 'command' && [a.repeat, a.args]).toEqual([3, ['incr', 'x']]);
    expect(kind('0 ping')).toBe('bad-repeat');
    expect(kind('-2 ping')).toBe('bad-repeat');
    expect(kind('99999999999999999999 ping')).toBe('bad-repeat');
    const lone = interpretLine('5').action;
    expect(lone.kind === 'command' && lone.repeat).toBe(1);
    const help = interpretLine('2 help get').action;
    expect(help.kind === 'help' && help.topic).toEqual(['get']);
  });

  it('keeps secrets out of history but remembers invalid lines', () => {
    expect(interpretLine('auth secret').remember).toBe(false);
    expect(interpretLine('2 auth secret').remember).toBe(false);
    expect(interpretLine('get "x').remember).toBe(true);
    expect(interpretLine('get x').remember).toBe(true);
  });
});

describe('applyPreference', () => {
  it('toggles hints and rejects the rest', () => {
    expect(applyPreference([':set', 'nohints'])).toEqual({ hints: false });
    expect(applyPreference([':set', 'HINTS'])).toEqual({ hints: true });
    expect(applyPreference([':set', 'x'])).toEqual({ message: "unknown redis-cli preference 'x'\n" });
    expect(applyPreference([':foo'])).toEqual({ message: "unknown redis-cli internal command ':foo'\n" });
  });
});
