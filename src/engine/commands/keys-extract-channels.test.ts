import { describe, expect, it } from 'vitest';
import { OK } from '../resp/reply.ts';
import { commandHasChannels, extractChannels } from './keys-extract-channels.ts';
import { CommandRegistry } from './registry.ts';
import type { CommandSpec } from './types.ts';

const spec = (name: string, arity: number): CommandSpec => ({
  name,
  summary: 's',
  since: '1.0.0',
  group: 'pubsub',
  arity,
  flags: ['pubsub'],
  acl: [],
});
const reg = new CommandRegistry([
  {
    specs: [spec('psubscribe', -2), spec('publish', 3), spec('ping', -1)],
    handlers: { psubscribe: () => OK, publish: () => OK, ping: () => OK },
  },
]);

describe('extractChannels', () => {
  it('takes every argument of the subscribe family, marking patterns', () => {
    expect(extractChannels(reg.lookupByName('psubscribe')!, 3)).toEqual([
      { pos: 1, pattern: true, action: 'subscribe' },
      { pos: 2, pattern: true, action: 'subscribe' },
    ]);
  });

  it('takes only the channel of PUBLISH, and nothing for other commands', () => {
    expect(extractChannels(reg.lookupByName('publish')!, 3)).toEqual([
      { pos: 1, pattern: false, action: 'publish' },
    ]);
    expect(extractChannels(reg.lookupByName('ping')!, 2)).toEqual([]);
    expect(commandHasChannels(reg.lookupByName('publish')!, 'subscribe')).toBe(false);
    expect(commandHasChannels(reg.lookupByName('psubscribe')!)).toBe(true);
  });
});
