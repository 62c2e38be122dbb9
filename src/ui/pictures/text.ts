/*
 * How pictures show user bytes. Snapshots carry binary strings (one char per byte); a value that is
 * valid UTF-8 is shown decoded, anything else with \xNN escapes for bytes outside printable ASCII (as
 * redis-cli quotes them). Callers put the result into SVG/DOM as text (textContent), never as HTML.
 */
const decoder = new TextDecoder('utf-8', { fatal: true });

export function displayBytes(bin: string): string {
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0) & 0xff);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    text = escapeBytes(bytes);
  }
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : c;
  }
  return out;
}

function escapeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes)
    out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return out;
}

/** Shortens a label to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A score as Redis prints it in replies (shortest round-trip form, inf/-inf). */
export function formatScore(score: number): string {
  if (score === Infinity) return 'inf';
  if (score === -Infinity) return '-inf';
  return String(score);
}
