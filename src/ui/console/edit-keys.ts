/*
 * What an editing key does to the input line (linenoise's bindings, as redis-cli has them): movement,
 * deletion, and history recall with the up/down arrows. Enter, TAB, Ctrl-C and Ctrl-L are the session's.
 */
import type { History } from '../cli/history.ts';
import type { Key } from './keys.ts';
import type { LineEditor } from './line-editor.ts';

export function applyEditKey(e: LineEditor, history: History, key: Key): void {
  switch (key.kind) {
    case 'char':
      return e.insert(key.ch);
    case 'backspace':
      return e.backspace();
    case 'delete':
    case 'ctrl-d':
      return e.deleteForward();
    case 'left':
      return e.left();
    case 'right':
      return e.right();
    case 'home':
    case 'ctrl-a':
      return e.home();
    case 'end':
    case 'ctrl-e':
      return e.end();
    case 'ctrl-u':
      return e.killLine();
    case 'ctrl-k':
      return e.killToEnd();
    case 'ctrl-w':
      return e.deletePreviousWord();
    case 'ctrl-t':
      return e.transpose();
    case 'word-left':
      return e.wordLeft();
    case 'word-right':
      return e.wordRight();
    case 'up':
    case 'down': {
      const line = key.kind === 'up' ? history.up(e.text) : history.down(e.text);
      if (line !== null) e.set(line);
      return;
    }
  }
}
