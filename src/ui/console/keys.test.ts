import { describe, expect, it } from 'vitest';
import { parseKeys } from './keys.ts';

const kinds = (data: string): string[] => parseKeys(data).map((k) => (k.kind === 'char' ? k.ch : k.kind));

describe('parseKeys', () => {
  it('reads text, control keys and escape sequences', () => {
    expect(kinds('ab\r')).toEqual(['a', 'b', 'enter']);
    expect(kinds('\x1b[A\x1b[B\x1b[C\x1b[D\x1bOH\x1b[F\x1b[3~')).toEqual([
      'up',
      'down',
      'right',
      'left',
      'home',
      'end',
      'delete',
    ]);
    expect(kinds('\x01\x05\x15\x0b\x17\x0c\x03\x7f\t')).toEqual([
      'ctrl-a',
      'ctrl-e',
      'ctrl-u',
      'ctrl-k',
      'ctrl-w',
      'ctrl-l',
      'ctrl-c',
      'backspace',
      'tab',
    ]);
  });

  it('keeps astral characters whole and treats a pasted CRLF as one Enter', () => {
    expect(kinds('😀x\r\ny')).toEqual(['😀', 'x', 'enter', 'y']);
  });

  it('ignores unknown sequences and reads a lone ESC', () => {
    expect(kinds('\x1b[15~\x1b')).toEqual(['ignored', 'escape']);
  });
});
