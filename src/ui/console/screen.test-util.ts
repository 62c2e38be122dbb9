/*
 * Test helper: a tiny terminal emulator, just enough of xterm for the console's output (printable
 * text with wrapping, LF as CR LF (the console sets xterm's convertEol) and xterm's pending-wrap rule, CR, LF, cursor up/down/column, erase below,
 * clear screen; SGR colours and BEL are ignored). Lines are read back as plain text.
 */
import type { TerminalPort } from './types.ts';
import { charWidth } from './render.ts';

export class FakeScreen implements TerminalPort {
  lines: string[][] = [[]];
  row = 0;
  col = 0;
  private pendingWrap = false;
  private readonly decoder = new TextDecoder();

  constructor(readonly cols = 80) {}

  write(data: string | Uint8Array): void {
    const text = typeof data === 'string' ? data : this.decoder.decode(data);
    let i = 0;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '\x1b') {
        const m = /^.\[([0-9;]*)([A-Za-z])/.exec(text.slice(i));
        if (m) this.control(Number(m[1] || '1'), m[1] ?? '', m[2]!);
        i += m ? m[0].length : 1;
        continue;
      }
      if (ch === '\r') this.carriageReturn();
      else if (ch === '\n') {
        this.lineFeed(); // xterm with convertEol: LF also returns the carriage
        this.col = 0;
      } else if (ch >= ' ') {
        const cp = text.codePointAt(i)!;
        this.put(String.fromCodePoint(cp), charWidth(cp));
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      i++;
    }
  }

  private carriageReturn(): void {
    this.col = 0;
    this.pendingWrap = false;
  }

  private lineFeed(): void {
    this.row++;
    this.pendingWrap = false;
    while (this.lines.length <= this.row) this.lines.push([]);
  }

  private put(ch: string, width: number): void {
    if (this.pendingWrap) {
      this.lineFeed();
      this.col = 0;
    }
    const line = this.lines[this.row]!;
    while (line.length < this.col) line.push(' ');
    line[this.col] = ch;
    if (width === 2) line[this.col + 1] = '';
    this.col += width;
    if (this.col >= this.cols) {
      this.col = this.cols - 1;
      this.pendingWrap = true;
    }
  }

  private control(n: number, raw: string, op: string): void {
    this.pendingWrap = false;
    if (op === 'A') this.row = Math.max(0, this.row - n);
    else if (op === 'B') for (let k = 0; k < n; k++) this.lineFeed();
    else if (op === 'G') this.col = n - 1;
    else if (op === 'H') {
      this.row = 0;
      this.col = 0;
    } else if (op === 'J' && raw === '') {
      this.lines[this.row] = this.lines[this.row]!.slice(0, this.col);
      this.lines.length = this.row + 1;
    } else if (op === 'J') {
      this.lines = [[]];
      this.row = 0;
    }
  }

  /** The screen as text lines, trailing blanks removed. */
  text(): string[] {
    return this.lines.map((l) => l.join('').replace(/\s+$/, ''));
  }
}
