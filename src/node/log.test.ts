import { describe, expect, it } from 'vitest';
import { formatLogLine } from './log.ts';

describe('formatLogLine', () => {
  it("uses Redis's layout and level marks", () => {
    const d = new Date(2026, 10, 6, 3, 4, 5, 7);
    expect(formatLogLine(42, 'notice', 'Ready to accept connections tcp', d)).toBe(
      '42:M 06 Nov 2026 03:04:05.007 * Ready to accept connections tcp\n',
    );
    expect(formatLogLine(1, 'warning', 'x', d)).toContain(' # x');
  });
});
