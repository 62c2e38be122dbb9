/*
 * LATENCY GRAPH's text: a header line, a rule of 80 dashes, then the samples drawn as a filled ASCII
 * sparkline (Redis's sparkline.c with SPARKLINE_FILL, 4 rows, 80 columns per band).
 *
 * Drawing rules, as Redis renders them:
 *   - 4 rows of 3 levels each ("_", "o", "#"; "|" fills the rows below a sample's top); a sample's
 *     level is trunc(trunc((value - min) * 12) / (max - min)) clamped to 0..11 (range 1 when flat).
 *   - Under the chart, after one blank spacer line, each sample's label ("12s", "3m", "2h", "1d": its
 *     age) is written vertically, one character per line, until the longest label ends.
 *   - More than 80 samples make several bands, separated by an empty line.
 */
import type { LatencySample, LatencyTimeSeries } from '../../server/latency-monitor.ts';

const GRAPH_COLUMNS = 80;
const GRAPH_ROWS = 4;
const FILL_CHARS = '_o#';

interface Point {
  value: number;
  label: string;
}

function ageLabel(elapsedS: number): string {
  if (elapsedS < 60) return `${elapsedS}s`;
  if (elapsedS < 3600) return `${Math.trunc(elapsedS / 60)}m`;
  if (elapsedS < 86400) return `${Math.trunc(elapsedS / 3600)}h`;
  return `${Math.trunc(elapsedS / 86400)}d`;
}

function renderBand(points: Point[], min: number, max: number): string {
  const steps = FILL_CHARS.length * GRAPH_ROWS;
  const range = max - min === 0 ? 1 : max - min;
  const levels = points.map((p) => {
    const step = Math.trunc(Math.trunc((p.value - min) * steps) / range);
    return Math.min(steps - 1, Math.max(0, step));
  });
  let out = '';
  for (let row = 0; row < GRAPH_ROWS; row++) {
    let line = '';
    for (const step of levels) {
      const idx = step - (GRAPH_ROWS - row - 1) * FILL_CHARS.length;
      line += idx >= 0 && idx < FILL_CHARS.length ? FILL_CHARS[idx] : idx >= FILL_CHARS.length ? '|' : ' ';
    }
    out += line + '\n';
  }
  out += ' '.repeat(points.length) + '\n';
  const longest = Math.max(...points.map((p) => p.label.length));
  for (let k = 0; k < longest; k++) out += points.map((p) => p.label[k] ?? ' ').join('') + '\n';
  return out;
}

/** The whole LATENCY GRAPH reply text for `event`. */
export function latencyGraph(event: string, ts: LatencyTimeSeries, nowS: number): string {
  const samples: LatencySample[] = ts.history();
  const points = samples.map((s) => ({ value: s.latencyMs, label: ageLabel(nowS - s.timeS) }));
  let low = 0;
  let high = 0;
  if (points.length) {
    low = Math.min(...points.map((p) => p.value));
    high = Math.max(...points.map((p) => p.value));
  }
  let out = `${event} - high ${high} ms, low ${low} ms (all time high ${ts.max} ms)\n`;
  out += '-'.repeat(GRAPH_COLUMNS) + '\n';
  for (let j = 0; j < points.length; j += GRAPH_COLUMNS) {
    if (j !== 0) out += '\n';
    out += renderBand(points.slice(j, j + GRAPH_COLUMNS), low, high);
  }
  return out;
}
