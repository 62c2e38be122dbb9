/*
 * MONITOR (Redis's replicationFeedMonitors, called at the end of call()): every command a client runs
 * is shown to the monitor clients as one simple string
 *
 *     <unix seconds>.<microseconds, 6 digits> [<db> <client addr>] "arg" "arg" ...
 *
 * with each argument quoted as sds's sdscatrepr does. The db is the client's database after the
 * command ran (SELECT shows its new db). Only commands that reach call() are shown: queued commands
 * when EXEC runs them (followed by the EXEC itself), not when MULTI queues them; nothing for unknown
 * commands or arity errors. Administrative commands and those flagged skip_monitor (EVAL, FCALL, whose
 * inner calls Redis shows instead) are never shown. Secrets are replaced by "(redacted)" as Redis's
 * redactClientCommandArgument does for AUTH, HELLO ... AUTH and MIGRATE ... AUTH/AUTH2.
 *
 * Monitor clients are kept in the order they issued MONITOR; they leave only by disconnecting or RESET.
 */
import { bin, type Bytes, lowerBin, utf8 } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import { type Reply, simple } from '../resp/reply.ts';
import type { Client } from './client.ts';
import type { ServerNode } from './node.ts';

const REDACTED = utf8('(redacted)');

export class MonitorRegistry {
  private readonly monitors = new Set<Client>();
  /** Lines about a monitor's own command: written after that command's reply, as in Redis. */
  private readonly ownLines: { client: Client; line: Reply }[] = [];

  constructor(private readonly node: ServerNode) {
    node.resetClientHooks.push((c) => this.forget(c));
  }

  get count(): number {
    return this.monitors.size;
  }

  isMonitor(c: Client): boolean {
    return this.monitors.has(c);
  }

  add(c: Client): void {
    this.monitors.add(c);
    c.flags.add('monitor');
  }

  /** Disconnection or RESET. */
  forget(c: Client): void {
    if (this.monitors.delete(c)) c.flags.delete('monitor');
  }

  /** After a command ran through call(): one line to every monitor. */
  feed(c: Client, cmd: Command, argv: readonly Bytes[]): void {
    if (this.monitors.size === 0) return;
    const flags = cmd.spec.flags;
    if (flags.includes('admin') || flags.includes('skip_monitor')) return;
    const line = monitorLine(this.node.clock.nowUs(), c.db.id, c.address.addr, redactArgs(cmd, argv));
    const r = simple(line);
    for (const m of this.monitors) {
      if (m === c) this.ownLines.push({ client: m, line: r });
      else write(m, r);
    }
  }

  /** After the request's reply: the held lines of monitors about their own commands. */
  flushOwnLines(): void {
    if (this.ownLines.length === 0) return;
    for (const { client, line } of this.ownLines.splice(0)) write(client, line);
  }
}

function write(m: Client, r: Reply): void {
  if (!m.closed && !m.replyOff) m.sink.write(r);
}

/** A monitor client is a replica to Redis: commands that read or write keys are refused. */
export function monitorTouchesKeyspace(c: Client, cmd: Command): boolean {
  if (!c.flags.has('monitor')) return false;
  const f = cmd.spec.flags;
  return f.includes('readonly') || f.includes('write') || f.includes('may_replicate');
}

/** The line without its "+" and CRLF (the encoder adds them). */
export function monitorLine(nowUs: number, db: number, addr: string, argv: readonly Bytes[]): string {
  const sec = Math.floor(nowUs / 1e6);
  const usec = String(nowUs - sec * 1e6).padStart(6, '0');
  return `${sec}.${usec} [${db} ${addr}] ${argv.map(quoteRepr).join(' ')}`;
}

/** sdscatrepr as a binary string: quotes, C escapes, \xHH for bytes outside printable ASCII. */
export function quoteRepr(b: Bytes): string {
  let s = '"';
  for (const byte of b) {
    if (byte === 0x5c || byte === 0x22) s += '\\' + String.fromCharCode(byte);
    else if (byte === 0x0a) s += '\\n';
    else if (byte === 0x0d) s += '\\r';
    else if (byte === 0x09) s += '\\t';
    else if (byte === 0x07) s += '\\a';
    else if (byte === 0x08) s += '\\b';
    else if (byte >= 0x20 && byte <= 0x7e) s += String.fromCharCode(byte);
    else s += '\\x' + byte.toString(16).padStart(2, '0');
  }
  return s + '"';
}

/** The argument positions Redis redacts while parsing these commands. */
export function redactArgs(cmd: Command, argv: readonly Bytes[]): readonly Bytes[] {
  const hidden = redactedPositions(cmd.fullName, argv);
  if (hidden.length === 0) return argv;
  const out = [...argv];
  for (const i of hidden) out[i] = REDACTED;
  return out;
}

function redactedPositions(name: string, argv: readonly Bytes[]): number[] {
  if (name === 'auth') return argv.length === 2 ? [1] : argv.length === 3 ? [1, 2] : [];
  if (name === 'hello') return helloPositions(argv);
  if (name === 'migrate') return migratePositions(argv);
  if (name === 'acl|setuser') return argv.slice(2).map((_, i) => i + 2);
  return [];
}

/** HELLO's option loop: AUTH user pass is redacted as it is met; parsing stops at an unknown option. */
function helloPositions(argv: readonly Bytes[]): number[] {
  const out: number[] = [];
  const ver = argv.length >= 2 ? bin(argv[1]!) : '';
  if (ver !== '2' && ver !== '3') return out;
  for (let j = 2; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = lowerBin(argv[j]!);
    if (opt === 'auth' && more >= 2) {
      out.push(j + 1, j + 2);
      j += 2;
    } else if (opt === 'setname' && more) j++;
    else break;
  }
  return out;
}

/** MIGRATE's option loop (from argument 6): AUTH password, AUTH2 username password. */
function migratePositions(argv: readonly Bytes[]): number[] {
  const out: number[] = [];
  for (let j = 6; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = lowerBin(argv[j]!);
    if (opt === 'auth' && more) out.push(++j);
    else if (opt === 'auth2' && more >= 2) out.push(++j, ++j);
    else if (opt !== 'copy' && opt !== 'replace') break;
  }
  return out;
}
