import { describe, expect, it } from 'vitest';
import { run, runError } from './test-run';

describe('struct', () => {
  it('packs integers little-endian by default, big-endian after >', () => {
    expect(run("return struct.pack('i', 1), struct.pack('>h', 258), struct.pack('<H', 258)")).toEqual([
      '\x01\x00\x00\x00',
      '\x01\x02',
      '\x02\x01',
    ]);
    expect(run("return struct.pack('b', -1), struct.pack('B', 256), struct.pack('i3', -2)")).toEqual([
      '\xff',
      '\x00',
      '\xfe\xff\xff',
    ]);
  });

  it('unpacks values and the next position', () => {
    expect(run("return struct.unpack('<i', struct.pack('<i', -5))")).toEqual([-5, 5]);
    expect(run("return struct.unpack('b', 'abc', 2)")).toEqual([98, 3]);
    expect(run("return struct.unpack('bc0', '\\3abcd')")).toEqual(['abc', 5]);
    expect(run("return struct.unpack('s', 'ab\\0cd')")).toEqual(['ab', 4]);
  });

  it('aligns with ! and reports sizes', () => {
    expect(run("return struct.pack('!4 b i', 1, 2)")).toEqual(['\x01\x00\x00\x00\x02\x00\x00\x00']);
    expect(run("return struct.size('bhilTfdx'), struct.size('!bhilTfdx'), struct.size('!4 b d')")).toEqual([
      36, 41, 12,
    ]);
  });

  it('packs floats and doubles', () => {
    expect(run("return struct.pack('>f', 1.5), struct.unpack('<d', struct.pack('<d', 0.1))")).toEqual([
      '\x3f\xc0\x00\x00',
      0.1,
      9,
    ]);
  });

  it('raises the library errors', () => {
    expect(runError("return struct.pack('z', 1)")).toBe(
      "user_script:1: bad argument #1 to 'pack' (invalid format option 'z')",
    );
    expect(runError("return struct.pack('i')")).toBe(
      "user_script:1: bad argument #2 to 'pack' (number expected, got nil)",
    );
    expect(runError("return struct.pack('!3 b', 1)")).toBe('user_script:1: alignment 3 is not a power of 2');
    expect(runError("return struct.pack('i33', 1)")).toBe(
      'user_script:1: integral size 33 is larger than limit of 32',
    );
    expect(runError("return struct.unpack('i', 'abc')")).toBe(
      "user_script:1: bad argument #2 to 'unpack' (data string too short)",
    );
    expect(runError("return struct.unpack('c0', 'abc')")).toBe(
      "user_script:1: format 'c0' needs a previous size",
    );
    expect(runError("return struct.size('s')")).toBe(
      "user_script:1: bad argument #1 to 'size' (option 's' has no fixed size)",
    );
    expect(runError("return struct.pack('c3', 'ab')")).toBe(
      "user_script:1: bad argument #3 to 'pack' (string too short)",
    );
  });
});
