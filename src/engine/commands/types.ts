/*
 * The shape of the declarative command table (DESIGN.md "Commands are data"). One entry per command
 * or subcommand: the facts Redis exposes through COMMAND INFO / COMMAND DOCS (arity, flags, key specs,
 * ACL categories, group, since, complexity, arguments) plus a one-line summary in our own words.
 * Handlers live apart, keyed by the same full name; the registry joins the two and refuses a spec
 * without a handler or a handler without a spec.
 */
import type { Bytes } from '../bytes.ts';
import type { Reply } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';

/** Command flags as COMMAND INFO prints them (lowercase). */
export type CommandFlag =
  | 'write'
  | 'readonly'
  | 'denyoom'
  | 'module'
  | 'admin'
  | 'pubsub'
  | 'noscript'
  | 'blocking'
  | 'loading'
  | 'stale'
  | 'skip_monitor'
  | 'skip_slowlog'
  | 'asking'
  | 'fast'
  | 'no_auth'
  | 'may_replicate'
  | 'sentinel'
  | 'only_sentinel'
  | 'no_mandatory_keys'
  | 'protected'
  | 'no_async_loading'
  | 'no_multi'
  | 'movablekeys'
  | 'allow_busy';

export type BeginSearch =
  | { type: 'index'; index: number }
  | { type: 'keyword'; keyword: string; startFrom: number }
  | { type: 'unknown' };

export type FindKeys =
  | { type: 'range'; lastKey: number; keyStep: number; limit: number }
  | { type: 'keynum'; keyNumIdx: number; firstKey: number; keyStep: number }
  | { type: 'unknown' };

export interface KeySpec {
  /** e.g. ['RW', 'ACCESS', 'UPDATE'] as COMMAND INFO prints them. */
  flags: string[];
  beginSearch: BeginSearch;
  findKeys: FindKeys;
  notes?: string;
}

export type ArgType =
  'string' | 'integer' | 'double' | 'key' | 'pattern' | 'unix-time' | 'pure-token' | 'oneof' | 'block';

export interface ArgSpec {
  name: string;
  type: ArgType;
  token?: string;
  keySpecIndex?: number;
  optional?: boolean;
  multiple?: boolean;
  multipleToken?: boolean;
  since?: string;
  display?: string;
  deprecatedSince?: string;
  arguments?: ArgSpec[];
}

export type CommandGroup =
  | 'generic'
  | 'string'
  | 'list'
  | 'set'
  | 'sorted-set'
  | 'hash'
  | 'pubsub'
  | 'transactions'
  | 'connection'
  | 'server'
  | 'scripting'
  | 'hyperloglog'
  | 'cluster'
  | 'sentinel'
  | 'geo'
  | 'stream'
  | 'bitmap';

export interface CommandSpec {
  /** Full lowercase name: 'get', or 'client|list' for a subcommand. */
  name: string;
  summary: string;
  since: string;
  group: CommandGroup;
  complexity?: string;
  /** Redis arity: positive = exact argc, negative = at least -arity (argv[0] counts). */
  arity: number;
  flags: CommandFlag[];
  /** Without the '@', e.g. ['read', 'string', 'fast']. */
  acl: string[];
  keySpecs?: KeySpec[];
  arguments?: ArgSpec[];
  /** Request/response policy tips as COMMAND INFO lists them, e.g. 'nondeterministic_output'. */
  tips?: string[];
  /** COMMAND DOCS doc_flags: 'deprecated', 'syscmd'. */
  docFlags?: string[];
  deprecatedSince?: string;
  replacedBy?: string;
  history?: [string, string][];
}

/**
 * A command handler. It returns the reply, or undefined when it has written replies itself (or the
 * client blocked). Handlers may throw ReplyError for an error reply raised deep in argument parsing.
 */
export type Handler = (c: Client, argv: Bytes[]) => Reply | undefined;

export interface CommandFamily {
  specs: CommandSpec[];
  handlers: Record<string, Handler>;
}
