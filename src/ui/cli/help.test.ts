import { describe, expect, it } from 'vitest';
import { sampleDocs } from './docs.test-util.ts';
import { buildHelpEntries, helpText } from './help.ts';

const entries = buildHelpEntries(sampleDocs);

describe('help entries', () => {
  it('sorts groups first, then commands by name', () => {
    expect(entries.map((e) => e.full).slice(0, 4)).toEqual(['@connection', '@hash', '@string', 'CLIENT']);
  });

  it('prints one command like redis-cli', () => {
    const out = helpText(['get'], entries, '7.0.15');
    expect(out).toBe(
      '\r\n  \x1b[1mGET\x1b[0m \x1b[90mkey\x1b[0m\r\n  \x1b[33msummary:\x1b[0m Does get.\r\n' +
        '  \x1b[33msince:\x1b[0m 1.0.0\r\n  \x1b[33mgroup:\x1b[0m string\r\n\r\n',
    );
  });

  it('lists a command with its subcommands, and a group without group lines', () => {
    expect(helpText(['client'], entries, '7').split('\x1b[1m').length - 1).toBe(3);
    const group = helpText(['@STRING'], entries, '7');
    expect(group).toContain('GETRANGE');
    expect(group).not.toContain('group:');
  });

  it('prints the intro for bare help', () => {
    expect(helpText([], entries, '7.0.15')).toContain('help @<group>');
  });
});
