import { describe, expect, it } from 'vitest';
import { decodeSession, encodeSession, fromBase64Url, ShareError, toBase64Url } from './codec.ts';
import { codeFromHash, openLink, shareUrl } from './link.ts';
import { SHARE_LIMITS, type SharedSession } from './types.ts';

const session: SharedSession = {
  seed: 42,
  startMs: 1_700_000_000_000,
  events: [
    { kind: 'clock', atMs: 0, action: 'pause' },
    { kind: 'line', atMs: 120, tab: 1, line: 'SET greeting "héllo wörld" EX 100' },
    { kind: 'clock', atMs: 10_120, action: 'step', value: 10_000 },
    { kind: 'tabOpen', atMs: 10_120, tab: 2, name: 'Console 2' },
    { kind: 'tabRename', atMs: 10_120, tab: 2, name: 'sets ✓' },
    { kind: 'line', atMs: 10_120, tab: 2, line: 'SPOP s' },
    { kind: 'interrupt', atMs: 10_500, tab: 2 },
    { kind: 'clock', atMs: 10_500, action: 'speed', value: 2.5 },
    { kind: 'clock', atMs: 10_500, action: 'play' },
    { kind: 'tabClose', atMs: 11_000, tab: 2 },
    { kind: 'botStart', atMs: 11_000, spec: { kind: 'script', everyMs: 500, commands: [['INCR', 'ticks']] } },
    { kind: 'botStop', atMs: 12_000, botId: 1, remove: false },
  ],
  end: { atMs: 12_000, paused: true, speed: 2.5, activeTab: 1 },
  dropped: 3,
};

async function codeOf(json: string): Promise<string> {
  const packed = new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate')));
  return toBase64Url(new Uint8Array(await packed.arrayBuffer()));
}

async function rejection(code: string): Promise<string> {
  try {
    await decodeSession(code);
  } catch (e) {
    expect(e).toBeInstanceOf(ShareError);
    return (e as Error).message;
  }
  throw new Error('decoded');
}

describe('share codec', () => {
  it('round-trips a session through a URL-safe code', async () => {
    const code = await encodeSession(session);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeSession(code)).toEqual(session);
  });

  it('compresses a long repetitive session well', async () => {
    const events = Array.from({ length: 500 }, (_, i) => ({
      kind: 'line' as const,
      atMs: i * 10,
      tab: 1,
      line: `SET key:${i} value-${i}`,
    }));
    const code = await encodeSession({ ...session, events });
    expect(code.length).toBeLessThan(JSON.stringify(events).length / 3);
  });

  it('base64url round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  it('rejects garbage with a sentence, never a crash', async () => {
    expect(await rejection('')).toMatch(/no session/);
    expect(await rejection('not base64!')).toMatch(/characters/);
    expect(await rejection('AAAAAAAA')).toMatch(/does not inflate/);
    const code = await encodeSession(session);
    expect(await rejection(code.slice(0, code.length >> 1))).toMatch(/damaged|cut short/);
    expect(await rejection(await codeOf('not json'))).toMatch(/not a session/);
    expect(await rejection(await codeOf('[1,2]'))).toMatch(/damaged/);
    expect(await rejection(await codeOf('{"v":9}'))).toMatch(/another version/);
  });

  it('rejects well-formed JSON with bad fields', async () => {
    const good = { v: 1, s: 1, t0: 5, e: [[0, 'l', 1, 'PING']], end: [0, 1, 1, 1], d: 0 };
    expect((await decodeSession(await codeOf(JSON.stringify(good)))).events).toHaveLength(1);
    const bad = [
      { ...good, s: -1 },
      { ...good, s: 2 ** 32 },
      { ...good, e: [[0, 'l', 0, 'PING']] },
      { ...good, e: [[0, 'q', 1]] },
      { ...good, e: [[-5, 'l', 1, 'PING']] },
      { ...good, e: [[0, 'o', 1, '']] },
      { ...good, e: [[0, 'c', 'rewind']] },
      { ...good, e: [[0, 'c', 'step']] },
      { ...good, e: [[0, 'b', 'script']] },
      { ...good, e: [[0, 'b', {}]] },
      { ...good, e: [[0, 's', 1, 2]] },
      { ...good, end: [0, 2, 1, 1] },
      { ...good, end: [0, 1, 0, 1] },
    ];
    for (const b of bad) expect(await rejection(await codeOf(JSON.stringify(b)))).toMatch(/damaged/);
  });

  it('caps the size of what a code may hold', async () => {
    const e = Array.from({ length: SHARE_LIMITS.eventsMax + 1 }, () => [0, 'l', 1, 'PING']);
    const tooMany = { v: 1, s: 1, t0: 5, e, end: [0, 1, 1, 1], d: 0 };
    expect(await rejection(await codeOf(JSON.stringify(tooMany)))).toMatch(/too many events/);
    // A small code that inflates past the cap (a deflate bomb) stops early.
    const bomb = await codeOf(' '.repeat(SHARE_LIMITS.jsonBytesMax + 10));
    expect(bomb.length).toBeLessThan(20_000);
    expect(await rejection(bomb)).toMatch(/more data/);
    expect(await rejection('A'.repeat(SHARE_LIMITS.codeCharsMax + 4))).toMatch(/too long/);
  });
});

describe('share links', () => {
  it('puts the code in the fragment of the page address, keeping its sub-path', () => {
    const url = shareUrl('https://example.github.io/redis-playground/?seed=7&x=1#old', 'abc_-1');
    expect(url).toBe('https://example.github.io/redis-playground/?x=1#s=abc_-1');
    expect(codeFromHash(new URL(url).hash)).toBe('abc_-1');
    expect(codeFromHash('')).toBeNull();
    expect(codeFromHash('#other=1')).toBeNull();
  });

  it('opens a link into a session, an error message, or nothing', async () => {
    expect(await openLink('')).toEqual({ kind: 'none' });
    const opened = await openLink(`#s=${await encodeSession(session)}`);
    expect(opened).toEqual({ kind: 'session', session });
    const bad = await openLink('#s=%%%');
    expect(bad.kind).toBe('error');
    expect(bad.kind === 'error' && bad.message).toMatch(/^This shared link could not be opened: .+\.$/);
  });
});
