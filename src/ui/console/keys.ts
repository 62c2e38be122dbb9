/*
 * Turns terminal input (what xterm's onData delivers: typed characters, pasted text, escape sequences
 * for arrows and friends) into key names the line editor understands. One chunk may hold many keys,
 * e.g. a paste; text is split into single code points so multi-unit characters stay whole.
 */

export type Key =
  | { kind: 'char'; ch: string }
  | {
      kind:
        | 'enter'
        | 'backspace'
        | 'delete'
        | 'left'
        | 'right'
        | 'up'
        | 'down'
        | 'home'
        | 'end'
        | 'tab'
        | 'escape'
        | 'ctrl-a'
        | 'ctrl-c'
        | 'ctrl-d'
        | 'ctrl-e'
        | 'ctrl-k'
        | 'ctrl-l'
        | 'ctrl-t'
        | 'ctrl-u'
        | 'ctrl-w'
        | 'word-left'
        | 'word-right'
        | 'ignored';
    };

type Named = Exclude<Key, { kind: 'char' }>['kind'];

const controlKeys: Record<string, Named> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\x01': 'ctrl-a',
  '\x02': 'left',
  '\x03': 'ctrl-c',
  '\x04': 'ctrl-d',
  '\x05': 'ctrl-e',
  '\x06': 'right',
  '\x0b': 'ctrl-k',
  '\x0c': 'ctrl-l',
  '\x0e': 'down',
  '\x10': 'up',
  '\x14': 'ctrl-t',
  '\x15': 'ctrl-u',
  '\x17': 'ctrl-w',
};

/** Escape sequences after ESC, as xterm sends them (normal and application cursor modes). */
const escapeKeys: Record<string, Named> = {
  '[A': 'up',
  '[B': 'down',
  '[C': 'right',
  '[D': 'left',
  OA: 'up',
  OB: 'down',
  OC: 'right',
  OD: 'left',
  '[H': 'home',
  '[F': 'end',
  OH: 'home',
  OF: 'end',
  '[1~': 'home',
  '[7~': 'home',
  '[4~': 'end',
  '[8~': 'end',
  '[3~': 'delete',
  '[1;5D': 'word-left',
  '[1;5C': 'word-right',
  b: 'word-left',
  f: 'word-right',
};

/** Length of the escape sequence starting at data[i] (which is ESC). */
function escapeLength(data: string, i: number): number {
  const next = data[i + 1];
  if (next === undefined) return 1;
  if (next === 'O') return Math.min(3, data.length - i);
  if (next !== '[') return 2;
  let j = i + 2;
  while (j < data.length && !/[@-~]/.test(data[j]!)) j++;
  return Math.min(j + 1, data.length) - i;
}

export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < data.length) {
    const ch = data[i]!;
    if (ch === '\x1b') {
      const len = escapeLength(data, i);
      const seq = data.slice(i + 1, i + len);
      keys.push({ kind: len === 1 ? 'escape' : (escapeKeys[seq] ?? 'ignored') });
      i += len;
      continue;
    }
    // A pasted "\r\n" is one Enter.
    if (ch === '\r' && data[i + 1] === '\n') i++;
    const named = controlKeys[ch];
    if (named) keys.push({ kind: named });
    else if (ch < ' ') keys.push({ kind: 'ignored' });
    else {
      const cp = data.codePointAt(i)!;
      const text = String.fromCodePoint(cp);
      keys.push({ kind: 'char', ch: text });
      i += text.length;
      continue;
    }
    i++;
  }
  return keys;
}
