import { describe, expect, it } from 'vitest';
import { run, runError } from './test-run';
import { LuaTable } from './index';

const HEX =
  "local function hex(s) return (string.gsub(s, '.', function(c) return string.format('%02x', string.byte(c)) end)) end ";

describe('cmsgpack', () => {
  it('picks the smallest integer encoding', () => {
    const [out] = run(
      HEX +
        "local o = {} for _, n in ipairs({0, 127, 128, 256, 65536, 2^32, -1, -33, -129, -32769, -2^31 - 1}) do o[#o + 1] = hex(cmsgpack.pack(n)) end return table.concat(o, ' ')",
    );
    expect(out).toBe(
      '00 7f cc80 cd0100 ce00010000 cf0000000100000000 ff d0df d1ff7f d2ffff7fff d3ffffffff7fffffff',
    );
  });

  it('uses float 32 when exact, double otherwise', () => {
    expect(
      run(HEX + 'return hex(cmsgpack.pack(1.5)), hex(cmsgpack.pack(0.1)), hex(cmsgpack.pack(2^63))'),
    ).toEqual(['ca3fc00000', 'cb3fb999999999999a', 'ca5f000000']);
  });

  it('packs strings, arrays and maps with their size classes', () => {
    expect(
      run(HEX + "return hex(cmsgpack.pack('ab')), hex(cmsgpack.pack(string.rep('x', 32)):sub(1, 4))"),
    ).toEqual(['a26162', 'd9207878']);
    expect(
      run(HEX + 'return hex(cmsgpack.pack({1, 2})), hex(cmsgpack.pack({a = true})), hex(cmsgpack.pack({}))'),
    ).toEqual(['920102', '81a161c3', '90']);
    expect(run(HEX + 'return hex(cmsgpack.pack({1, nil, 3}))')).toEqual(['8201010303']);
  });

  it('round-trips several values and decodes streams in parts', () => {
    const r = run("local s = cmsgpack.pack(1, 'two', {3}) return cmsgpack.unpack(s)");
    expect(r.slice(0, 2)).toEqual([1, 'two']);
    expect((r[2] as LuaTable).get(1)).toBe(3);
    expect(run("local s = cmsgpack.pack(1, 'two', {3}) return cmsgpack.unpack_one(s)")).toEqual([1, 1]);
    expect(run('local s = cmsgpack.pack(1, 2) return cmsgpack.unpack_limit(s, 5, 1)')).toEqual([-1, 2]);
    expect(run("return cmsgpack.unpack('\\207\\255\\255\\255\\255\\255\\255\\255\\255')")).toEqual([-1]);
  });

  it('raises the library errors', () => {
    expect(runError('return cmsgpack.pack()')).toBe(
      "user_script:1: bad argument #0 to 'pack' (MessagePack pack needs input.)",
    );
    expect(runError("return cmsgpack.unpack('\\193')")).toBe('user_script:1: Bad data format in input.');
    expect(runError("return cmsgpack.unpack('\\205\\1')")).toBe('user_script:1: Missing bytes in input.');
    expect(runError("return cmsgpack.unpack('\\129\\192\\1')")).toBe('table index is nil');
    expect(runError("return cmsgpack.unpack_one('abc', 9)")).toBe(
      'user_script:1: Start offset 9 greater than input length 3.',
    );
  });
});
