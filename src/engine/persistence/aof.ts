/*
 * The append-only file of one node (Redis 7.0's aof.c): a consumer of the propagation feed that
 * writes every propagated command, in RESP, to the current incr file of the multi-part AOF.
 *
 * States (aof_state): 'off'; 'on'; 'wait_rewrite' after CONFIG SET appendonly yes, until the first
 * rewrite finishes (meanwhile commands go to temp-<appendfilename>.incr, renamed into the manifest's
 * next incr file when the rewrite succeeds).
 *
 * Writing: feed() turns each operation into RESP text (with a SELECT when the db differs from the
 * last one written, Redis's aof_selected_db); commit(), called once the outermost command finished
 * propagating, appends the batch to the host and, under appendfsync always, asks for a durable sync
 * before the command's reply exists. everysec syncs from cron() once a second of clock time.
 *
 * The node mirrors the bytes of every AOF file it wrote or loaded (`files`), so DEBUG LOADAOF and the
 * rename of the temp incr file work without reading back from the host.
 * Background rewrites live in aof-rewrite-job.ts, loading at start in aof-startup.ts.
 */
import { type Bytes, concatBytes, unbin } from '../bytes.ts';
import type { PersistPort } from '../ports.ts';
import type { ServerNode } from '../server/node.ts';
import type { PropagationConsumer } from '../server/propagate.ts';
import { type AofManifest, emptyManifest, formatManifest } from './aof-manifest.ts';
import type { AofRewriteJob } from './aof-rewrite-job.ts';

export type AofState = 'off' | 'on' | 'wait_rewrite';

const sec = (ms: number): number => Math.floor(ms / 1000);

/** Writes ASCII text into `out` at `at`; returns the position after it. */
function putAscii(out: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
  return at;
}

/** catAppendOnlyGenericCommand: one command as a RESP array of bulk strings, as bytes. */
export function respCommand(argv: readonly Bytes[]): Bytes {
  const heads = argv.map((a) => `$${a.length}\r\n`);
  const top = `*${argv.length}\r\n`;
  let size = top.length;
  for (let k = 0; k < argv.length; k++) size += heads[k]!.length + argv[k]!.length + 2;
  const out = new Uint8Array(size);
  let at = putAscii(out, 0, top);
  for (let k = 0; k < argv.length; k++) {
    at = putAscii(out, at, heads[k]!);
    out.set(argv[k]!, at);
    at += argv[k]!.length;
    out[at++] = 13;
    out[at++] = 10;
  }
  return out;
}

export class AofPersistence implements PropagationConsumer {
  state: AofState = 'off';
  manifest: AofManifest = emptyManifest();
  /** Pending RESP text of the commands fed since the last commit (aof_buf). */
  private buf: Bytes[] = [];
  private bufLength = 0;
  selectedDb = -1;
  /** The running rewrite (child_type == CHILD_TYPE_AOF), set by aof-rewrite-job.ts. */
  child: AofRewriteJob | null = null;
  rewriteScheduled = false;
  lastRewriteOk = true;
  lastWriteOk = true;
  rewrites = 0;
  consecutiveFailures = 0;
  lastRewriteSeconds = -1;
  currentSize = 0;
  baseSize = 0;
  lastIncrSize = 0;
  lastFsyncMs = 0;
  /** aof_cur_timestamp: the second of the last "#TS:" annotation written. */
  lastTimestampSec = 0;
  /** Bytes of every AOF file by name (inside appenddirname), as this node wrote or loaded them. */
  readonly files = new Map<string, Bytes[]>();

  constructor(
    readonly node: ServerNode,
    readonly port: PersistPort | undefined,
  ) {}

  log(level: 'notice' | 'warning', line: string): void {
    this.port?.log?.(level, line);
  }

  get dirname(): string {
    return this.node.config.get('appenddirname');
  }

  get filename(): string {
    return this.node.config.get('appendfilename');
  }

  /** The file commands are appended to now (the temp incr while waiting for the first rewrite). */
  currentIncrName(): string | null {
    if (this.state === 'wait_rewrite') return `temp-${this.filename}.incr`;
    const last = this.manifest.incr[this.manifest.incr.length - 1];
    return this.state === 'on' && last ? last.name : null;
  }

  // ---- files, through the port and the mirror ----

  fileBytes(name: string): Bytes | undefined {
    const chunks = this.files.get(name);
    if (chunks === undefined) return undefined;
    if (chunks.length > 1) chunks.splice(0, chunks.length, concatBytes(chunks));
    return chunks[0] ?? new Uint8Array(0);
  }

  fileSize(name: string): number {
    return (this.files.get(name) ?? []).reduce((n, c) => n + c.length, 0);
  }

  /** Replaces a whole file (base files, a fresh incr file, the renamed temp incr). */
  writeFile(name: string, data: Bytes): boolean {
    if (this.port && !this.port.persist(`${this.dirname}/${name}`, data)) return false;
    this.files.set(name, [data]);
    return true;
  }

  removeFile(name: string): void {
    this.files.delete(name);
    this.port?.remove?.(`${this.dirname}/${name}`);
  }

  /** persistAofManifest: the manifest text, written atomically. */
  persistManifest(m: AofManifest = this.manifest): boolean {
    const name = `${this.filename}.manifest`;
    return this.writeFile(name, unbin(formatManifest(m)));
  }

  // ---- the propagation feed ----

  feed(dbId: number, argv: readonly Bytes[]): void {
    if (this.state === 'off' || (this.state === 'wait_rewrite' && this.child === null)) return;
    let text = this.timestampAnnotation(false);
    if (dbId !== this.selectedDb) {
      const id = String(dbId);
      text += `*2\r\n$6\r\nSELECT\r\n$${id.length}\r\n${id}\r\n`;
      this.selectedDb = dbId;
    }
    if (text !== '') this.pushBytes(unbin(text));
    this.pushBytes(respCommand(argv));
  }

  private pushBytes(b: Bytes): void {
    this.buf.push(b);
    this.bufLength += b.length;
  }

  /**
   * aof-timestamp-enabled: a "#TS:<unix seconds>" line before the first command of each new second
   * (genAofTimestampAnnotationIfNeeded); `force` writes one regardless (the start of a rewrite).
   */
  timestampAnnotation(force: boolean): string {
    if (!this.node.config.getBool('aof-timestamp-enabled')) return '';
    const now = sec(this.node.nowMs());
    if (!force && this.lastTimestampSec >= now) return '';
    this.lastTimestampSec = now;
    return `#TS:${now}\r\n`;
  }

  /** End of a propagated batch: write it, and sync it first under appendfsync always. */
  commit(): void {
    this.flush(false);
  }

  /** aof_buffer_length for INFO. */
  get bufferLength(): number {
    return this.bufLength;
  }

  /** flushAppendOnlyFile: appends the buffer to the current incr file. */
  flush(force: boolean): void {
    if (this.bufLength === 0) {
      if (force && this.node.config.get('appendfsync') === 'always') this.sync('always');
      return;
    }
    const name = this.currentIncrName();
    const data = this.buf.length === 1 ? this.buf[0]! : concatBytes(this.buf);
    this.buf = [];
    this.bufLength = 0;
    if (name === null) return;
    const ok = this.port?.append ? this.port.append(`${this.dirname}/${name}`, data) : true;
    if (!ok) {
      this.lastWriteOk = false;
      this.log('warning', 'Error writing to the AOF file: Input/output error');
      return;
    }
    this.lastWriteOk = true;
    const chunks = this.files.get(name);
    if (chunks) chunks.push(data);
    else this.files.set(name, [data]);
    this.currentSize += data.length;
    this.lastIncrSize += data.length;
    if (this.node.config.get('appendfsync') === 'always') this.sync('always');
  }

  sync(mode: 'always' | 'everysec'): void {
    const name = this.currentIncrName();
    if (name !== null) this.port?.sync?.(`${this.dirname}/${name}`, mode);
    this.lastFsyncMs = this.node.nowMs();
  }

  /** serverCron's AOF part (the rewrite's own progress is in aof-rewrite-job.ts). */
  cronFsync(): void {
    if (this.state === 'off') return;
    this.flush(false);
    if (this.node.config.get('appendfsync') === 'everysec' && this.node.nowMs() - this.lastFsyncMs >= 1000) {
      this.sync('everysec');
    }
  }

  /** stopAppendOnly (CONFIG SET appendonly no, or a failed start). */
  stop(): void {
    if (this.state === 'off') return;
    this.flush(true);
    this.sync('everysec');
    this.state = 'off';
    this.selectedDb = -1;
    this.rewriteScheduled = false;
    this.lastIncrSize = 0;
    this.child?.kill();
    this.buf = [];
    this.bufLength = 0;
  }

  /** The AOF lines of INFO persistence, in Redis's order. */
  infoFields(): [string, string | number][] {
    const now = this.node.nowMs();
    const fields: [string, string | number][] = [
      ['aof_enabled', this.state === 'off' ? 0 : 1],
      ['aof_rewrite_in_progress', this.child === null ? 0 : 1],
      ['aof_rewrite_scheduled', this.rewriteScheduled ? 1 : 0],
      ['aof_last_rewrite_time_sec', this.lastRewriteSeconds],
      ['aof_current_rewrite_time_sec', this.child === null ? -1 : sec(now) - sec(this.child.startMs)],
      ['aof_last_bgrewrite_status', this.lastRewriteOk ? 'ok' : 'err'],
      ['aof_rewrites', this.rewrites],
      ['aof_rewrites_consecutive_failures', this.consecutiveFailures],
      ['aof_last_write_status', this.lastWriteOk ? 'ok' : 'err'],
      ['aof_last_cow_size', 0],
      ['module_fork_in_progress', 0],
      ['module_fork_last_cow_size', 0],
    ];
    if (this.node.config.getBool('appendonly')) {
      fields.push(
        ['aof_current_size', this.currentSize],
        ['aof_base_size', this.baseSize],
        ['aof_pending_rewrite', this.rewriteScheduled ? 1 : 0],
        ['aof_buffer_length', this.bufLength],
        ['aof_pending_bio_fsync', 0],
        ['aof_delayed_fsync', 0],
      );
    }
    return fields;
  }
}
