/*
 * Redraws the prompt line on a terminal of `cols` columns, the way linenoise's multi-line mode does:
 * go back to the first row the line occupies, clear to the end of the screen, write prompt + text +
 * grey hint, then put the cursor where it belongs. Long lines wrap onto several rows.
 *
 * Widths count terminal cells: wide East Asian characters and emoji take two, combining marks none.
 * A cursor at the very end of a line that exactly fills its last row would sit in xterm's "pending
 * wrap" state on that row, so (like linenoise) we emit a newline to move it to the next row.
 * Hints are shown only when prompt + text leave room on the first row, truncated to fit.
 */

/** Cells one code point takes in the terminal (a good approximation of wcwidth). */
export function charWidth(cp: number): number {
  if (cp < 0x300) return 1;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfe0f) return 0;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** Cuts s to at most `cells` terminal cells. */
function truncateToWidth(s: string, cells: number): string {
  let w = 0;
  let out = '';
  for (const ch of s) {
    w += charWidth(ch.codePointAt(0)!);
    if (w > cells) break;
    out += ch;
  }
  return out;
}

export interface EditView {
  prompt: string;
  text: string;
  /** Text before the cursor. */
  beforeCursor: string;
  hint: string | null;
}

/** Where the previous draw left things: the row of the cursor, relative to the line's first row. */
export interface DrawState {
  cursorRow: number;
}

export function drawLine(view: EditView, prev: DrawState, cols: number): { out: string; state: DrawState } {
  cols = Math.max(1, cols);
  let out = prev.cursorRow > 0 ? `\x1b[${prev.cursorRow}A` : '';
  out += '\r\x1b[J' + view.prompt + view.text;
  const lineWidth = textWidth(view.prompt) + textWidth(view.text);
  if (view.hint && lineWidth < cols) {
    const hint = truncateToWidth(view.hint, cols - lineWidth);
    out += `\x1b[90m${hint}\x1b[0m`;
  }
  const cursorCells = textWidth(view.prompt) + textWidth(view.beforeCursor);
  let endRow = lineWidth === 0 ? 0 : Math.floor((lineWidth - 1) / cols);
  if (lineWidth > 0 && cursorCells === lineWidth && lineWidth % cols === 0) {
    out += '\r\n';
    endRow++;
  }
  const cursorRow = Math.floor(cursorCells / cols);
  if (endRow > cursorRow) out += `\x1b[${endRow - cursorRow}A`;
  out += `\x1b[${(cursorCells % cols) + 1}G`;
  return { out, state: { cursorRow } };
}
