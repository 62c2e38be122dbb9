import { describe, expect, it } from 'vitest';
import { leftModeNotice, statusNote } from './status-note.ts';
import type { SessionStatus } from './types.ts';

const base: SessionStatus = {
  connected: true,
  clientId: 3,
  db: 0,
  inMulti: false,
  subscribed: false,
  busy: false,
};

describe('status note', () => {
  it('explains reading modes and what Ctrl-C did', () => {
    expect(statusNote(null)).toBeNull();
    expect(statusNote(base)).toBeNull();
    expect(statusNote({ ...base, reading: 'pubsub', busy: true })).toMatch(
      /^Subscribed mode: .*Ctrl-C leaves/,
    );
    expect(statusNote({ ...base, reading: 'monitor', busy: true })).toMatch(/^MONITOR: .*Ctrl-C stops/);
    expect(statusNote({ ...base, notice: 'hi' })).toBe('hi');
    const state = {
      clientId: 9,
      db: 2,
      inMulti: false,
      resp: 3 as const,
      subscribed: false,
      monitor: false,
      closed: false,
    };
    expect(leftModeNotice('monitor', state)).toBe(
      'Left MONITOR: this tab reconnected as client 9, DB 2, RESP3, as redis-cli does.',
    );
    expect(leftModeNotice('pubsub', undefined)).toBe('Left subscribed mode; the tab is not connected.');
  });
});
