import { describe, expect, it } from 'vitest';
import { drawLine, textWidth, type DrawState } from './render.ts';
import { FakeScreen } from './screen.test-util.ts';

function draw(screen: FakeScreen, state: DrawState, prompt: string, text: string, cursor: number, hint = '') {
  const view = { prompt, text, beforeCursor: Array.from(text).slice(0, cursor).join(''), hint };
  const { out, state: next } = drawLine(view, state, screen.cols);
  screen.write(out);
  return next;
}

describe('drawLine', () => {
  it('draws prompt, text and hint, and places the cursor', () => {
    const s = new FakeScreen(40);
    draw(s, { cursorRow: 0 }, '> ', 'set k', 3, ' value');
    expect(s.text()).toEqual(['> set k value']);
    expect([s.row, s.col]).toEqual([0, 5]);
  });

  it('wraps long lines and redraws over them', () => {
    const s = new FakeScreen(10);
    const st = draw(s, { cursorRow: 0 }, '> ', 'abcdefghijklmn', 14);
    expect(s.text()).toEqual(['> abcdefgh', 'ijklmn']);
    expect(st.cursorRow).toBe(1);
    draw(s, st, '> ', 'abc', 1);
    expect(s.text()).toEqual(['> abc']);
    expect([s.row, s.col]).toEqual([0, 3]);
  });

  it('moves to the next row when the text exactly fills a row', () => {
    const s = new FakeScreen(10);
    const st = draw(s, { cursorRow: 0 }, '> ', 'abcdefgh', 8);
    expect(st.cursorRow).toBe(1);
    expect([s.row, s.col]).toEqual([1, 0]);
  });

  it('counts wide characters as two cells', () => {
    expect(textWidth('a你b')).toBe(4);
  });
});
