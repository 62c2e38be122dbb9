/*
 * Command lines for the COMMAND GETKEYS / GETKEYSANDFLAGS differential check: every kind of key spec
 * (index/keyword begin search, range/keynum find keys, limits, steps, INCOMPLETE and VARIABLE_FLAGS
 * fallbacks) plus the error paths (bad numkeys, wrong arity, no keys). Lines whose command is not in
 * our registry yet are skipped by the test.
 */
import type { ArgSpec } from '../../src/engine/commands/types.ts';

export const GETKEYS_CASES: string[][] = [
  ['get', 'k'],
  ['set', 'k', 'v'],
  ['set', 'k', 'v', 'GET'],
  ['set', 'k', 'v', 'EX', '10', 'get'],
  ['getex', 'k', 'PX', '5'],
  ['getdel', 'k'],
  ['mget', 'a', 'b', 'c'],
  ['mset', 'a', '1', 'b', '2'],
  ['mset', 'a', '1', 'b'],
  ['msetnx', 'a', '1', 'b', '2'],
  ['append', 'k', 'v'],
  ['incr', 'k'],
  ['setrange', 'k', '0', 'v'],
  ['lcs', 'a', 'b', 'LEN'],
  ['del', 'a', 'b', 'c'],
  ['unlink', 'a'],
  ['exists', 'a', 'b'],
  ['touch', 'a', 'b'],
  ['rename', 'a', 'b'],
  ['renamenx', 'a', 'b'],
  ['copy', 'a', 'b', 'DB', '2'],
  ['move', 'a', '1'],
  ['expire', 'k', '10'],
  ['ttl', 'k'],
  ['type', 'k'],
  ['object', 'encoding', 'k'],
  ['object', 'freq', 'k'],
  ['object', 'help'],
  ['dump', 'k'],
  ['restore', 'k', '0', 'x'],
  ['keys', '*'],
  ['scan', '0'],
  ['randomkey'],
  ['sort', 'k'],
  ['sort', 'k', 'BY', 'w_*', 'GET', 'o_*', 'STORE', 'dst'],
  ['sort', 'k', 'STORE', 'd1', 'STORE', 'd2'],
  ['sort', 'k', 'LIMIT', '0', '1', 'STORE'],
  ['sort_ro', 'k', 'BY', 'x'],
  ['migrate', 'h', '1', 'k', '0', '10'],
  ['migrate', 'h', '1', '', '0', '10', 'COPY', 'AUTH', 'p', 'KEYS', 'a', 'b'],
  ['migrate', 'h', '1', 'k', '0', '10', 'KEYS', 'a', 'b'],
  ['eval', 'return 1', '2', 'a', 'b', 'x'],
  ['eval', 'return 1', '0'],
  ['eval', 'return 1', 'x'],
  ['eval', 'return 1', '3', 'a'],
  ['evalsha_ro', 'abc', '1', 'k'],
  ['fcall', 'f', '1', 'k', 'a'],
  ['lmpop', '2', 'a', 'b', 'LEFT'],
  ['blmpop', '0', '2', 'a', 'b', 'LEFT'],
  ['zunionstore', 'd', '2', 'a', 'b', 'WEIGHTS', '1', '2'],
  ['zinter', '2', 'a', 'b'],
  ['zdiff', '0', 'a'],
  ['sintercard', '2', 'a', 'b'],
  ['smove', 'a', 'b', 'm'],
  ['lmove', 'a', 'b', 'LEFT', 'RIGHT'],
  ['blpop', 'a', 'b', '0'],
  ['brpoplpush', 'a', 'b', '0'],
  ['georadius', 'g', '0', '0', '1', 'km', 'STORE', 's', 'STOREDIST', 't'],
  ['georadius_ro', 'g', '0', '0', '1', 'km'],
  ['geosearchstore', 'd', 's', 'FROMMEMBER', 'm', 'BYRADIUS', '1', 'km'],
  ['xread', 'COUNT', '2', 'STREAMS', 'a', 'b', '0', '0'],
  ['xread', 'STREAMS', 'a', 'b', '0'],
  ['xreadgroup', 'GROUP', 'g', 'c', 'STREAMS', 's', '>'],
  ['xadd', 's', '*', 'f', 'v'],
  ['bitfield', 'k', 'GET', 'u8', '0'],
  ['bitfield', 'k', 'SET', 'u8', '0', '1'],
  ['bitfield_ro', 'k', 'GET', 'u8', '0'],
  ['bitop', 'AND', 'd', 'a', 'b'],
  ['pfmerge', 'd', 'a', 'b'],
  ['pfcount', 'a', 'b'],
  ['watch', 'a', 'b'],
  ['hset', 'h', 'f', 'v'],
  ['rpoplpush', 'a', 'b'],
  ['publish', 'c', 'm'],
  ['ping'],
  ['client', 'list'],
  ['config', 'get', 'x'],
  ['memory', 'usage', 'k'],
  ['debug', 'object', 'k'],
  ['info'],
  ['select', '1'],
  ['command', 'info', 'get'],
];

/**
 * A command line built from a command's argument tree, for GETKEYS on every command: values stand in
 * for each argument type (keys are numbered so the reply shows which were found); `full` includes
 * every optional argument and repeats multiple ones twice, otherwise only the required ones appear.
 * numkeys-style counts follow the repetition so the line stays consistent.
 */
export function sampleLine(name: string, args: readonly ArgSpec[], full: boolean): string[] {
  const out = name.split('|');
  let key = 0;
  const reps = full ? 2 : 1;
  const one = (a: ArgSpec): string[] => {
    switch (a.type) {
      case 'key':
        return [...tokenOf(a), `k${++key}`];
      case 'pure-token':
        return [a.token!];
      case 'oneof':
        return [...tokenOf(a), ...one(a.arguments![full ? a.arguments!.length - 1 : 0]!)];
      case 'block':
        return [...tokenOf(a), ...a.arguments!.flatMap((x) => emit(x))];
      case 'integer':
        return [...tokenOf(a), /num/.test(a.name) ? String(reps) : '1'];
      case 'double':
        return [...tokenOf(a), '1.5'];
      case 'unix-time':
        return [...tokenOf(a), '100'];
      case 'pattern':
        return [...tokenOf(a), 'p*'];
      default:
        return [...tokenOf(a), 'v'];
    }
  };
  const emit = (a: ArgSpec): string[] => {
    if (a.optional && !full) return [];
    const first = one(a);
    if (!a.multiple) return first;
    const again = one(a);
    return full ? [...first, ...(a.multipleToken || !a.token ? again : again.slice(1))] : first;
  };
  for (const a of args) out.push(...emit(a));
  return out;
}

function tokenOf(a: ArgSpec): string[] {
  return a.token !== undefined && a.type !== 'pure-token' ? [a.token] : [];
}
