import { describe, expect, it } from 'vitest';
import {
  parseEvalShebang,
  parseLibraryMetadata,
  SCRIPT_FLAG_ALLOW_OOM,
  SCRIPT_FLAG_EVAL_COMPAT,
  SCRIPT_FLAG_NO_WRITES,
  splitArgs,
  validName,
} from './shebang';

describe('shebang', () => {
  it('parses EVAL shebangs and their flags', () => {
    expect(parseEvalShebang('return 1')).toEqual({ flags: SCRIPT_FLAG_EVAL_COMPAT, shebangLength: 0 });
    expect(parseEvalShebang('#!lua\nreturn 1')).toEqual({ flags: 0, shebangLength: 5 });
    expect(parseEvalShebang('#!lua flags=no-writes,allow-oom\nx')).toEqual({
      flags: SCRIPT_FLAG_NO_WRITES | SCRIPT_FLAG_ALLOW_OOM,
      shebangLength: 31,
    });
    expect(parseEvalShebang('#!lua')).toEqual({ error: 'Invalid script shebang' });
    expect(parseEvalShebang('#!js\n')).toEqual({ error: 'Unexpected engine in script shebang: #!js' });
    expect(parseEvalShebang('#!lua flags=x\n')).toEqual({ error: 'Unexpected flag in script shebang: x' });
    expect(parseEvalShebang('#!lua foo\n')).toEqual({ error: 'Unknown lua shebang option: foo' });
    expect(parseEvalShebang('#!lua "open\n')).toEqual({ error: 'Invalid engine in script shebang' });
  });

  it('parses library metadata', () => {
    expect(parseLibraryMetadata('#!lua name=lib\ncode')).toEqual({
      engine: 'lua',
      name: 'lib',
      code: '\ncode',
    });
    expect(parseLibraryMetadata('code')).toEqual({ error: 'Missing library metadata' });
    expect(parseLibraryMetadata('#!lua\n')).toEqual({ error: 'Library name was not given' });
    expect(parseLibraryMetadata('#!lua name=a NAME=b\n')).toEqual({
      error: 'Invalid metadata value, name argument was given multiple times',
    });
    expect(validName('ok_Name9')).toBe(true);
    expect(validName('bad-name')).toBe(false);
    expect(validName('')).toBe(false);
  });

  it('splits like sdssplitargs', () => {
    expect(splitArgs('a  "b c" \'d e\'')).toEqual(['a', 'b c', 'd e']);
    expect(splitArgs('"\\x41\\n"')).toEqual(['A\n']);
    expect(splitArgs('"a"b')).toBeNull();
    expect(splitArgs('"unterminated')).toBeNull();
    expect(splitArgs('   ')).toEqual([]);
  });
});
