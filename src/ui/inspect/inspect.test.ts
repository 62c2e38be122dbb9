import { describe, expect, it } from 'vitest';
import { Refresher } from './refresh.ts';
import { formatBytes, formatTtl, virtualNow } from './ttl.ts';

describe('virtual clock extrapolation and TTL text', () => {
  it('moves with real time times speed, stands still while paused', () => {
    const a = { nowMs: 1000, paused: false, speed: 2, realMs: 50 };
    expect(virtualNow(a, 150)).toBe(1200);
    expect(virtualNow({ ...a, paused: true }, 150)).toBe(1000);
  });
  it('formats remaining time and sizes', () => {
    expect(formatTtl(null, 0)).toBe('—');
    expect(formatTtl(100, 100)).toBe('expired');
    expect(formatTtl(950, 0)).toBe('950ms');
    expect(formatTtl(12_345, 0)).toBe('12.3s');
    expect(formatTtl(303_000, 0)).toBe('5m 03s');
    expect(formatTtl(7_260_000, 0)).toBe('2h 01m');
    expect([formatBytes(812), formatBytes(12_700)]).toEqual(['812 B', '12.4 KB']);
  });
});

describe('Refresher', () => {
  it('runs one load at a time and one more after a burst', async () => {
    let loads = 0;
    let release: () => void = () => {};
    const r = new Refresher(async () => {
      loads++;
      await new Promise<void>((res) => (release = res));
    });
    r.request();
    r.request();
    r.request();
    expect(loads).toBe(1);
    release();
    await new Promise((res) => setTimeout(res, 0));
    expect(loads).toBe(2);
    release();
    await new Promise((res) => setTimeout(res, 0));
    expect(loads).toBe(2);
  });
});
