import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor.ts';

function editor(text: string, cursor = text.length): LineEditor {
  const e = new LineEditor();
  e.set(text);
  while (e.cursor > cursor) e.left();
  return e;
}

describe('LineEditor', () => {
  it('inserts at the cursor and moves by characters and words', () => {
    const e = editor('st k', 1);
    e.insert('e');
    expect([e.text, e.cursor]).toEqual(['set k', 2]);
    e.wordRight();
    expect(e.cursor).toBe(3);
    e.wordLeft();
    expect(e.cursor).toBe(0);
  });

  it('deletes backwards, forwards, words and ranges', () => {
    const e = editor('set key value');
    e.deletePreviousWord();
    expect(e.text).toBe('set key ');
    e.home();
    e.deleteForward();
    expect(e.text).toBe('et key ');
    e.right();
    e.killToEnd();
    expect(e.text).toBe('e');
    e.backspace();
    expect(e.text).toBe('');
  });

  it('swaps characters and treats astral characters as one', () => {
    const e = editor('ab');
    e.transpose();
    expect(e.text).toBe('ba');
    const wide = editor('a😀');
    wide.backspace();
    expect(wide.text).toBe('a');
  });
});
