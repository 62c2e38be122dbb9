import { describe, expect, it } from 'vitest';
import { bin } from '../bytes.ts';
import type { Reply } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';

/** A reply as plain data: strings for bulk/simple, numbers, arrays (sets and maps flattened). */
function plain(r: Reply | undefined): unknown {
  if (!r) return undefined;
  switch (r.t) {
    case 'bulk':
      return bin(r.b);
    case 'simple':
      return r.s;
    case 'error':
      return `ERR:${r.s}`;
    case 'int':
      return Number(r.n);
    case 'array':
    case 'set':
      return r.a.map(plain);
    case 'map':
      return r.m.flatMap(([k, v]) => [plain(k), plain(v)]);
    case 'nil':
      return null;
    default:
      return r.t;
  }
}

describe('COMMAND', () => {
  const { node } = testNode();
  const t = testClient(node);
  const call = (...a: string[]): unknown => plain(t.call(...a));

  it('describes a command with COMMAND INFO', () => {
    expect(call('COMMAND', 'INFO', 'get', 'nosuch', 'get|x')).toEqual([
      [
        'get',
        2,
        ['readonly', 'fast'],
        1,
        1,
        1,
        ['@read', '@string', '@fast'],
        [],
        [
          [
            'flags',
            ['RO', 'access'],
            'begin_search',
            ['type', 'index', 'spec', ['index', 1]],
            'find_keys',
            ['type', 'range', 'spec', ['lastkey', 0, 'keystep', 1, 'limit', 0]],
          ],
        ],
        [],
      ],
      null,
      null,
    ]);
  });

  it('counts top-level commands and lists all names', () => {
    const count = call('COMMAND', 'COUNT') as number;
    expect(count).toBe(node.commands.top.size);
    const names = call('COMMAND', 'LIST') as string[];
    expect(names).toContain('command|getkeysandflags');
    expect(names.length).toBeGreaterThan(count);
    expect((call('COMMAND') as unknown[]).length).toBe(count);
  });

  it('filters COMMAND LIST by pattern and ACL category', () => {
    expect(call('COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'COMMAND|G*')).toEqual([
      'command|getkeys',
      'command|getkeysandflags',
    ]);
    expect(call('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'READ')).toContain('get');
    expect(call('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'nosuch')).toEqual([]);
    expect(call('COMMAND', 'LIST', 'FILTERBY', 'MODULE', 'm')).toEqual([]);
    expect(call('COMMAND', 'LIST', 'FILTERBY', 'x', 'y')).toBe('ERR:ERR syntax error');
    expect(call('COMMAND', 'LIST', 'FILTERBY', 'PATTERN')).toBe('ERR:ERR syntax error');
  });

  it('extracts keys with GETKEYS and GETKEYSANDFLAGS', () => {
    expect(call('COMMAND', 'GETKEYS', 'GET', 'k')).toEqual(['k']);
    expect(call('COMMAND', 'GETKEYSANDFLAGS', 'set', 'k', 'v', 'get')).toEqual([
      ['k', ['RW', 'access', 'update']],
    ]);
    expect(call('COMMAND', 'GETKEYS', 'nosuch', 'k')).toBe('ERR:ERR Invalid command specified');
    expect(call('COMMAND', 'GETKEYS', 'ping', 'x')).toBe('ERR:ERR The command has no key arguments');
    expect(call('COMMAND', 'GETKEYS', 'get', 'a', 'b')).toBe(
      'ERR:ERR Invalid number of arguments specified for command',
    );
  });

  it('documents commands with COMMAND DOCS and answers HELP', () => {
    const docs = call('COMMAND', 'DOCS', 'COMMAND|LIST', 'nosuch') as unknown[];
    expect(docs[0]).toBe('command|list');
    expect(docs.length).toBe(2);
    const help = call('COMMAND', 'HELP') as string[];
    expect(help[0]).toBe('COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:');
    expect(help.at(-1)).toBe('    Prints this help.');
  });
});
