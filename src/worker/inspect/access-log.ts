/*
 * The worker's memory of the last command that read or wrote each sorted set, for the pictures: a
 * CallObserver on the node (engine/server/observers.ts), so console commands, bots, EXEC and scripts
 * are all seen, each as it runs.
 *
 * Invariants:
 *   - a note is made only after its command succeeded (its reply is not an error);
 *   - a note is dropped whenever its key changes in any other way (signalModifiedKey: other commands,
 *     expiry, eviction), and it is only answered while the key still holds the very value object it
 *     was made on, so ranks in a note always match the list the picture draws;
 *   - at most MAX_NOTES keys are remembered (the oldest note goes first);
 *   - nothing here throws into the engine or changes the keyspace: a failure only loses the note.
 * ZREM's searches are computed before the command (its nodes are gone after), every other one after.
 */
import { bin, type Bytes } from '../../engine/bytes.ts';
import type { Command } from '../../engine/commands/registry.ts';
import type { ZSetValue } from '../../engine/commands/zsets/zset.ts';
import type { SkipNode } from '../../engine/ds/skiplist.ts';
import type { Reply } from '../../engine/resp/reply.ts';
import type { Client } from '../../engine/server/client.ts';
import type { Database } from '../../engine/server/db.ts';
import type { ServerNode } from '../../engine/server/node.ts';
import type { CallObserver } from '../../engine/server/observers.ts';
import type { KeyAccess } from '../../protocol/inspect.ts';
import { GEO_SOURCE_AT, geoAccess } from './access-geo.ts';
import {
  insertAccess,
  lookupAccess,
  rangeAccess,
  removalAccess,
  zaddMembers,
  type ZsetAccessResult,
} from './access-zset.ts';

export const MAX_NOTES = 256;
/** Characters of the argument summary kept. */
export const ARGS_MAX = 80;

const LOOKUPS = new Set(['zscore', 'zmscore', 'zrank', 'zrevrank']);
const RANGES = new Set([
  'zrange',
  'zrevrange',
  'zrangebyscore',
  'zrevrangebyscore',
  'zrangebylex',
  'zrevrangebylex',
  'zcount',
  'zlexcount',
]);

interface Note {
  value: ZSetValue;
  access: KeyAccess;
}

interface Pending {
  cmd: Command;
  argv: readonly Bytes[];
  /** ZADD / ZINCRBY: members present before; ZREM: its searches. */
  existed?: Set<string>;
  /** Their skiplist nodes before (a different node after means zslUpdateScore reinserted it). */
  nodes?: Map<string, SkipNode>;
  removal?: ZsetAccessResult;
}

/** Where the zset key of a watched command is, or -1. */
function keyIndex(name: string): number {
  if (name === 'zrangestore') return 2;
  if (name in GEO_SOURCE_AT) return GEO_SOURCE_AT[name]!;
  if (LOOKUPS.has(name) || RANGES.has(name) || ['zadd', 'zincrby', 'zrem'].includes(name)) return 1;
  return -1;
}

function zsetAt(db: Database, key: string): ZSetValue | undefined {
  const v = db.dict.get(key);
  return v?.type === 'zset' ? v : undefined;
}

/** The arguments after the key, quoted where needed, cut to ARGS_MAX characters. */
export function argsSummary(argv: readonly Bytes[], from: number): string {
  const words = argv.slice(from).map((b) => {
    const s = bin(b);
    return s === '' || /[\s"]/.test(s) ? JSON.stringify(s) : s;
  });
  const text = words.join(' ');
  return text.length > ARGS_MAX ? `${text.slice(0, ARGS_MAX - 1)}…` : text;
}

export class AccessLog implements CallObserver {
  private readonly notes = new Map<string, Note>();
  private readonly pending: (Pending | null)[] = [];
  /** Counts the notes made: a read (ZSCORE) changes no data but changes its key's picture. */
  version = 0;

  /** The note of `key` while the key still holds the value it was made on. */
  lastAccess(db: Database, key: string): KeyAccess | undefined {
    const note = this.notes.get(`${db.id}\n${key}`);
    return note && db.dict.get(key) === note.value ? note.access : undefined;
  }

  beforeCall(c: Client, cmd: Command, argv: readonly Bytes[]): void {
    const name = cmd.fullName;
    const at = keyIndex(name);
    if (at < 0) {
      this.pending.push(null);
      return;
    }
    const p: Pending = { cmd, argv };
    try {
      const z = zsetAt(c.db, bin(argv[at]!));
      if (z && (name === 'zadd' || name === 'zincrby')) {
        const members = name === 'zadd' ? zaddMembers(argv) : [argv[3]!];
        p.existed = new Set(members.map(bin).filter((m) => z.score(m) !== undefined));
        const table = z.table();
        if (table) p.nodes = new Map([...p.existed].map((m) => [m, table.get(m)!]));
      } else if (z && name === 'zrem') p.removal = removalAccess(z, argv.slice(2));
    } catch {
      // A note we cannot make is only a picture less.
    }
    this.pending.push(p);
  }

  afterCall(c: Client, cmd: Command, argv: readonly Bytes[], reply: Reply | undefined): void {
    const p = this.pending.pop();
    if (!p || p.cmd !== cmd || p.argv !== argv) return;
    if (reply?.t === 'error') return;
    try {
      this.note(c.db, p, reply);
    } catch {
      // As above: never into the engine.
    }
  }

  keyModified(db: Database, key: string): void {
    if (this.notes.size > 0) this.notes.delete(`${db.id}\n${key}`);
  }

  private note(db: Database, p: Pending, reply: Reply | undefined): void {
    const name = p.cmd.fullName;
    const at = keyIndex(name);
    const key = bin(p.argv[at]!);
    const z = zsetAt(db, key);
    if (!z) return;
    const access: KeyAccess = {
      command: name.toUpperCase(),
      args: argsSummary(p.argv, at + 1),
      encoding: z.enc,
      searches: [],
      searchCount: 0,
    };
    if (name in GEO_SOURCE_AT) access.geo = geoAccess(name, p.argv, z, reply, db);
    else Object.assign(access, this.zsetResult(name, p, z));
    const id = `${db.id}\n${key}`;
    this.notes.delete(id);
    this.notes.set(id, { value: z, access });
    this.version++;
    if (this.notes.size > MAX_NOTES) this.notes.delete(this.notes.keys().next().value!);
  }

  private zsetResult(name: string, p: Pending, z: ZSetValue): ZsetAccessResult {
    if (name === 'zrem') return p.removal ?? { searches: [], searchCount: 0 };
    const existed = p.existed ?? new Set<string>();
    if (name === 'zadd') return insertAccess(z, zaddMembers(p.argv), existed, p.nodes);
    if (name === 'zincrby') return insertAccess(z, [p.argv[3]!], existed, p.nodes);
    if (LOOKUPS.has(name)) return lookupAccess(z, p.argv.slice(2));
    return rangeAccess(z, name, p.argv);
  }
}

const logs = new WeakMap<ServerNode, AccessLog>();

/** The node's access log, attached as an observer the first time it is asked for. */
export function accessLogOf(node: ServerNode): AccessLog {
  let log = logs.get(node);
  if (!log) {
    log = new AccessLog();
    logs.set(node, log);
    node.observers.push(log);
  }
  return log;
}
