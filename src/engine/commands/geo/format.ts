/*
 * Number texts of the geo replies, as Redis's C formatting produces them:
 *   - distances: fixedpoint_d2string with 4 decimals (llrint of d*10^4, so ties go to even);
 *   - coordinates: addReplyHumanLongDouble, "%.17Lf" of the double with trailing zeros (and a trailing
 *     point) removed; JS's toFixed also uses the exact binary value, so the digits agree;
 *   - the invalid-position error: "%f" (6 decimals; inf/nan spelled as C does).
 */

/** llrint in the default rounding mode (to nearest, ties to even). */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** fixedpoint_d2string(d, 4). */
export function fixed4(d: number): string {
  if (d === 0) return '0.0000';
  const v = rint(d * 10000);
  const neg = v < 0;
  const digits = String(Math.abs(v)).padStart(5, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`;
}

/** "%.17Lf" with trailing zeros trimmed (LD_STR_HUMAN). */
export function humanDouble(d: number): string {
  let s = d.toFixed(17);
  if (s.includes('.')) {
    s = s.replace(/0+$/, '');
    if (s.endsWith('.')) s = s.slice(0, -1);
  }
  return s === '-0' ? '-0' : s;
}

/** C's "%f". */
export function printfF(d: number): string {
  if (Number.isNaN(d)) return d < 0 ? '-nan' : 'nan';
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  const neg = d < 0 || Object.is(d, -0);
  const a = Math.abs(d);
  const body = a < 1e21 ? a.toFixed(6) : `${BigInt(a).toString()}.000000`;
  return neg ? `-${body}` : body;
}
