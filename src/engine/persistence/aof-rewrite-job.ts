/*
 * AOF rewrites (Redis 7.0's rewriteAppendOnlyFileBackground / backgroundRewriteDoneHandler), without
 * fork: the new base file is serialised when the rewrite starts (the child's copy-on-write view),
 * and the job then "runs" on the node clock for 1 ms plus rdb-key-save-delay microseconds per key, as
 * a BGSAVE does (rdb-saver.ts). Meanwhile new commands go to a fresh incr file opened at the start,
 * so base + that incr file always describe the dataset.
 *
 * When the job finishes (cron): the base becomes the manifest's next base file, the temp incr of
 * 'wait_rewrite' gets its real name, older incr files and the old base turn into history, the
 * manifest is written, history files are removed (unless aof-disable-auto-gc), and the state turns
 * 'on'. Log lines and INFO counters are Redis's. Only one child runs at a time (RDB or AOF).
 */
import type { ServerNode } from '../server/node.ts';
import { type AofPersistence } from './aof.ts';
import { cloneManifest, markIncrAsHistory, newBaseFile, newIncrFile } from './aof-manifest.ts';
import { rewriteAsCommands } from './aof-rewrite.ts';
import { writeRdbFile } from './rdb-file.ts';
import { snapshotNode, writeOptionsOf } from './snapshot.ts';

const sec = (ms: number): number => Math.floor(ms / 1000);
/** The simulated child's pid in log lines (there is no process). */
const CHILD_PID_BASE = 4242;

/** rewriteAppendOnlyFile's output: an RDB with aof-base 1, or commands (aof-use-rdb-preamble no). */
export function baseFileBytes(node: ServerNode): Uint8Array {
  if (!node.config.getBool('aof-use-rdb-preamble')) return rewriteAsCommands(node);
  const file = snapshotNode(node);
  file.aux = file.aux.map(([k, v]) => (k === 'aof-base' ? [k, '1'] : [k, v]));
  return writeRdbFile(file, writeOptionsOf(node));
}

export class AofRewriteJob {
  constructor(
    private readonly aof: AofPersistence,
    readonly bytes: Uint8Array,
    readonly startMs: number,
    readonly endMs: number,
    readonly pid: number,
  ) {}

  kill(): void {
    if (this.aof.child !== this) return;
    this.aof.log('notice', `Killing running AOF rewrite child: ${this.pid}`);
    this.aof.child = null;
    this.aof.log('warning', 'Background AOF rewrite terminated by signal 10');
    cleanup(this.aof, this);
  }
}

export function hasActiveChild(node: ServerNode): boolean {
  return node.rdb.child !== null || node.aof.child !== null;
}

/** openNewIncrAofForAppend: the file new commands go to while the rewrite runs. */
function openNewIncr(aof: AofPersistence): boolean {
  if (aof.state === 'off') return true;
  if (aof.state === 'wait_rewrite') {
    const temp = `temp-${aof.filename}.incr`;
    if (!aof.writeFile(temp, new Uint8Array(0))) return false;
    aof.log('notice', `Creating AOF incr file ${temp} on background rewrite`);
  } else {
    const m = cloneManifest(aof.manifest);
    const f = newIncrFile(m, aof.filename);
    if (!aof.writeFile(f.name, new Uint8Array(0)) || !aof.persistManifest(m)) return false;
    aof.manifest = m;
    aof.log('notice', `Creating AOF incr file ${f.name} on background rewrite`);
  }
  aof.sync('everysec');
  aof.lastIncrSize = 0;
  return true;
}

/** rewriteAppendOnlyFileBackground: false when another child runs or the incr file cannot open. */
export function startRewrite(aof: AofPersistence): boolean {
  const node = aof.node;
  if (hasActiveChild(node)) return false;
  aof.selectedDb = -1;
  aof.flush(true);
  if (!openNewIncr(aof)) {
    aof.lastRewriteOk = false;
    return false;
  }
  aof.rewrites++;
  const now = node.nowMs();
  const keys = node.dbs.reduce((n, db) => n + db.dict.size, 0);
  const delayUs = Math.max(0, node.config.getInt('rdb-key-save-delay'));
  const pid = CHILD_PID_BASE + aof.rewrites;
  aof.child = new AofRewriteJob(aof, baseFileBytes(node), now, now + 1 + (keys * delayUs) / 1000, pid);
  aof.log('notice', `Background append only file rewriting started by pid ${pid}`);
  aof.rewriteScheduled = false;
  return true;
}

/** serverCron's AOF part: finish the job, run a scheduled rewrite, or an automatic one on growth. */
export function rewriteCron(aof: AofPersistence): void {
  const node = aof.node;
  const child = aof.child;
  if (child !== null) {
    if (node.nowMs() >= child.endMs) finishRewrite(aof, child);
    return;
  }
  if (hasActiveChild(node)) return;
  if (aof.rewriteScheduled) {
    startRewrite(aof);
    return;
  }
  const perc = node.config.getInt('auto-aof-rewrite-percentage');
  if (aof.state !== 'on' || perc === 0 || aof.currentSize <= node.config.getInt('auto-aof-rewrite-min-size'))
    return;
  const base = aof.baseSize || 1;
  const growth = Math.floor((aof.currentSize * 100) / base) - 100;
  if (growth >= perc) {
    aof.log('notice', `Starting automatic rewriting of AOF on ${growth}% growth`);
    startRewrite(aof);
  }
}

function failRewrite(aof: AofPersistence, line: string): void {
  aof.log('warning', line);
  aof.lastRewriteOk = false;
  aof.consecutiveFailures++;
}

/** backgroundRewriteDoneHandler for a child that exited normally. */
function finishRewrite(aof: AofPersistence, job: AofRewriteJob): void {
  aof.child = null;
  const tmp = `temp-rewriteaof-bg-${job.pid}.aof`;
  aof.log('notice', `Successfully created the temporary AOF base file ${tmp}`);
  aof.log('notice', 'Background AOF rewrite terminated with success');
  const m = cloneManifest(aof.manifest);
  const base = newBaseFile(m, aof.filename, aof.node.config.getBool('aof-use-rdb-preamble'));
  if (!aof.writeFile(base.name, job.bytes)) {
    failRewrite(
      aof,
      `Error trying to rename the temporary AOF base file ${tmp} into ${base.name}: I/O error`,
    );
    return cleanup(aof, job);
  }
  aof.log('notice', `Successfully renamed the temporary AOF base file ${tmp} into ${base.name}`);
  if (aof.state === 'wait_rewrite') {
    const temp = `temp-${aof.filename}.incr`;
    const incr = newIncrFile(m, aof.filename);
    if (!aof.writeFile(incr.name, aof.fileBytes(temp) ?? new Uint8Array(0))) {
      aof.removeFile(base.name);
      failRewrite(
        aof,
        `Error trying to rename the temporary AOF incr file ${temp} into ${incr.name}: I/O error`,
      );
      return cleanup(aof, job);
    }
    aof.files.delete(temp);
    aof.port?.remove?.(`${aof.dirname}/${temp}`);
    aof.log('notice', `Successfully renamed the temporary AOF incr file ${temp} into ${incr.name}`);
  }
  markIncrAsHistory(m, aof.state !== 'off');
  if (!aof.persistManifest(m)) {
    aof.removeFile(base.name);
    failRewrite(aof, 'Error trying to write the AOF manifest file');
    return cleanup(aof, job);
  }
  aof.manifest = m;
  if (aof.state !== 'off') {
    aof.currentSize = job.bytes.length + aof.lastIncrSize;
    aof.baseSize = aof.currentSize;
  }
  deleteHistoryFiles(aof);
  aof.lastRewriteOk = true;
  aof.consecutiveFailures = 0;
  aof.log('notice', 'Background AOF rewrite finished successfully');
  if (aof.state === 'wait_rewrite') aof.state = 'on';
  cleanup(aof, job);
}

/** The end of every rewrite, successful or not. */
function cleanup(aof: AofPersistence, job: AofRewriteJob): void {
  if (aof.state === 'wait_rewrite') {
    const temp = `temp-${aof.filename}.incr`;
    aof.log('notice', `Removing the temp incr aof file ${temp} in the background`);
    aof.removeFile(temp);
    aof.rewriteScheduled = true;
  }
  aof.lastRewriteSeconds = sec(aof.node.nowMs()) - sec(job.startMs);
}

/** aofDelHistoryFiles. */
export function deleteHistoryFiles(aof: AofPersistence): void {
  if (aof.node.config.getBool('aof-disable-auto-gc') || aof.manifest.history.length === 0) return;
  for (const f of aof.manifest.history) {
    aof.log('notice', `Removing the history file ${f.name} in the background`);
    aof.removeFile(f.name);
  }
  aof.manifest.history = [];
  aof.persistManifest();
}
