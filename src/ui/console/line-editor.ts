/*
 * The editable input line (linenoise's editing model, which redis-cli uses): a buffer of code points
 * and a cursor between them. Movement and deletion follow linenoise/emacs keys: ctrl-a/e home/end,
 * ctrl-u deletes the whole line, ctrl-k to its end, ctrl-w the previous word (spaces first, then
 * non-spaces), ctrl-t swaps the characters around the cursor. The editor knows nothing of terminals.
 */

export class LineEditor {
  private chars: string[] = [];
  private pos = 0;

  get text(): string {
    return this.chars.join('');
  }

  /** Cursor position, in code points. */
  get cursor(): number {
    return this.pos;
  }

  /** Text before the cursor (to measure where the cursor goes on screen). */
  get beforeCursor(): string {
    return this.chars.slice(0, this.pos).join('');
  }

  set(text: string): void {
    this.chars = Array.from(text);
    this.pos = this.chars.length;
  }

  insert(text: string): void {
    const add = Array.from(text);
    this.chars.splice(this.pos, 0, ...add);
    this.pos += add.length;
  }

  left(): void {
    if (this.pos > 0) this.pos--;
  }

  right(): void {
    if (this.pos < this.chars.length) this.pos++;
  }

  home(): void {
    this.pos = 0;
  }

  end(): void {
    this.pos = this.chars.length;
  }

  backspace(): void {
    if (this.pos === 0) return;
    this.chars.splice(this.pos - 1, 1);
    this.pos--;
  }

  deleteForward(): void {
    if (this.pos < this.chars.length) this.chars.splice(this.pos, 1);
  }

  killLine(): void {
    this.chars = [];
    this.pos = 0;
  }

  killToEnd(): void {
    this.chars.length = this.pos;
  }

  deletePreviousWord(): void {
    let start = this.pos;
    while (start > 0 && this.chars[start - 1] === ' ') start--;
    while (start > 0 && this.chars[start - 1] !== ' ') start--;
    this.chars.splice(start, this.pos - start);
    this.pos = start;
  }

  wordLeft(): void {
    while (this.pos > 0 && this.chars[this.pos - 1] === ' ') this.pos--;
    while (this.pos > 0 && this.chars[this.pos - 1] !== ' ') this.pos--;
  }

  wordRight(): void {
    const n = this.chars.length;
    while (this.pos < n && this.chars[this.pos] === ' ') this.pos++;
    while (this.pos < n && this.chars[this.pos] !== ' ') this.pos++;
  }

  transpose(): void {
    if (this.pos === 0 || this.chars.length < 2) return;
    if (this.pos === this.chars.length) this.pos--;
    const a = this.chars[this.pos - 1]!;
    this.chars[this.pos - 1] = this.chars[this.pos]!;
    this.chars[this.pos] = a;
    this.pos++;
  }
}
