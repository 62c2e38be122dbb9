/*
 * redis-cli prints a few commands' replies raw even in interactive mode (INFO, CLIENT LIST, LOLWUT,
 * MEMORY DOCTOR, ...): their text is meant for people, so quoting it would garble it. Raw output
 * writes strings and statuses as they are, errors without "(error) ", integers bare, nothing for nil,
 * and joins aggregate elements with newlines (a map pair as "key value"). Nothing is appended.
 */
import type { WireReply } from '../../protocol/reply.ts';
import { formatDouble17g } from './numfmt.ts';

function binary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

export function formatReplyRaw(r: WireReply): string {
  switch (r.t) {
    case 'nil':
    case 'nilarray':
      return '';
    case 'error':
      return r.s + '\n';
    case 'simple':
      return r.s;
    case 'bulk':
    case 'verbatim':
      return binary(r.b);
    case 'bool':
      return r.v ? '(true)' : '(false)';
    case 'int':
      return r.n.toString();
    case 'double':
      return formatDouble17g(r.d);
    case 'bignum':
      return r.s;
    case 'array':
    case 'set':
    case 'push':
      return r.a.map(formatReplyRaw).join('\n');
    case 'map':
      return r.m.map(([k, v]) => `${formatReplyRaw(k)} ${formatReplyRaw(v)}`).join('\n');
  }
}

const eq = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b;

/** Whether redis-cli shows this command's reply raw (argv as binary strings). */
export function isRawOutputCommand(argv: readonly string[]): boolean {
  const [cmd, sub] = argv;
  const n = argv.length;
  if (eq(cmd, 'info') || eq(cmd, 'lolwut')) return true;
  if (n < 2) return false;
  if (eq(cmd, 'debug')) return ['htstats', 'htstats-key', 'client-eviction'].some((s) => eq(sub, s));
  if (eq(cmd, 'memory')) return eq(sub, 'malloc-stats') || eq(sub, 'doctor');
  if (eq(cmd, 'cluster')) return n === 2 && (eq(sub, 'nodes') || eq(sub, 'info'));
  if (eq(cmd, 'client')) return eq(sub, 'list') || eq(sub, 'info');
  if (eq(cmd, 'latency')) return (n === 3 && eq(sub, 'graph')) || (n === 2 && eq(sub, 'doctor'));
  return eq(cmd, 'proxy') && eq(sub, 'info');
}
