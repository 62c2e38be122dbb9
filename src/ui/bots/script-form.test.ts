import { describe, expect, it } from 'vitest';
import { scriptBotSpec } from './script-form.ts';

describe('scriptBotSpec', () => {
  it('splits lines as the console does', () => {
    expect(scriptBotSpec('SET greeting "hello world"\n\nINCR n', '250', ' greeter ')).toEqual({
      kind: 'script',
      everyMs: 250,
      commands: [
        ['SET', 'greeting', 'hello world'],
        ['INCR', 'n'],
      ],
      name: 'greeter',
    });
    expect(scriptBotSpec('PING', '1000', '')).toEqual({
      kind: 'script',
      everyMs: 1000,
      commands: [['PING']],
    });
  });

  it('explains what is wrong', () => {
    expect(scriptBotSpec('  ', '100', '')).toEqual({ error: 'Type a command, e.g. INCR ticks' });
    expect(scriptBotSpec('GET "x', '100', '')).toEqual({ error: 'Invalid argument(s): GET "x' });
    expect(scriptBotSpec('PING', '0', '')).toMatchObject({ error: expect.stringContaining('period') });
    expect(scriptBotSpec('PING', '1.5', '')).toMatchObject({ error: expect.stringContaining('period') });
  });
});
