import { describe, expect, it } from 'vitest';
import { run, runError } from './test-run';
import { decodeJson, strtod } from './cjson-decode';
import { defaultConfig, encodeJson, encodeString } from './cjson-encode';
import { LuaTable } from './index';
import { NULL_USERDATA } from './value';

function decodeError(s: string): string {
  try {
    decodeJson(s, defaultConfig());
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('cjson encode', () => {
  it('escapes quotes, backslash, slash, control bytes and DEL, and passes other bytes', () => {
    expect(encodeString('a"b\\c/d\n\x01\x7f\xe9')).toBe('"a\\"b\\\\c\\/d\\n\\u0001\\u007f\xe9"');
  });

  it('formats numbers with %.14g and refuses NaN and inf by default', () => {
    const cfg = defaultConfig();
    expect(encodeJson(0.1, cfg)).toBe('0.1');
    expect(encodeJson(2 ** 53, cfg)).toBe('9.007199254741e+15');
    expect(encodeJson(-0, cfg)).toBe('-0');
    expect(() => encodeJson(Infinity, cfg)).toThrow('Cannot serialise number: must not be NaN or Inf');
    cfg.encodeInvalidNumbers = 2;
    expect(encodeJson(NaN, cfg)).toBe('null');
  });

  it('chooses arrays, objects and the sparse-array rules', () => {
    expect(run('return cjson.encode({1, nil, 3}), cjson.encode({}), cjson.encode({a = {1, 2}})')).toEqual([
      '[1,null,3]',
      '{}',
      '{"a":[1,2]}',
    ]);
    expect(run('return cjson.encode({[10] = 1}), cjson.encode({[1.5] = 1})')).toEqual([
      '[null,null,null,null,null,null,null,null,null,1]',
      '{"1.5":1}',
    ]);
    expect(runError('return cjson.encode({[11] = 1})')).toBe(
      'user_script:1: Cannot serialise table: excessively sparse array',
    );
    expect(run('local c = cjson.new() c.encode_sparse_array(true) return c.encode({[11] = 1})')).toEqual([
      '{"11":1}',
    ]);
  });

  it('stops at the nesting limit (reference cycles too)', () => {
    expect(runError('local t = {} t[1] = t return cjson.encode(t)')).toBe(
      'user_script:1: Cannot serialise, excessive nesting (1001)',
    );
    expect(runError('return cjson.encode({print = string.len})')).toBe(
      'user_script:1: Cannot serialise function: type not supported',
    );
  });

  it('keeps settings per table, with cjson.new() giving defaults', () => {
    expect(
      run(
        'cjson.encode_number_precision(3) local c = cjson.new() return cjson.encode(math.pi), c.encode(math.pi)',
      ),
    ).toEqual(['3.14', '3.1415926535898']);
    expect(runError('return cjson.encode_number_precision(15)')).toBe(
      "user_script:1: bad argument #1 to 'encode_number_precision' (expected integer between 1 and 14)",
    );
    expect(run("return cjson.encode_invalid_numbers('null'), cjson.encode_sparse_array()")).toEqual([
      'null',
      false,
      2,
      10,
    ]);
  });
});

describe('cjson decode', () => {
  it('reads what strtod reads', () => {
    expect(strtod('1.5e3x')).toEqual([1500, 5]);
    expect(strtod('0x1p4')).toEqual([16, 5]);
    expect(strtod('-Infinity')).toEqual([-Infinity, 9]);
    expect(strtod('1e+')).toEqual([1, 1]);
    expect(strtod('x')).toEqual([0, 0]);
  });

  it('builds tables, cjson.null and UTF-8 from escapes', () => {
    const t = decodeJson('{"a":[1,null,"\\u00e9\\ud83d\\ude00"]}', defaultConfig()) as LuaTable;
    const a = t.get('a') as LuaTable;
    expect([a.get(1), a.get(2), a.get(3)]).toEqual([1, NULL_USERDATA, '\xc3\xa9\xf0\x9f\x98\x80']);
    expect(decodeJson('12\0junk', defaultConfig())).toBe(12);
  });

  it("reports errors in the library's words", () => {
    expect(decodeError('[1,')).toBe('Expected value but found T_END at character 4');
    expect(decodeError('{"a" 1}')).toBe('Expected colon but found T_NUMBER at character 6');
    expect(decodeError('"abc')).toBe('Expected value but found unexpected end of string at character 5');
    expect(decodeError('"\\ud83d"')).toBe(
      'Expected value but found invalid unicode escape code at character 2',
    );
    expect(decodeError('[1] x')).toBe('Expected the end but found invalid token at character 5');
    expect(decodeError('a\0')).toBe('JSON parser does not support UTF-16 or UTF-32');
    expect(decodeError('['.repeat(1001))).toBe(
      'Found too many nested data structures (1001) at character 1001',
    );
  });

  it('refuses non-strict numbers when decode_invalid_numbers is off', () => {
    expect(run("return cjson.decode('+1'), cjson.decode('0x10')")).toEqual([1, 16]);
    expect(runError("local c = cjson.new() c.decode_invalid_numbers(false) return c.decode('0x10')")).toBe(
      'user_script:1: Expected value but found invalid number at character 1',
    );
  });
});
