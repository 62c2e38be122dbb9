/*
 * The node's persistence files (dump.rdb, the AOF manifest, base and incr files) kept in memory and
 * written through to a KvStore (IndexedDB) the way a disk behaves under Redis:
 *
 * - `current` is what the server has written: whole files replaced by put(), appends, removals. It is
 *   the page cache: reads see it at once.
 * - `durable` is what has been handed to storage ("fsynced"): put() and remove() are synced at once
 *   (Redis fsyncs an RDB or a manifest before renaming it into place); appends wait in `pending` until
 *   the next sync() (appendfsync always: after every write command; everysec: once a second; no: when
 *   the host decides, like the kernel's writeback).
 * - crash() forgets `pending`: current falls back to durable. That is the "crash and restart" button:
 *   an RDB-only server loses everything since its last save, AOF everysec up to a second, AOF always
 *   nothing that was acknowledged.
 *
 * Storage layout: a whole file is the record "f:<name>"; each synced batch of appends to a file adds
 * "c:<name>#<seq>" (seq zero-padded, so records sort in append order). A file is its f: record (or
 * nothing) followed by its chunks. When a file gathers more than MAX_CHUNKS chunks, the next sync
 * writes it whole and deletes them, in the same transaction, so record counts stay bounded.
 *
 * Syncs become commits chained one after the other (a failed commit does not stop the next); waiting
 * on durable() waits for every commit issued so far. Without a KvStore (a follower tab, no IndexedDB)
 * syncs only move data from pending to durable.
 */
import type { KvOp, KvStore } from './persist-kv.ts';

export const MAX_CHUNKS = 64;
/** Files under this prefix are the host's own (the shutdown snapshot), never shown as server files. */
export const HOST_PREFIX = '.host/';

type FileOp =
  | { kind: 'put'; name: string; data: Uint8Array }
  | { kind: 'append'; name: string; data: Uint8Array }
  | { kind: 'remove'; name: string };

interface Content {
  parts: Uint8Array[];
  size: number;
}

export interface FilesHooks {
  /** A commit failed: `e` is the storage's error. */
  onError(e: unknown): void;
  /** A commit succeeded. */
  onCommitted?(): void;
}

export class PersistFiles {
  private current = new Map<string, Content>();
  private durable = new Map<string, Content>();
  private pending: FileOp[] = [];
  /** Chunk record keys stored per file, in order, and the next chunk number per file. */
  private chunks = new Map<string, string[]>();
  private nextSeq = new Map<string, number>();
  private tail: Promise<void> = Promise.resolve();
  private flushQueued = false;
  /** Commits issued and not yet settled. */
  inFlight = 0;

  constructor(
    private readonly kv: KvStore | null,
    private readonly hooks: FilesHooks,
  ) {}

  /** Reads every file from storage (start, or a follower re-reading the writer's files). */
  static async load(kv: KvStore, into: PersistFiles): Promise<PersistFiles> {
    const records = (await kv.entries()).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const bases = new Map<string, Uint8Array>();
    const chunks = new Map<string, [string, Uint8Array][]>();
    for (const [key, value] of records) {
      if (key.startsWith('f:')) bases.set(key.slice(2), value);
      else if (key.startsWith('c:')) {
        const name = key.slice(2, key.lastIndexOf('#'));
        chunks.set(name, [...(chunks.get(name) ?? []), [key, value]]);
      }
    }
    for (const name of new Set([...bases.keys(), ...chunks.keys()])) {
      const base = bases.get(name);
      const c: Content = base ? { parts: [base], size: base.length } : { parts: [], size: 0 };
      const list = chunks.get(name) ?? [];
      for (const [, value] of list) {
        c.parts.push(value);
        c.size += value.length;
      }
      into.durable.set(name, c);
      if (list.length > 0) {
        const last = list[list.length - 1]![0];
        into.chunks.set(
          name,
          list.map(([k]) => k),
        );
        into.nextSeq.set(name, Number(last.slice(last.lastIndexOf('#') + 1)) + 1);
      }
    }
    into.current = cloneFiles(into.durable);
    return into;
  }

  /** The whole file as the server sees it now (pending appends included). */
  read(name: string): Uint8Array | undefined {
    const c = this.current.get(name);
    return c && joined(c);
  }

  /** The file as a restart would find it (durable content only). */
  readDurable(name: string): Uint8Array | undefined {
    const c = this.durable.get(name);
    return c && joined(c);
  }

  /** Durable files (name and size), host files excluded, sorted by name. */
  listDurable(): { name: string; size: number }[] {
    return [...this.durable]
      .filter(([name]) => !name.startsWith(HOST_PREFIX))
      .map(([name, c]) => ({ name, size: c.size }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  hasUnsynced(): boolean {
    return this.pending.length > 0;
  }

  /** Replaces a whole file; synced at once. */
  put(name: string, data: Uint8Array): void {
    const copy = data.slice();
    this.current.set(name, { parts: [copy], size: copy.length });
    this.pending.push({ kind: 'put', name, data: copy });
    this.flushSoon();
  }

  /** Adds bytes at the end of a file; durable only after the next sync. */
  append(name: string, data: Uint8Array): void {
    if (data.length === 0) return;
    const copy = data.slice();
    const c = this.current.get(name) ?? { parts: [], size: 0 };
    c.parts.push(copy);
    c.size += copy.length;
    this.current.set(name, c);
    this.pending.push({ kind: 'append', name, data: copy });
  }

  /** Deletes a file (missing is fine); synced at once. */
  remove(name: string): void {
    this.current.delete(name);
    this.pending.push({ kind: 'remove', name });
    this.flushSoon();
  }

  /** Hands everything pending to storage now; resolves when all commits so far have settled. */
  sync(): Promise<void> {
    this.flushQueued = false;
    if (this.pending.length > 0) this.issue(this.pending.splice(0));
    return this.tail;
  }

  /** Resolves when every commit issued so far has settled (never rejects). */
  durableNow(): Promise<void> {
    return this.tail;
  }

  /** A crash: appends not yet synced are lost; the server's view falls back to what storage has. */
  crash(): void {
    this.pending = [];
    this.flushQueued = false;
    this.current = cloneFiles(this.durable);
  }

  /** Batches the syncs of one synchronous run of the engine into one commit. */
  private flushSoon(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      if (this.flushQueued) void this.sync();
    });
  }

  private issue(ops: FileOp[]): void {
    const kvOps: KvOp[] = [];
    for (const op of ops) this.applyDurable(op, kvOps);
    this.compact(ops, kvOps);
    const kv = this.kv;
    if (kv === null) return;
    this.inFlight++;
    this.tail = this.tail.then(() =>
      kv.commit(kvOps).then(
        () => {
          this.inFlight--;
          this.hooks.onCommitted?.();
        },
        (e: unknown) => {
          this.inFlight--;
          this.hooks.onError(e);
        },
      ),
    );
  }

  private applyDurable(op: FileOp, kvOps: KvOp[]): void {
    const dropChunks = (): void => {
      for (const key of this.chunks.get(op.name) ?? []) kvOps.push({ kind: 'del', key });
      this.chunks.delete(op.name);
    };
    if (op.kind === 'put') {
      dropChunks();
      this.durable.set(op.name, { parts: [op.data], size: op.data.length });
      kvOps.push({ kind: 'put', key: `f:${op.name}`, value: op.data });
    } else if (op.kind === 'remove') {
      dropChunks();
      this.durable.delete(op.name);
      kvOps.push({ kind: 'del', key: `f:${op.name}` });
    } else {
      const seq = this.nextSeq.get(op.name) ?? 0;
      this.nextSeq.set(op.name, seq + 1);
      const key = `c:${op.name}#${String(seq).padStart(12, '0')}`;
      const c = this.durable.get(op.name) ?? { parts: [], size: 0 };
      c.parts.push(op.data);
      c.size += op.data.length;
      this.durable.set(op.name, c);
      this.chunks.set(op.name, [...(this.chunks.get(op.name) ?? []), key]);
      kvOps.push({ kind: 'put', key, value: op.data });
    }
  }

  /** Files of this batch with too many chunks are rewritten whole in the same commit. */
  private compact(ops: FileOp[], kvOps: KvOp[]): void {
    const names = new Set(ops.filter((o) => o.kind === 'append').map((o) => o.name));
    for (const name of names) {
      const keys = this.chunks.get(name) ?? [];
      const c = this.durable.get(name);
      if (keys.length <= MAX_CHUNKS || c === undefined) continue;
      const whole = joined(c);
      this.durable.set(name, { parts: [whole], size: whole.length });
      for (const key of keys) kvOps.push({ kind: 'del', key });
      kvOps.push({ kind: 'put', key: `f:${name}`, value: whole });
      this.chunks.delete(name);
    }
  }
}

function joined(c: Content): Uint8Array {
  if (c.parts.length === 1) return c.parts[0]!;
  const out = new Uint8Array(c.size);
  let at = 0;
  for (const p of c.parts) {
    out.set(p, at);
    at += p.length;
  }
  c.parts = [out];
  return out;
}

function cloneFiles(files: Map<string, Content>): Map<string, Content> {
  const out = new Map<string, Content>();
  for (const [name, c] of files) out.set(name, { parts: [...c.parts], size: c.size });
  return out;
}
