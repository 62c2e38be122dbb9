/* Escape then Tab leaves the console; Tab alone stays in the terminal (completion). */
import { describe, expect, it } from 'vitest';
import { tabEscapeFilter } from './tab-escape.ts';

const down = (key: string) => ({ type: 'keydown', key });
const up = (key: string) => ({ type: 'keyup', key });

describe('tabEscapeFilter', () => {
  it('gives Tab to the terminal unless Escape came just before', () => {
    const f = tabEscapeFilter();
    expect(f(down('Tab'))).toBe(true);
    expect(f(down('Escape'))).toBe(true);
    expect(f(up('Escape'))).toBe(true);
    expect(f(down('Tab'))).toBe(false);
    expect(f(up('Tab'))).toBe(true);
    // Once out, the next Tab into the console completes again.
    expect(f(down('Tab'))).toBe(true);
  });

  it('lets Shift+Tab leave too, and any other key cancels the escape', () => {
    const f = tabEscapeFilter();
    f(down('Escape'));
    expect(f(down('Shift'))).toBe(true);
    expect(f(down('Tab'))).toBe(false);
    f(down('Escape'));
    f(down('a'));
    expect(f(down('Tab'))).toBe(true);
  });
});
