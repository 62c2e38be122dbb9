import { describe, expect, it } from 'vitest';
import {
  emptyManifest,
  formatManifest,
  markIncrAsHistory,
  newBaseFile,
  newIncrFile,
  parseManifest,
  splitArgs,
} from './aof-manifest.ts';

describe('AOF manifest', () => {
  it('formats base, history and incr lines and parses them back', () => {
    const m = emptyManifest();
    newBaseFile(m, 'appendonly.aof', true);
    newIncrFile(m, 'appendonly.aof');
    newIncrFile(m, 'appendonly.aof');
    newBaseFile(m, 'appendonly.aof', false);
    markIncrAsHistory(m, true);
    const text = formatManifest(m);
    expect(text).toBe(
      'file appendonly.aof.2.base.aof seq 2 type b\n' +
        'file appendonly.aof.1.incr.aof seq 1 type h\n' +
        'file appendonly.aof.1.base.rdb seq 1 type h\n' +
        'file appendonly.aof.2.incr.aof seq 2 type i\n',
    );
    expect(parseManifest(text)).toEqual(m);
  });

  it('quotes names that need it, as sdscatrepr does', () => {
    const m = emptyManifest();
    newBaseFile(m, 'my file', true);
    expect(formatManifest(m)).toBe('file "my file.1.base.rdb" seq 1 type b\n');
    expect(parseManifest(formatManifest(m)).base?.name).toBe('my file.1.base.rdb');
    expect(splitArgs(`a "b\\x41c" 'd e'`)).toEqual(['a', 'bAc', 'd e']);
    expect(splitArgs('"unterminated')).toBeNull();
  });

  it("rejects malformed manifests with Redis's messages", () => {
    const msg = (t: string): string => {
      try {
        parseManifest(t);
        return 'ok';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(msg('')).toBe('Found an empty AOF manifest');
    expect(msg('file a seq 1\n')).toBe('Invalid AOF manifest file format');
    expect(msg('file a/b seq 1 type b\n')).toBe("File can't be a path, just a filename");
    expect(msg('file a seq 1 type b\nfile b seq 2 type b\n')).toBe('Found duplicate base file information');
    expect(msg('file a seq 2 type i\nfile b seq 1 type i\n')).toBe('Found a non-monotonic sequence number');
    expect(msg('file a seq 1 type x\n')).toBe('Unknown AOF file type');
    expect(msg('file a seq 1 type b')).toBe('The AOF manifest file contains too long line');
    expect(msg('# comment\nfile a seq 1 type b\n')).toBe('ok');
  });
});
