import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { LuaTable } from '../lua/value';
import { replyToLua } from './convert';

describe('replyToLua', () => {
  it('maps RESP2 replies as redis.call does', () => {
    expect(replyToLua({ t: 'int', n: 7 })).toBe(7);
    expect(replyToLua({ t: 'bulk', b: utf8('v') })).toBe('v');
    expect(replyToLua({ t: 'nil' })).toBe(false);
    expect(replyToLua({ t: 'nilarray' })).toBe(false);
    expect(replyToLua({ t: 'nil' }, 3)).toBe(undefined);
    expect(replyToLua({ t: 'double', d: 1.5 })).toBe('1.5');
    expect(replyToLua({ t: 'bool', v: true })).toBe(1);
    const ok = replyToLua({ t: 'simple', s: 'OK' }) as LuaTable;
    expect(ok.get('ok')).toBe('OK');
    const e = replyToLua({ t: 'error', s: 'ERR x' }) as LuaTable;
    expect(e.get('err')).toBe('ERR x');
    const a = replyToLua({
      t: 'array',
      a: [{ t: 'int', n: 1 }, { t: 'nil' }, { t: 'bulk', b: utf8('z') }],
    }) as LuaTable;
    expect([a.get(1), a.get(2), a.get(3), a.length()]).toEqual([1, false, 'z', 3]);
  });

  it('maps RESP3 replies to the tagged tables Redis uses', () => {
    const m = replyToLua(
      {
        t: 'map',
        m: [
          [
            { t: 'bulk', b: utf8('k') },
            { t: 'int', n: 1 },
          ],
        ],
      },
      3,
    ) as LuaTable;
    expect((m.get('map') as LuaTable).get('k')).toBe(1);
    const s = replyToLua({ t: 'set', a: [{ t: 'bulk', b: utf8('m') }] }, 3) as LuaTable;
    expect((s.get('set') as LuaTable).get('m')).toBe(true);
    expect((replyToLua({ t: 'double', d: 1.5 }, 3) as LuaTable).get('double')).toBe(1.5);
    expect(replyToLua({ t: 'bool', v: false }, 3)).toBe(false);
    expect((replyToLua({ t: 'bignum', s: '123' }, 3) as LuaTable).get('big_number')).toBe('123');
    const v = replyToLua({ t: 'verbatim', format: 'txt', b: utf8('hi') }, 3) as LuaTable;
    expect((v.get('verbatim_string') as LuaTable).get('string')).toBe('hi');
  });
});
