/*
 * The typed protocol between the main thread (client/, ui/) and the Web Worker that owns the world.
 * Both ends import these types; every message is a member of a discriminated union on `type`.
 * Requests carry an `id`; the worker answers each with exactly one response carrying the same id.
 */
import type { BotSpec, BotStatus } from './bots.ts';
import type { PersistAnswer, PersistPush, PersistRequest } from './persist.ts';
import type { RateLimitAnswer, RateLimitPush, RateLimitRequest } from './ratelimit.ts';
import type { InspectQuery, KeyInspection, KeyspaceQuery, KeyspaceSnapshot } from './inspect.ts';
import type { MetricsAnswer, MetricsPush, MetricsRequest } from './metrics.ts';
import type { WireReply } from './reply.ts';

/** Facts about one connection that the console shows (prompt, tab title). */
export interface ClientState {
  clientId: number;
  db: number;
  /** Inside MULTI (redis-cli shows "(TX)" in the prompt). */
  inMulti: boolean;
  resp: 2 | 3;
  /** Subscribed to channels, patterns or shard channels (RESP2: only pushes and a few commands). */
  subscribed: boolean;
  /** The connection ran MONITOR: it receives every command the server runs. */
  monitor: boolean;
  closed: boolean;
  /**
   * A command of this client waits (CLIENT PAUSE holding it, later a blocking command): its reply will
   * come as a `push`. Absent means false.
   */
  blocked?: boolean;
}

/** One command of the table, as the console needs it for hints, completion and help. */
export interface CommandDoc {
  /** Upper-case display name, e.g. "GET" or "CLIENT LIST". */
  name: string;
  summary: string;
  since: string;
  group: string;
  complexity: string;
  /** Argument hint as redis-cli prints it, e.g. "key value [NX|XX] [GET] ...". */
  argsHint: string;
  arity: number;
}

export type ToWorker =
  /** Starts the world (once). startMs pins the virtual clock's start (unix ms; default: wall clock). */
  | { type: 'hello'; id: number; seed?: number; startMs?: number }
  | { type: 'connect'; id: number }
  | { type: 'command'; id: number; clientId: number; argv: Uint8Array[] }
  | { type: 'disconnect'; id: number; clientId: number }
  | { type: 'commandDocs'; id: number }
  | { type: 'clock'; id: number; action: 'pause' | 'play' | 'step'; stepMs?: number }
  | { type: 'speed'; id: number; factor: number }
  /** Starts a bot client on the virtual clock; answered with `bot`. */
  | { type: 'botStart'; id: number; spec: BotSpec }
  /** Stops a bot (closing its connection); `remove` also drops it from the list. Answered with `bot`. */
  | { type: 'botStop'; id: number; botId: number; remove?: boolean }
  | { type: 'botList'; id: number }
  /** A snapshot of a database's keys for the keyspace browser; answered with `keyspace`. */
  | { type: 'keyspace'; id: number; query: KeyspaceQuery }
  /** The picture data of one key; answered with `inspectKey`. */
  | { type: 'inspectKey'; id: number; query: InspectQuery }
  /** Starts (watch: true) or stops the metrics pushes; answered with `metrics` (protocol/metrics.ts). */
  | MetricsRequest
  | PersistRequest
  /** The rate-limit lab: start (with settings), stop, reset, read; answered with `rateLimit`. */
  | RateLimitRequest;

export type FromWorker =
  | {
      type: 'hello';
      id: number;
      host: string;
      port: number;
      version: string;
      seed: number;
      /** Unix ms the virtual clock started at (send it back as hello.startMs to replay a session). */
      startMs?: number;
    }
  | { type: 'connected'; id: number; state: ClientState }
  /** The replies a command produced (zero with CLIENT REPLY OFF, several for some), and the new state. */
  | { type: 'replies'; id: number; replies: WireReply[]; state: ClientState }
  | { type: 'disconnected'; id: number }
  | { type: 'commandDocs'; id: number; docs: CommandDoc[] }
  | { type: 'clock'; id: number; nowMs: number; paused: boolean; speed: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'bot'; id: number; bot: BotStatus }
  | { type: 'bots'; id: number; bots: BotStatus[] }
  /** Unsolicited: a push (pub/sub message, invalidation) or a late reply (unblocked command). */
  | { type: 'push'; clientId: number; reply: WireReply; state: ClientState }
  /** Unsolicited: the server closed this connection (QUIT, CLIENT KILL). */
  | { type: 'closed'; clientId: number }
  | { type: 'keyspace'; id: number; snapshot: KeyspaceSnapshot }
  | { type: 'inspectKey'; id: number; inspection: KeyInspection }
  /**
   * Unsolicited: the dataset changed (writes, expiries) or the clock's state did; views re-request
   * what they show. Throttled to about 10 a second (see worker/inspect/change-watch.ts).
   */
  | { type: 'keyspaceChanged'; nowMs: number; paused: boolean; speed: number }
  | MetricsAnswer
  | MetricsPush
  | PersistAnswer
  | PersistPush
  | RateLimitAnswer
  | RateLimitPush;

export type RequestOf<T extends ToWorker['type']> = Extract<ToWorker, { type: T }>;
