/*
 * RDB persistence of one node: SAVE, BGSAVE, save points, DEBUG RELOAD and loading at start, with the
 * counters INFO persistence reports (Redis's rdbSave / rdbSaveBackground / backgroundSaveDoneHandler
 * and the save-point check of serverCron).
 *
 * There is no fork. A background save serialises the dataset at once, which gives the child's
 * copy-on-write view for free (later writes cannot reach the bytes), then "runs" for a simulated time
 * on the node clock: 1 ms plus rdb-key-save-delay microseconds per key, as Redis's child sleeps that
 * long per key. cron() finishes it once that time has passed, like checkChildrenDone: the bytes go to
 * the host, dirty drops by what it was when the save started, LASTSAVE moves.
 *
 * Bytes leave through the host's PersistPort (persist(name, bytes), written atomically by the host).
 * The node also keeps the last file it wrote or loaded (`fileBytes`), which is what DEBUG RELOAD
 * NOSAVE reads back: this node is the only writer of its dbfilename.
 *
 * Times Redis keeps in seconds (lastsave, lastbgsave_try, rdb_save_time_start) are compared here in
 * whole seconds of the node clock too, so save points fire on the same ticks as in Redis.
 */
import type { PersistPort } from '../ports.ts';
import type { ServerNode } from '../server/node.ts';
import { RdbFormatError } from './rdb-io.ts';
import { readRdbFile, writeRdbFile } from './rdb-file.ts';
import { loadContextOf, loadIntoNode, snapshotNode, writeOptionsOf } from './snapshot.ts';

/** CONFIG_BGSAVE_RETRY_DELAY: seconds before a failed background save is retried by save points. */
const BGSAVE_RETRY_DELAY_SEC = 5;

interface BackgroundSave {
  bytes: Uint8Array;
  startMs: number;
  endMs: number;
  dirtyBefore: number;
}

export interface ReloadOptions {
  save: boolean;
  flush: boolean;
  merge: boolean;
}

const sec = (ms: number): number => Math.floor(ms / 1000);

export class RdbPersistence {
  /** The background save in progress, if any (rdb_bgsave_in_progress). */
  child: BackgroundSave | null = null;
  /** BGSAVE SCHEDULE (or BGSAVE inside EXEC) waiting for cron (rdb_bgsave_scheduled). */
  scheduled = false;
  lastBgsaveOk = true;
  lastBgsaveTryMs = 0;
  /** rdb_last_bgsave_time_sec: -1 until a background save finished. */
  lastBgsaveSeconds = -1;
  /** stat_rdb_saves: SAVE and background saves started. */
  saves = 0;
  lastLoadKeysLoaded = 0;
  lastLoadKeysExpired = 0;
  /** The content of dbfilename as this node last wrote or loaded it. */
  fileBytes: Uint8Array | undefined;

  constructor(
    private readonly node: ServerNode,
    private readonly port: PersistPort | undefined,
  ) {}

  private log(level: 'notice' | 'warning', line: string): void {
    this.port?.log?.(level, line);
  }

  /** The dataset as file bytes, or undefined (logged) if some value cannot be serialised. */
  private serialize(): Uint8Array | undefined {
    try {
      return writeRdbFile(snapshotNode(this.node), writeOptionsOf(this.node));
    } catch (e) {
      this.log('warning', `Error serialising the dataset: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** Hands a whole file to the host; false when the host reports the write failed. */
  private writeFile(bytes: Uint8Array): boolean {
    const name = this.node.config.get('dbfilename');
    if (this.port && !this.port.persist(name, bytes)) return false;
    this.fileBytes = bytes;
    return true;
  }

  /** rdbSave: a foreground save. False on a write error (the caller answers "ERR"). */
  saveNow(): boolean {
    const bytes = this.serialize();
    if (bytes === undefined || !this.writeFile(bytes)) {
      this.log('warning', 'Write error saving DB on disk');
      return false;
    }
    this.log('notice', 'DB saved on disk');
    this.node.dirty = 0;
    this.node.lastSaveMs = this.node.nowMs();
    this.lastBgsaveOk = true;
    return true;
  }

  /** rdbSaveBackground: starts a background save (the caller checked none is running). */
  startBackground(): void {
    const nowMs = this.node.nowMs();
    this.saves++;
    this.lastBgsaveTryMs = nowMs;
    const keys = this.node.dbs.reduce((n, db) => n + db.dict.size, 0);
    const delayUs = Math.max(0, this.node.config.getInt('rdb-key-save-delay'));
    const bytes = this.serialize();
    if (bytes === undefined) {
      // Like a child that exited with an error: the status turns to err, save points retry later.
      this.lastBgsaveOk = false;
      return;
    }
    this.child = {
      bytes,
      startMs: nowMs,
      endMs: nowMs + 1 + (keys * delayUs) / 1000,
      dirtyBefore: this.node.dirty,
    };
    this.log('notice', 'Background saving started');
  }

  /** serverCron's part: finish the running save, else run a scheduled one or a due save point. */
  cron(): void {
    const nowMs = this.node.nowMs();
    if (this.child !== null) {
      if (nowMs >= this.child.endMs) this.finishBackground(this.child);
      return;
    }
    // One child at a time: nothing starts while an AOF rewrite runs (hasActiveChildProcess).
    if (this.node.aof.child !== null) return;
    const retryAllowed = sec(nowMs) - sec(this.lastBgsaveTryMs) > BGSAVE_RETRY_DELAY_SEC || this.lastBgsaveOk;
    if (this.scheduled && retryAllowed) {
      this.scheduled = false;
      this.startBackground();
      return;
    }
    const point = this.duePoint(nowMs, retryAllowed);
    if (point !== undefined) {
      this.log('notice', `${point[1]} changes in ${point[0]} seconds. Saving...`);
      this.startBackground();
    }
  }

  /** The first save point (seconds, changes) reached, if saving is allowed now. */
  private duePoint(nowMs: number, retryAllowed: boolean): [number, number] | undefined {
    if (!retryAllowed) return undefined;
    const words = this.node.config.get('save').trim();
    if (words === '') return undefined;
    const nums = words.split(/\s+/).map(Number);
    for (let i = 0; i + 1 < nums.length; i += 2) {
      const [seconds, changes] = [nums[i]!, nums[i + 1]!];
      if (this.node.dirty >= changes && sec(nowMs) - sec(this.node.lastSaveMs) > seconds) {
        return [seconds, changes];
      }
    }
    return undefined;
  }

  /** backgroundSaveDoneHandlerDisk for a child that exited normally. */
  private finishBackground(child: BackgroundSave): void {
    const nowMs = this.node.nowMs();
    this.child = null;
    this.lastBgsaveSeconds = sec(nowMs) - sec(child.startMs);
    if (this.writeFile(child.bytes)) {
      this.log('notice', 'Background saving terminated with success');
      this.node.dirty -= child.dirtyBefore;
      this.node.lastSaveMs = nowMs;
      this.lastBgsaveOk = true;
    } else {
      this.log('warning', 'Background saving error');
      this.lastBgsaveOk = false;
    }
  }

  /**
   * killRDBChild (FLUSHALL): the running background save stops without writing. Redis's child dies of
   * SIGUSR1, which leaves rdb_last_bgsave_status as it was.
   */
  killChild(): void {
    if (this.child === null) return;
    this.lastBgsaveSeconds = sec(this.node.nowMs()) - sec(this.child.startMs);
    this.child = null;
    this.log('warning', 'Background saving terminated by signal 10');
  }

  /** Seconds the running background save has taken so far (rdb_current_bgsave_time_sec), or -1. */
  currentBgsaveSeconds(): number {
    return this.child === null ? -1 : sec(this.node.nowMs()) - sec(this.child.startMs);
  }

  /**
   * DEBUG RELOAD: save (unless NOSAVE), flush (unless NOFLUSH), load the file back. Returns the error
   * text to reply with, or null for OK.
   */
  reload(opts: ReloadOptions): string | null {
    if (opts.save && !this.saveNow()) return 'ERR';
    if (opts.flush) this.flushAll();
    const bytes = this.fileBytes;
    if (bytes === undefined || !this.load(bytes, opts.merge)) return 'ERR Error trying to load the RDB dump';
    this.log('warning', 'DB reloaded by DEBUG RELOAD');
    return null;
  }

  /** emptyData: every database and the function libraries emptied, WATCHers and tracking clients told. */
  private flushAll(): void {
    for (const db of this.node.dbs) {
      this.node.watches.touchAllInDb(db);
      db.clear();
    }
    this.node.tracking.invalidateAll();
    this.node.scriptsIfStarted?.functions.flush();
  }

  /** rdbLoad of whole file bytes into the current dataset; false (and a log line) on any error. */
  load(bytes: Uint8Array, allowDuplicates: boolean): boolean {
    try {
      const file = readRdbFile(bytes, loadContextOf(this.node));
      this.logAux(file.aux);
      const counts = loadIntoNode(this.node, file, allowDuplicates);
      this.lastLoadKeysLoaded = counts.loaded;
      this.lastLoadKeysExpired = counts.expired;
      this.log('notice', `Done loading RDB, keys loaded: ${counts.loaded}, keys expired: ${counts.expired}.`);
      return true;
    } catch (e) {
      if (!(e instanceof RdbFormatError)) throw e;
      this.log('warning', `Internal error in RDB reading: ${e.message}`);
      return false;
    }
  }

  /** Loading at start (loadDataFromDisk): the host's initial file; false when it cannot be loaded. */
  loadAtStart(bytes: Uint8Array): boolean {
    if (!this.load(bytes, false)) return false;
    this.fileBytes = bytes;
    this.log('notice', 'DB loaded from disk: 0.000 seconds');
    return true;
  }

  /** The log lines rdbLoad prints for the AUX fields it knows. */
  private logAux(aux: [string, string][]): void {
    for (const [k, v] of aux) {
      if (k === 'redis-ver') this.log('notice', `Loading RDB produced by version ${v}`);
      else if (k === 'ctime') {
        const age = Math.max(0, sec(this.node.nowMs()) - Number(v));
        this.log('notice', `RDB age ${age} seconds`);
      } else if (k === 'used-mem') {
        this.log('notice', `RDB memory usage when created ${(Number(v) / 1024 / 1024).toFixed(2)} Mb`);
      }
    }
  }
}
