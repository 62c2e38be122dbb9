/*
 * The lab's log as text: each request's commands as a user would type them into redis-cli and the
 * replies exactly as redis-cli prints them (the console's own formatter), newest request last. Only
 * the newest LOG_REQUESTS_MAX requests with commands are kept. Long arguments (the token bucket's
 * Lua script) are clipped to one readable line; the full text stays in the command's title.
 */
import type { RateLimitRecord } from '../../protocol/ratelimit.ts';
import { formatReply, quoteBytes } from '../cli/format.ts';

export const LOG_REQUESTS_MAX = 30;
export const ARG_CHARS_MAX = 48;

export interface LogCommand {
  /** The command line, arguments quoted when needed and clipped. */
  line: string;
  /** The whole command line, unclipped. */
  full: string;
  /** The reply's lines as redis-cli prints them ("(no reply)" when none came). */
  reply: string[];
}

export interface LogEntry {
  seq: number;
  atMs: number;
  allowed: boolean;
  count: number;
  limit: number;
  commands: LogCommand[];
}

const encoder = new TextEncoder();

/** An argument as redis-cli's input would need it: bare when safe, else double-quoted with escapes. */
export function quoteArg(arg: string): string {
  return /^[!#-[\]-~]+$/.test(arg) && !arg.startsWith("'") ? arg : quoteBytes(encoder.encode(arg));
}

export function commandLine(argv: readonly string[], clip = true): string {
  return argv
    .map((a) => {
      const q = quoteArg(a);
      return clip && q.length > ARG_CHARS_MAX ? `${q.slice(0, ARG_CHARS_MAX - 2)}…"` : q;
    })
    .join(' ');
}

/** The log's entries from the newest records that carry their commands. */
export function logEntries(records: readonly RateLimitRecord[], max = LOG_REQUESTS_MAX): LogEntry[] {
  const withCommands = records.filter((r) => r.commands.length > 0).slice(-max);
  return withCommands.map((r) => ({
    seq: r.seq,
    atMs: r.atMs,
    allowed: r.allowed,
    count: r.count,
    limit: r.limit,
    commands: r.commands.map((c) => ({
      line: commandLine(c.argv),
      full: commandLine(c.argv, false),
      reply: c.reply ? formatReply(c.reply).replace(/\n$/, '').split('\n') : ['(no reply)'],
    })),
  }));
}
