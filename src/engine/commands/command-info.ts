/*
 * COMMAND INFO and COMMAND DOCS replies, built from the declarative table (server.c's
 * addReplyCommandInfo / addReplyCommandDocs and their helpers).
 *
 * Shapes, as Redis 7.0 writes them (RESP3 types; RESP2 downgrades sets and maps to arrays):
 *   INFO: [name, arity, flags(set of simple), first, last, step, acl categories(set of simple "@x"),
 *          tips(set of bulk), key specs(set of maps), subcommands(array of INFO, or an empty set)]
 *   DOCS: map of summary, since, group, complexity, doc_flags, deprecated_since, replaced_by, history,
 *         arguments, subcommands (a map name -> DOCS); absent fields are left out, group is always there.
 *
 * Flag sets are printed in Redis's fixed table order whatever order the spec lists them in; a few
 * command flags are hidden on purpose (may_replicate, sentinel, only_sentinel, protected), and
 * movablekeys comes from the registry's analysis of the key specs. ACL categories are the spec's plus
 * the ones Redis implies from the flags (setImplicitACLCategories).
 */
import { arr, bulkStr, int, map, type Reply, set, simple } from '../resp/reply.ts';
import type { Command } from './registry.ts';
import type { ArgSpec, CommandSpec, KeySpec } from './types.ts';

/** Visible command flags, in the order COMMAND INFO prints them. */
const COMMAND_FLAG_ORDER = [
  'write',
  'readonly',
  'denyoom',
  'module',
  'admin',
  'pubsub',
  'noscript',
  'blocking',
  'loading',
  'stale',
  'skip_monitor',
  'skip_slowlog',
  'asking',
  'fast',
  'no_auth',
  'no_mandatory_keys',
  'no_async_loading',
  'no_multi',
  'movablekeys',
  'allow_busy',
] as const;

/** Key spec flags: upper-case as declared, and how COMMAND INFO prints them (in this order). */
export const KEY_FLAG_ORDER: readonly (readonly [string, string])[] = [
  ['RO', 'RO'],
  ['RW', 'RW'],
  ['OW', 'OW'],
  ['RM', 'RM'],
  ['ACCESS', 'access'],
  ['UPDATE', 'update'],
  ['INSERT', 'insert'],
  ['DELETE', 'delete'],
  ['NOT_KEY', 'not_key'],
  ['INCOMPLETE', 'incomplete'],
  ['VARIABLE_FLAGS', 'variable_flags'],
];

/** ACL categories in Redis's table order (acl.c ACLCommandCategories). */
export const ACL_CATEGORY_ORDER = [
  'keyspace',
  'read',
  'write',
  'set',
  'sortedset',
  'list',
  'hash',
  'string',
  'bitmap',
  'hyperloglog',
  'geo',
  'stream',
  'pubsub',
  'admin',
  'fast',
  'slow',
  'blocking',
  'dangerous',
  'connection',
  'transaction',
  'scripting',
] as const;

const ARG_FLAG_ORDER = ['optional', 'multiple', 'multiple_token'] as const;

/** The command flags COMMAND INFO shows, in order (movablekeys included when derived). */
export function visibleFlags(cmd: Command): string[] {
  const flags = new Set<string>(cmd.spec.flags);
  if (cmd.movableKeys) flags.add('movablekeys');
  return COMMAND_FLAG_ORDER.filter((f) => flags.has(f));
}

/** The ACL categories of a command (without '@'): declared plus implied by flags, in Redis's order. */
export function aclCategories(spec: CommandSpec): string[] {
  const cats = new Set(spec.acl.map((c) => c.toLowerCase()));
  const flags = new Set(spec.flags);
  if (flags.has('write')) cats.add('write');
  if (flags.has('readonly') && !cats.has('scripting')) cats.add('read');
  if (flags.has('admin')) {
    cats.add('admin');
    cats.add('dangerous');
  }
  if (flags.has('pubsub')) cats.add('pubsub');
  if (flags.has('fast')) cats.add('fast');
  if (flags.has('blocking')) cats.add('blocking');
  if (!cats.has('fast')) cats.add('slow');
  return ACL_CATEGORY_ORDER.filter((c) => cats.has(c));
}

/** Key spec flags as COMMAND INFO prints them, in Redis's order. */
export function keyFlagNames(flags: readonly string[]): string[] {
  const upper = new Set(flags.map((f) => f.toUpperCase()));
  return KEY_FLAG_ORDER.filter(([u]) => upper.has(u)).map(([, shown]) => shown);
}

function simpleSet(names: readonly string[]): Reply {
  return set(names.map((n) => simple(n)));
}

function entry(k: string, v: Reply): readonly [Reply, Reply] {
  return [bulkStr(k), v];
}

function beginSearchReply(ks: KeySpec): Reply {
  const bs = ks.beginSearch;
  if (bs.type === 'index') {
    return map([entry('type', bulkStr('index')), entry('spec', map([entry('index', int(bs.index))]))]);
  }
  if (bs.type === 'keyword') {
    const spec = map([entry('keyword', bulkStr(bs.keyword)), entry('startfrom', int(bs.startFrom))]);
    return map([entry('type', bulkStr('keyword')), entry('spec', spec)]);
  }
  return map([entry('type', bulkStr('unknown')), entry('spec', map([]))]);
}

function findKeysReply(ks: KeySpec): Reply {
  const fk = ks.findKeys;
  if (fk.type === 'range') {
    const spec = map([
      entry('lastkey', int(fk.lastKey)),
      entry('keystep', int(fk.keyStep)),
      entry('limit', int(fk.limit)),
    ]);
    return map([entry('type', bulkStr('range')), entry('spec', spec)]);
  }
  if (fk.type === 'keynum') {
    const spec = map([
      entry('keynumidx', int(fk.keyNumIdx)),
      entry('firstkey', int(fk.firstKey)),
      entry('keystep', int(fk.keyStep)),
    ]);
    return map([entry('type', bulkStr('keynum')), entry('spec', spec)]);
  }
  return map([entry('type', bulkStr('unknown')), entry('spec', map([]))]);
}

export function keySpecReply(ks: KeySpec): Reply {
  const fields: (readonly [Reply, Reply])[] = [];
  if (ks.notes) fields.push(entry('notes', bulkStr(ks.notes)));
  fields.push(entry('flags', simpleSet(keyFlagNames(ks.flags))));
  fields.push(entry('begin_search', beginSearchReply(ks)));
  fields.push(entry('find_keys', findKeysReply(ks)));
  return map(fields);
}

/** One COMMAND INFO entry (nil for an unknown command). */
export function commandInfoReply(cmd: Command | undefined): Reply {
  if (!cmd) return { t: 'nil' };
  const { spec, legacyRange } = cmd;
  const subs = cmd.subcommands ? arr([...cmd.subcommands.values()].map(commandInfoReply)) : set([]);
  return arr([
    bulkStr(cmd.fullName),
    int(spec.arity),
    simpleSet(visibleFlags(cmd)),
    int(legacyRange.first),
    int(legacyRange.last),
    int(legacyRange.step),
    simpleSet(aclCategories(spec).map((c) => `@${c}`)),
    set((spec.tips ?? []).map((t) => bulkStr(t.toLowerCase()))),
    set((spec.keySpecs ?? []).map(keySpecReply)),
    subs,
  ]);
}

function argFlags(a: ArgSpec): string[] {
  const on = { optional: !!a.optional, multiple: !!a.multiple, multiple_token: !!a.multipleToken };
  return ARG_FLAG_ORDER.filter((f) => on[f]);
}

/** COMMAND DOCS "arguments": an array of maps, nested for oneof / block. */
export function argumentsReply(args: readonly ArgSpec[]): Reply {
  return arr(
    args.map((a) => {
      const fields: (readonly [Reply, Reply])[] = [
        entry('name', bulkStr(a.name)),
        entry('type', bulkStr(a.type)),
      ];
      if (a.keySpecIndex !== undefined) fields.push(entry('key_spec_index', int(a.keySpecIndex)));
      if (a.token !== undefined) fields.push(entry('token', bulkStr(a.token)));
      if (a.since !== undefined) fields.push(entry('since', bulkStr(a.since)));
      if (a.deprecatedSince !== undefined) fields.push(entry('deprecated_since', bulkStr(a.deprecatedSince)));
      const flags = argFlags(a);
      if (flags.length > 0) fields.push(entry('flags', simpleSet(flags)));
      if (a.type === 'oneof' || a.type === 'block')
        fields.push(entry('arguments', argumentsReply(a.arguments ?? [])));
      return map(fields);
    }),
  );
}

/** One COMMAND DOCS value (the map; the caller writes the name before it). */
export function commandDocsReply(cmd: Command): Reply {
  const s = cmd.spec;
  const fields: (readonly [Reply, Reply])[] = [];
  if (s.summary) fields.push(entry('summary', bulkStr(s.summary)));
  if (s.since) fields.push(entry('since', bulkStr(s.since)));
  fields.push(entry('group', bulkStr(s.group)));
  if (s.complexity) fields.push(entry('complexity', bulkStr(s.complexity)));
  if (s.docFlags && s.docFlags.length > 0) {
    const order = ['deprecated', 'syscmd'];
    fields.push(entry('doc_flags', simpleSet(order.filter((f) => s.docFlags!.includes(f)))));
  }
  if (s.deprecatedSince) fields.push(entry('deprecated_since', bulkStr(s.deprecatedSince)));
  if (s.replacedBy) fields.push(entry('replaced_by', bulkStr(s.replacedBy)));
  if (s.history && s.history.length > 0) {
    fields.push(entry('history', set(s.history.map(([v, text]) => arr([bulkStr(v), bulkStr(text)])))));
  }
  if (s.arguments && s.arguments.length > 0) fields.push(entry('arguments', argumentsReply(s.arguments)));
  if (cmd.subcommands) {
    const subs = [...cmd.subcommands.values()].map((sub) => entry(sub.fullName, commandDocsReply(sub)));
    fields.push(entry('subcommands', map(subs)));
  }
  return map(fields);
}
