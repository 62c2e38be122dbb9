/*
 * The AOF's life cycle around the node (Redis 7.0's loadDataFromDisk AOF branch,
 * aofOpenIfNeededOnServerStart, startAppendOnly for CONFIG SET appendonly yes, DEBUG LOADAOF):
 *
 *   - At start with appendonly yes, the AOF is the only source of data (the RDB file is ignored):
 *     the host hands over the files of appenddirname; the manifest names the base and incr files,
 *     which are loaded in order. A missing manifest means no AOF yet (nothing loaded). Failures are
 *     fatal as in Redis (the constructor throws; the host exits with Redis's log lines printed).
 *   - Then, if the manifest had no files, a base file is written synchronously from the (empty or
 *     RDB-loaded) dataset, an incr file is created or reopened, and the manifest is persisted.
 *   - CONFIG SET appendonly yes enters 'wait_rewrite' and starts a rewrite (or schedules one when a
 *     child runs); no stops the AOF after a final flush.
 */
import type { AofPersistence } from './aof.ts';
import { ManifestError, newBaseFile, newIncrFile, parseManifest, type AofManifest } from './aof-manifest.ts';
import { loadSingleFile, type LoadStatus } from './aof-load.ts';
import {
  baseFileBytes,
  deleteHistoryFiles,
  hasActiveChild,
  rewriteCron,
  startRewrite,
} from './aof-rewrite-job.ts';
import { bin } from '../bytes.ts';

export class AofLoadError extends Error {}

/** The files a host found in appenddirname at start, by name (no folder). */
export type AofFiles = ReadonlyMap<string, Uint8Array>;

function logManifestError(aof: AofPersistence, e: ManifestError): void {
  aof.log('warning', '\n*** FATAL AOF MANIFEST FILE ERROR ***\n');
  if (e.line !== null) {
    aof.log('warning', `Reading the manifest file, at line ${e.lineNumber}\n`);
    aof.log('warning', `>>> '${e.line}'\n`);
  }
  aof.log('warning', `${e.message}\n`);
}

/** aofLoadManifestFromDisk over the files the host read; a missing manifest is an empty one. */
export function readManifest(aof: AofPersistence, files: AofFiles): AofManifest | null {
  const text = files.get(`${aof.filename}.manifest`);
  if (text === undefined) return null;
  try {
    return parseManifest(bin(text));
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    logManifestError(aof, e);
    throw new AofLoadError(e.message);
  }
}

/** loadAppendOnlyFiles: base then incr files; the status Redis's loader returns. */
export function loadFiles(aof: AofPersistence, m: AofManifest): LoadStatus {
  const names = [...(m.base ? [m.base.name] : []), ...m.incr.map((f) => f.name)];
  if (names.length === 0) return 'not_exist';
  for (const n of names) {
    if (!aof.files.has(n)) {
      aof.log('warning', `The append log file ${n} doesn't exist: No such file or directory`);
      return 'failed';
    }
  }
  const total = names.reduce((s, n) => s + aof.fileSize(n), 0);
  if (total === 0) return 'empty';
  const io = {
    log: (level: 'notice' | 'warning', line: string) => aof.log(level, line),
    truncate: (name: string, length: number) => aof.writeFile(name, aof.fileBytes(name)!.slice(0, length)),
  };
  let status = 'ok' as LoadStatus;
  const node = aof.node;
  node.propagation.suspend(() => {
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const isBase = m.base !== null && i === 0;
      const last = i === names.length - 1;
      status = loadSingleFile(node, name, aof.fileBytes(name), io, isBase);
      if (status === 'ok' || (status === 'truncated' && last)) {
        aof.log('notice', `DB loaded from ${isBase ? 'base' : 'incr'} file ${name}: 0.000 seconds`);
      }
      if (status === 'empty' && !isBase) status = 'ok';
      if (status === 'truncated' && !last) {
        status = 'failed';
        aof.log('warning', 'Fatal error: the truncated file is not the last file');
      }
      if (status === 'failed' || status === 'open_err') return;
    }
  });
  if (status !== 'failed' && status !== 'open_err') {
    aof.currentSize = total;
    aof.baseSize = m.base ? aof.fileSize(m.base.name) : 0;
  }
  return status;
}

/** Loading at start with appendonly yes; throws AofLoadError when Redis would exit. */
export function loadAtStart(aof: AofPersistence, files: AofFiles): void {
  for (const [name, data] of files) aof.files.set(name, [data]);
  const m = readManifest(aof, files);
  if (m === null) return;
  aof.manifest = m;
  const status = loadFiles(aof, m);
  if (status === 'failed' || status === 'open_err') throw new AofLoadError('AOF loading failed');
  if (status === 'ok' || status === 'truncated')
    aof.log('notice', 'DB loaded from append only file: 0.000 seconds');
}

/** aofOpenIfNeededOnServerStart: base file if none, the incr file to append to, the manifest. */
export function openAtStart(aof: AofPersistence): void {
  aof.state = 'on';
  const m = aof.manifest;
  let dirty = false;
  if (m.base === null && m.incr.length === 0) {
    const base = newBaseFile(m, aof.filename, aof.node.config.getBool('aof-use-rdb-preamble'));
    const bytes = baseFileBytes(aof.node);
    aof.writeFile(base.name, bytes);
    aof.baseSize = bytes.length;
    aof.currentSize = bytes.length;
    aof.log('notice', `Creating AOF base file ${base.name} on server start`);
    dirty = true;
  }
  const reopened = m.incr.length > 0;
  const incr = reopened ? m.incr[m.incr.length - 1]! : newIncrFile(m, aof.filename);
  if (!reopened) {
    aof.writeFile(incr.name, new Uint8Array(0));
    dirty = true;
  }
  if (dirty) aof.persistManifest();
  aof.lastIncrSize = aof.fileSize(incr.name);
  aof.lastFsyncMs = aof.node.nowMs();
  aof.log('notice', `${reopened ? 'Opening' : 'Creating'} AOF incr file ${incr.name} on server start`);
}

/** startAppendOnly (CONFIG SET appendonly yes). */
export function startAppendOnly(aof: AofPersistence, inExec: boolean): boolean {
  if (aof.state !== 'off') return true;
  aof.state = 'wait_rewrite';
  if (hasActiveChild(aof.node) && aof.child === null) {
    aof.rewriteScheduled = true;
    aof.log(
      'warning',
      'AOF was enabled but there is already another background operation. An AOF background was ' +
        'scheduled to start when possible.',
    );
  } else if (inExec) {
    aof.rewriteScheduled = true;
    aof.log(
      'warning',
      'AOF was enabled during a transaction. An AOF background was scheduled to start when possible.',
    );
  } else if (!startRewrite(aof)) {
    aof.state = 'off';
    aof.log(
      'warning',
      "Redis needs to enable the AOF but can't trigger a background AOF rewrite operation. Check the " +
        'above logs for more info about the error.',
    );
    return false;
  }
  aof.lastFsyncMs = aof.node.nowMs();
  aof.lastWriteOk = true;
  return true;
}

/** DEBUG LOADAOF: flush, empty the dataset, reload from the files this node knows. */
export function debugLoadAof(aof: AofPersistence, emptyData: () => void): boolean {
  if (aof.state === 'on') aof.flush(true);
  emptyData();
  deleteHistoryFiles(aof);
  const status = loadFiles(aof, aof.manifest);
  if (status !== 'ok' && status !== 'empty') return false;
  aof.node.dirty = 0;
  aof.log('warning', 'Append Only File loaded by DEBUG LOADAOF');
  return true;
}

/** The node's start: with appendonly yes, load the AOF (ignoring the RDB file) and open it. */
export function bootAof(aof: AofPersistence, files: AofFiles): void {
  aof.node.propagation.subscribe(aof);
  aof.node.config.onChange('appendonly', (v) => {
    if (v === 'yes') startAppendOnly(aof, aof.node.propagation.depth > 1);
    else aof.stop();
  });
  if (!aof.node.config.getBool('appendonly')) return;
  loadAtStart(aof, files);
  openAtStart(aof);
}

/** serverCron's AOF work: write and fsync per appendfsync, then rewrites (finish, scheduled, automatic). */
export function aofCron(aof: AofPersistence): void {
  aof.cronFsync();
  rewriteCron(aof);
}
