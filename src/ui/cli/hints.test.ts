import { describe, expect, it } from 'vitest';
import { sampleDocs } from './docs.test-util.ts';
import { buildHelpEntries } from './help.ts';
import { hintFor } from './hints.ts';

const entries = buildHelpEntries(sampleDocs);

describe('hints', () => {
  it('shows the arguments not yet typed', () => {
    expect(hintFor('set', entries)).toBe(' key value [NX|XX] [GET] [EX seconds|PX milliseconds|KEEPTTL]');
    expect(hintFor('set ', entries)).toBe('key value [NX|XX] [GET] [EX seconds|PX milliseconds|KEEPTTL]');
    expect(hintFor('SET k', entries)).toBe(' value [NX|XX] [GET] [EX seconds|PX milliseconds|KEEPTTL]');
    expect(hintFor('set k v ', entries)).toBe('[NX|XX] [GET] [EX seconds|PX milliseconds|KEEPTTL]');
    expect(hintFor('set k v nx', entries)).toBe(' [NX|XX] [GET] [EX seconds|PX milliseconds|KEEPTTL]');
  });

  it('prefers the longest matching command name', () => {
    expect(hintFor('client list ', entries)).toBe(
      '[TYPE NORMAL|MASTER|REPLICA|PUBSUB] [ID client-id [client-id ...]]',
    );
    expect(hintFor('client', entries)).toBe(' ');
  });

  it('gives nothing for unknown, empty or invalid lines', () => {
    expect(hintFor('nosuch', entries)).toBeNull();
    expect(hintFor('  ', entries)).toBeNull();
    expect(hintFor('get "x', entries)).toBeNull();
  });
});
