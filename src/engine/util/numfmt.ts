/*
 * Number formatting as C's printf does it in Redis: "%.17g" (RESP doubles, INCRBYFLOAT's shortest form
 * comes elsewhere) and helpers. JS's toPrecision gives the same digits as glibc for a given precision
 * (both round the exact binary value correctly), so %g is toPrecision plus %g's layout rules:
 * exponent form when exp < -4 or exp >= precision, trailing zeros removed, exponent at least 2 digits.
 */

export function formatG(d: number, precision = 17): string {
  if (Number.isNaN(d)) return 'nan';
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  // toExponential gives the exact exponent after rounding to `precision` significant digits.
  const e = d.toExponential(precision - 1);
  const [mant, expStr] = e.split('e') as [string, string];
  const x = Number(expStr);
  if (x < -4 || x >= precision) {
    const m = stripZeros(mant);
    const sign = x < 0 ? '-' : '+';
    const ax = Math.abs(x);
    return `${m}e${sign}${ax < 10 ? '0' : ''}${ax}`;
  }
  return stripZeros(d.toFixed(Math.max(0, precision - 1 - x)));
}

function stripZeros(s: string): string {
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}
