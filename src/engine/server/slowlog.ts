/*
 * The slow log (Redis's slowlog.c): the latest commands whose execution took at least
 * slowlog-log-slower-than microseconds, newest first, at most slowlog-max-len of them.
 *
 * What an entry keeps, as Redis 7.0 does:
 *   - id (from a counter that RESET does not rewind), unix time in seconds, duration in µs;
 *   - the arguments, at most 32: with more, the 32nd becomes "... (N more arguments)"; each argument
 *     longer than 128 bytes is cut to 128 bytes plus "... (N more bytes)";
 *   - the client's address (ip:port) and name ("" when unnamed).
 * Secrets are never stored: arguments Redis redacts while running AUTH, HELLO ... AUTH, MIGRATE ...
 * AUTH/AUTH2, ACL SETUSER and CONFIG SET of a sensitive parameter read "(redacted)" (monitor.ts knows
 * the first three). Commands flagged skip_slowlog (EXEC) are not logged; the commands EXEC runs are.
 * A command that blocks is logged when it is served, with its full duration (updateStatsOnUnblock).
 */
import { type Bytes, lowerBin, utf8 } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import type { Client } from './client.ts';
import { followConfig } from './latency-monitor.ts';
import { redactArgs } from './monitor.ts';
import type { ServerNode } from './node.ts';

export const SLOWLOG_ENTRY_MAX_ARGC = 32;
export const SLOWLOG_ENTRY_MAX_STRING = 128;

const REDACTED = utf8('(redacted)');

export interface SlowlogEntry {
  id: number;
  timeS: number;
  durationUs: number;
  argv: Bytes[];
  peer: string;
  clientName: Bytes;
}

export class SlowLog {
  /** Newest first. */
  entries: SlowlogEntry[] = [];
  private nextId = 0;
  /** slowlog-log-slower-than (µs; negative disables the log) and slowlog-max-len, kept in step. */
  private slowerThanUs = 10000;
  private maxLen = 128;

  constructor(private readonly node: ServerNode) {
    followConfig(node, 'slowlog-log-slower-than', (v) => (this.slowerThanUs = Number(v)));
    followConfig(node, 'slowlog-max-len', (v) => (this.maxLen = Number(v)));
  }

  /** slowlogPushCurrentCommand: logs `argv` of `cmd` if the threshold says so, then trims the log. */
  pushIfNeeded(c: Client, cmd: Command, argv: readonly Bytes[], durationUs: number): void {
    if (cmd.spec.flags.includes('skip_slowlog')) return;
    if (this.slowerThanUs < 0) return;
    if (durationUs >= this.slowerThanUs) {
      this.entries.unshift(this.makeEntry(c, redactSecrets(this.node, cmd, argv), durationUs));
    }
    if (this.entries.length > this.maxLen) this.entries.length = this.maxLen;
  }

  reset(): void {
    this.entries = [];
  }

  private makeEntry(c: Client, argv: readonly Bytes[], durationUs: number): SlowlogEntry {
    return {
      id: this.nextId++,
      timeS: Math.floor(this.node.nowMs() / 1000),
      durationUs,
      argv: trimArguments(argv),
      // Clients without a connection (the scripting client) show Redis's placeholder peer.
      peer: this.node.clients.get(c.id) === c ? c.address.addr : '?:0',
      clientName: c.name ?? new Uint8Array(0),
    };
  }
}

/** The argument vector as an entry stores it: at most 32 arguments of at most 128 bytes (+ a note). */
export function trimArguments(argv: readonly Bytes[]): Bytes[] {
  const argc = Math.min(argv.length, SLOWLOG_ENTRY_MAX_ARGC);
  const out: Bytes[] = [];
  for (let j = 0; j < argc; j++) {
    if (argc !== argv.length && j === argc - 1) {
      out.push(utf8(`... (${argv.length - argc + 1} more arguments)`));
      continue;
    }
    const a = argv[j]!;
    if (a.length <= SLOWLOG_ENTRY_MAX_STRING) {
      out.push(a.slice());
      continue;
    }
    const note = utf8(`... (${a.length - SLOWLOG_ENTRY_MAX_STRING} more bytes)`);
    const cut = new Uint8Array(SLOWLOG_ENTRY_MAX_STRING + note.length);
    cut.set(a.subarray(0, SLOWLOG_ENTRY_MAX_STRING));
    cut.set(note, SLOWLOG_ENTRY_MAX_STRING);
    out.push(cut);
  }
  return out;
}

/**
 * The arguments with secrets replaced, as Redis's redactClientCommandArgument leaves them: MONITOR's
 * rules plus ACL SETUSER (every argument after the subcommand) and CONFIG SET (the value of each
 * sensitive parameter; all pairs are checked even when the command fails).
 */
export function redactSecrets(node: ServerNode, cmd: Command, argv: readonly Bytes[]): readonly Bytes[] {
  if (cmd.fullName === 'acl|setuser') return argv.map((a, i) => (i >= 2 ? REDACTED : a));
  if (cmd.fullName === 'config|set') {
    if (argv.length % 2 === 1) return argv; // refused before any pair is looked at
    const out = [...argv];
    for (let i = 2; i + 1 < argv.length; i += 2) {
      if (node.config.param(lowerBin(argv[i]!))?.sensitive) out[i + 1] = REDACTED;
    }
    return out;
  }
  return redactArgs(cmd, argv);
}
