import { describe, expect, it } from 'vitest';
import { parseServerArgs } from './args.ts';

const noFile = (): string => {
  throw new Error('no file');
};

describe('parseServerArgs', () => {
  it('reads --name value pairs, multi-word values and the port', () => {
    const r = parseServerArgs(
      ['--port', '7000', '--save', '900', '1', '--enable-debug-command', 'yes'],
      noFile,
    );
    expect(r).toEqual({
      port: 7000,
      host: '127.0.0.1',
      config: { port: '7000', save: '900 1', 'enable-debug-command': 'yes' },
    });
  });

  it('accepts empty values and defaults', () => {
    expect(parseServerArgs(['--save', ''], noFile)).toEqual({
      port: 6379,
      host: '127.0.0.1',
      config: { save: '' },
    });
  });

  it('reads a config file first, then lets the command line win', () => {
    const file = '# comment\n\nport 7001\nmaxmemory-policy "allkeys-lru"\nbind 0.0.0.0\n';
    const r = parseServerArgs(['redis.conf', '--port', '7002'], () => file);
    expect(r).toEqual({
      port: 7002,
      host: '0.0.0.0',
      config: { port: '7002', 'maxmemory-policy': 'allkeys-lru', bind: '0.0.0.0' },
    });
  });

  it('rejects a bad port or a directive without value', () => {
    expect(parseServerArgs(['--port', 'x'], noFile)).toHaveProperty('error');
    expect(parseServerArgs(['--appendonly'], noFile)).toHaveProperty('error');
  });
});
