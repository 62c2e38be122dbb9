/*
 * Every spec of every family is well formed: the checks Redis's own command table generator and
 * populateCommandStructure rely on, so a typo in a spec fails here instead of showing up as a wrong
 * COMMAND reply. Problems are collected and listed together, one line per spec and rule.
 */
import { describe, expect, it } from 'vitest';
import { ACL_CATEGORY_ORDER, KEY_FLAG_ORDER } from './command-info.ts';
import { allFamilies } from './index.ts';
import type { ArgSpec, CommandSpec, KeySpec } from './types.ts';

const FLAGS = new Set([
  'write', 'readonly', 'denyoom', 'module', 'admin', 'pubsub', 'noscript', 'blocking', 'loading', 'stale',
  'skip_monitor', 'skip_slowlog', 'asking', 'fast', 'no_auth', 'may_replicate', 'sentinel', 'only_sentinel',
  'no_mandatory_keys', 'protected', 'no_async_loading', 'no_multi', 'movablekeys', 'allow_busy',
]); // prettier-ignore
const GROUPS = new Set([
  'generic', 'string', 'list', 'set', 'sorted-set', 'hash', 'pubsub', 'transactions', 'connection', 'server',
  'scripting', 'hyperloglog', 'cluster', 'sentinel', 'geo', 'stream', 'bitmap',
]); // prettier-ignore
const ARG_TYPES = new Set([
  'string',
  'integer',
  'double',
  'key',
  'pattern',
  'unix-time',
  'pure-token',
  'oneof',
  'block',
]);
const KEY_FLAGS = new Set(KEY_FLAG_ORDER.map(([u]) => u));
const ACCESS_KEY_FLAGS = ['RO', 'RW', 'OW', 'RM'];
const ACL = new Set<string>(ACL_CATEGORY_ORDER);
const VERSION = /^\d+\.\d+\.\d+$/;
const TIP =
  /^(nondeterministic_output|nondeterministic_output_order|request_policy:\w+|response_policy:\w+)$/;

function keySpecProblems(ks: KeySpec, arity: number): string[] {
  const out: string[] = [];
  for (const f of ks.flags) if (!KEY_FLAGS.has(f.toUpperCase())) out.push(`unknown key spec flag ${f}`);
  const access = ks.flags.filter((f) => ACCESS_KEY_FLAGS.includes(f.toUpperCase()));
  if (access.length > 1) out.push(`key spec has several of RO/RW/OW/RM: ${access.join(',')}`);
  const bs = ks.beginSearch;
  if (bs.type === 'index' && (bs.index < 1 || (arity > 0 && bs.index >= arity))) {
    out.push(`begin_search index ${bs.index} out of range for arity ${arity}`);
  }
  if (bs.type === 'keyword' && (bs.keyword === '' || bs.startFrom === 0))
    out.push('bad keyword begin_search');
  const fk = ks.findKeys;
  if (fk.type === 'range') {
    if (fk.keyStep < 1) out.push(`range keystep ${fk.keyStep}`);
    if (fk.limit < 0 || (fk.limit > 0 && fk.lastKey !== -1)) out.push('range limit needs lastkey -1');
    if (arity > 0 && bs.type === 'index' && fk.lastKey >= 0 && bs.index + fk.lastKey >= arity) {
      out.push(`range lastkey ${fk.lastKey} past arity ${arity}`);
    }
  }
  if (fk.type === 'keynum' && (fk.keyStep < 1 || fk.firstKey < 1 || fk.keyNumIdx < 0)) out.push('bad keynum');
  return out;
}

function argProblems(args: readonly ArgSpec[], nKeySpecs: number, path: string): string[] {
  const out: string[] = [];
  for (const a of args) {
    const at = `${path}${a.name}`;
    if (!ARG_TYPES.has(a.type)) out.push(`argument ${at}: unknown type ${a.type}`);
    if (a.name !== a.name.toLowerCase()) out.push(`argument ${at}: name not lower case (Redis's all are)`);
    if (a.keySpecIndex !== undefined && (a.keySpecIndex < 0 || a.keySpecIndex >= nKeySpecs)) {
      out.push(`argument ${at}: key_spec_index ${a.keySpecIndex} but ${nKeySpecs} key specs`);
    }
    if (a.type === 'key' && a.keySpecIndex === undefined)
      out.push(`argument ${at}: key without key_spec_index`);
    if (a.type === 'pure-token' && a.token === undefined)
      out.push(`argument ${at}: pure-token without token`);
    // Redis's table generator upper-cases every token (the JSON files sometimes have them in lower case).
    if (a.token !== undefined && a.token !== a.token.toUpperCase()) {
      out.push(`argument ${at}: token ${a.token} not upper case`);
    }
    if (a.since !== undefined && !VERSION.test(a.since)) out.push(`argument ${at}: bad since ${a.since}`);
    const nested = a.type === 'oneof' || a.type === 'block';
    if (nested && !a.arguments?.length) out.push(`argument ${at}: ${a.type} without arguments`);
    if (!nested && a.arguments) out.push(`argument ${at}: ${a.type} with nested arguments`);
    if (a.arguments) out.push(...argProblems(a.arguments, nKeySpecs, `${at}.`));
  }
  return out;
}

function specProblems(s: CommandSpec, names: Set<string>): string[] {
  const out: string[] = [];
  if (!/^[a-z0-9_-]+(\|[a-z0-9_-]+)?$/.test(s.name)) out.push('name not lower case / bad characters');
  const container = s.name.includes('|') ? s.name.split('|')[0]! : undefined;
  if (container !== undefined && !names.has(container)) out.push(`no container spec ${container}`);
  if (!Number.isInteger(s.arity) || s.arity === 0) out.push(`arity ${s.arity}`);
  if (container !== undefined && Math.abs(s.arity) < 2) out.push(`subcommand arity ${s.arity}`);
  for (const f of s.flags) if (!FLAGS.has(f)) out.push(`unknown flag ${f}`);
  if (s.flags.includes('write') && s.flags.includes('readonly')) out.push('both write and readonly');
  for (const c of s.acl) if (!ACL.has(c.toLowerCase())) out.push(`unknown ACL category ${c}`);
  if (s.acl.some((c) => c.startsWith('@'))) out.push("ACL categories are written without '@'");
  if (!GROUPS.has(s.group)) out.push(`unknown group ${s.group}`);
  if (!VERSION.test(s.since)) out.push(`bad since ${s.since}`);
  if (!s.summary || s.summary.includes('\n')) out.push('summary must be one line');
  for (const t of s.tips ?? []) if (!TIP.test(t)) out.push(`bad tip ${t}`);
  for (const [v] of s.history ?? []) if (!VERSION.test(v)) out.push(`bad history version ${v}`);
  for (const f of s.docFlags ?? []) if (f !== 'deprecated' && f !== 'syscmd') out.push(`bad doc flag ${f}`);
  if (s.docFlags?.includes('deprecated') && !(s.deprecatedSince && s.replacedBy)) {
    out.push('deprecated without deprecated_since / replaced_by');
  }
  for (const ks of s.keySpecs ?? []) out.push(...keySpecProblems(ks, s.arity));
  out.push(...argProblems(s.arguments ?? [], s.keySpecs?.length ?? 0, ''));
  return out;
}

describe('command specs', () => {
  it('are all well formed', () => {
    const specs = allFamilies.flatMap((f) => f.specs);
    const names = new Set(specs.map((s) => s.name));
    const problems = specs.flatMap((s) => specProblems(s, names).map((p) => `${s.name}: ${p}`));
    console.log(`[specs-validate] ${specs.length} specs checked, ${problems.length} problems`);
    expect(problems).toEqual([]);
  });

  it('name each command once', () => {
    const names = allFamilies.flatMap((f) => f.specs.map((s) => s.name));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
