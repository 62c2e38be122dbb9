/*
 * The persistence requests of the protocol (protocol/persist.ts), answered for the host:
 * - SAVE / BGSAVE / BGREWRITEAOF run as commands of a short-lived internal client, so the panel's
 *   buttons get exactly Redis's replies and refusals ("Background save already in progress");
 * - crash drops memory and what was not durable and starts a new server from storage; restart starts
 *   a stopped server again, or a follower tab from the writer's latest files;
 * - a mode change sets appendonly/appendfsync now (CONFIG SET) and keeps the mode for the next start;
 * - an uploaded .rdb is validated whole before it replaces the dataset (persist-upload.ts), then stored
 *   as dump.rdb, so a restart finds it (with the AOF on, a rewrite starts, since a restart loads the AOF).
 */
import { bin, unbin } from '../engine/bytes.ts';
import type { Reply } from '../engine/resp/reply.ts';
import type { ServerNode } from '../engine/server/node.ts';
import type { FromWorker } from '../protocol/messages.ts';
import type { PersistAction, PersistRequest } from '../protocol/persist.ts';
import { modeConfig, type Persistence } from './persist-host.ts';
import { replaceDataset, validateRdb } from './persist-upload.ts';

/** What the host lends these requests: its node and the node's lifecycle. */
export interface NodeLifecycle {
  node(): ServerNode;
  stopped(): boolean;
  /** Starts a new node from the stored files (closing every connection of the old one). */
  restart(): void;
  /** The dataset changed without writes counted in dirty: views must re-read. */
  datasetReplaced(): void;
}

type Post = (msg: FromWorker) => void;

export function handlePersistRequest(
  p: Persistence,
  life: NodeLifecycle,
  msg: PersistRequest,
  post: Post,
): void | Promise<void> {
  const result = (ok: boolean, message: string): void =>
    post({ type: 'persistResult', id: msg.id, ok, message, state: p.state(life.node(), life.stopped()) });
  switch (msg.type) {
    case 'persistState':
      return post({ type: 'persistState', id: msg.id, state: p.state(life.node(), life.stopped()) });
    case 'persistFiles':
      return post({ type: 'persistFiles', id: msg.id, files: storedFiles(p, msg.names) });
    case 'persistMode': {
      if (msg.mode !== 'rdb' && msg.mode !== 'everysec' && msg.mode !== 'always') throw new Error('bad mode');
      p.setStartupMode(msg.mode);
      const pairs = Object.entries(modeConfig(msg.mode));
      const error = life.stopped() ? null : life.node().config.setMany(pairs, true);
      return result(error === null, error ?? `Mode set: ${msg.mode}`);
    }
    case 'persistLoadRdb':
      return loadUpload(p, life, msg.data, result);
    case 'persistAction':
      return runAction(p, life, msg.action, result);
  }
}

function storedFiles(p: Persistence, names: string[] | undefined): { name: string; data: Uint8Array }[] {
  const wanted = names ?? p.files.listDurable().map((f) => f.name);
  const out: { name: string; data: Uint8Array }[] = [];
  for (const name of wanted) {
    const data = p.files.readDurable(name);
    if (data !== undefined) out.push({ name, data: data.slice() });
  }
  return out;
}

function loadUpload(
  p: Persistence,
  life: NodeLifecycle,
  data: unknown,
  result: (ok: boolean, message: string) => void,
): void {
  if (!(data instanceof Uint8Array)) throw new Error('data must be a Uint8Array');
  if (life.stopped()) return result(false, 'The server is stopped: restart it first.');
  const node = life.node();
  const file = validateRdb(node, data);
  if ('error' in file) return result(false, file.error);
  const counts = replaceDataset(node, file);
  node.rdb.fileBytes = data;
  p.files.put(node.config.get('dbfilename'), data);
  node.dirty = 0;
  node.lastSaveMs = node.nowMs();
  life.datasetReplaced();
  const done = `Done loading RDB, keys loaded: ${counts.loaded}, keys expired: ${counts.expired}.`;
  if (!node.config.getBool('appendonly')) return result(true, done);
  // With the AOF on, a restart loads the AOF: rewrite it so that it holds the new dataset too.
  const rewrite = runInternal(node, ['BGREWRITEAOF']);
  result(true, `${done} ${rewrite ? replyText(rewrite) : ''}`.trim());
}

function runAction(
  p: Persistence,
  life: NodeLifecycle,
  action: PersistAction,
  result: (ok: boolean, message: string) => void,
): void | Promise<void> {
  if (action === 'crash') {
    p.crash();
    life.restart();
    return result(true, 'The server crashed and restarted from storage.');
  }
  if (action === 'restart') {
    if (p.role === 'follower') {
      return p.refollow().then(() => {
        life.restart();
        result(true, p.role === 'writer' ? 'This tab now owns the saved data.' : 'Reloaded the saved files.');
      });
    }
    life.restart();
    return result(true, 'The server restarted from storage.');
  }
  if (life.stopped()) return result(false, 'The server is stopped: restart it first.');
  const name = action === 'save' ? 'SAVE' : action === 'bgsave' ? 'BGSAVE' : 'BGREWRITEAOF';
  const reply = runInternal(life.node(), [name]);
  const text = reply === undefined ? '' : replyText(reply);
  result(reply?.t !== 'error', text);
}

/** Runs one command as an internal client and returns its (first) reply. */
function runInternal(node: ServerNode, argv: string[]): Reply | undefined {
  let reply: Reply | undefined;
  const c = node.connect({ write: (r) => (reply ??= r), close: () => {} });
  try {
    node.execute(
      c,
      argv.map((a) => unbin(a)),
    );
  } finally {
    node.disconnect(c);
  }
  return reply;
}

function replyText(r: Reply): string {
  if (r.t === 'simple' || r.t === 'error') return r.s;
  if (r.t === 'bulk') return bin(r.b);
  return r.t;
}
