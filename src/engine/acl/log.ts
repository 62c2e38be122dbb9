/*
 * The ACL security log (Redis 7.0's ACL LOG): newest first, at most acllog-max-len entries. A new
 * denial that matches one of the 10 newest entries (same reason, context, object and user, within 60
 * seconds of it) moves that entry to the front, bumps its count and takes the new time and client
 * info instead of adding a line. Times come from the node's clock, so age-seconds is virtual time.
 */
import { bulkBin, bulkStr, double, int, map, type Reply } from '../resp/reply.ts';
import { Denied } from './check.ts';

export type LogContext = 'toplevel' | 'multi' | 'lua' | 'module';

export interface AclLogEntry {
  count: number;
  reason: Denied;
  context: LogContext;
  /** The command, key, channel (binary strings) or, for failed AUTH, argv[0] as sent. */
  object: string;
  username: string;
  timeMs: number;
  clientInfo: string;
}

const GROUPING_MAX_DELTA_MS = 60000;
const SCAN_FOR_MATCH = 10;

const REASON_NAMES: Record<number, string> = {
  [Denied.Cmd]: 'command',
  [Denied.Key]: 'key',
  [Denied.Channel]: 'channel',
  [Denied.Auth]: 'auth',
};

function similar(a: AclLogEntry, b: AclLogEntry): boolean {
  return (
    a.reason === b.reason &&
    a.context === b.context &&
    Math.abs(a.timeMs - b.timeMs) <= GROUPING_MAX_DELTA_MS &&
    a.object === b.object &&
    a.username === b.username
  );
}

export class AclLog {
  /** Newest first. */
  entries: AclLogEntry[] = [];

  add(e: Omit<AclLogEntry, 'count'>, maxLen: number): void {
    const entry: AclLogEntry = { ...e, count: 1 };
    const scan = Math.min(SCAN_FOR_MATCH, this.entries.length);
    for (let i = 0; i < scan; i++) {
      const current = this.entries[i]!;
      if (!similar(current, entry)) continue;
      this.entries.splice(i, 1);
      this.entries.unshift(current);
      current.clientInfo = entry.clientInfo;
      current.timeMs = entry.timeMs;
      current.count++;
      return;
    }
    this.entries.unshift(entry);
    if (this.entries.length > maxLen) this.entries.length = maxLen;
  }

  reset(): void {
    this.entries = [];
  }

  /** ACL LOG [count]: the newest `count` entries as 7-field maps. */
  reply(count: number, nowMs: number): Reply[] {
    return this.entries.slice(0, Math.max(0, count)).map((e) =>
      map([
        [bulkStr('count'), int(e.count)],
        [bulkStr('reason'), bulkStr(REASON_NAMES[e.reason] ?? 'unknown')],
        [bulkStr('context'), bulkStr(e.context)],
        [bulkStr('object'), bulkBin(e.object)],
        [bulkStr('username'), bulkBin(e.username)],
        [bulkStr('age-seconds'), double((nowMs - e.timeMs) / 1000)],
        [bulkStr('client-info'), bulkBin(e.clientInfo)],
      ]),
    );
  }
}
