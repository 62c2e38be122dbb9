/*
 * C's printf "%.17g", which Redis 7.0 uses to send RESP3 doubles and redis-cli prints verbatim after
 * "(double) ". The worker hands us the number, not Redis's text, so we rebuild the text here.
 * toExponential(16) rounds to 17 significant digits exactly as glibc does (both round the exact binary
 * value); %g then picks fixed or exponent layout and strips trailing zeros.
 */

export function formatDouble17g(d: number): string {
  if (Number.isNaN(d)) return 'nan';
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  const [mantissa, expText] = d.toExponential(16).split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 17) {
    const abs = Math.abs(exp);
    return `${stripTrailingZeros(mantissa)}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  return stripTrailingZeros(d.toFixed(16 - exp));
}

function stripTrailingZeros(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}
