import { describe, expect, it } from 'vitest';
import { formatClock, formatSpeed } from './clock-format.ts';

describe('clock format', () => {
  it('prints UTC time of day with milliseconds', () => {
    expect(formatClock(Date.UTC(2026, 0, 2, 3, 4, 5, 67))).toBe('03:04:05.067');
    expect(formatSpeed(10)).toBe('10×');
  });
});
