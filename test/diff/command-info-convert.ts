/*
 * Turns a live Redis's COMMAND INFO + COMMAND DOCS replies back into our CommandSpec form, so the
 * COMMAND machinery (legacy key range, movablekeys, reply builders, key extraction) can be checked on
 * Redis's complete table rather than only on the commands we have implemented. Test-only: the specs
 * are fetched at run time and never stored.
 */
import type {
  ArgSpec,
  ArgType,
  BeginSearch,
  CommandFlag,
  CommandGroup,
  CommandSpec,
  FindKeys,
  KeySpec,
} from '../../src/engine/commands/types.ts';
import { mapEntries, type Shape } from './command-info-shape.ts';

const str = (s: Shape | undefined): string => String(s).replace(/^\+/, '');
const list = (s: Shape | undefined): Shape[] => (Array.isArray(s) ? s : []);
const fields = (s: Shape | undefined): Record<string, Shape> =>
  s === undefined ? {} : Object.fromEntries(mapEntries(s));

function beginSearch(s: Shape): BeginSearch {
  const f = fields(s);
  const spec = fields(f.spec);
  if (f.type === 'index') return { type: 'index', index: Number(spec.index) };
  if (f.type === 'keyword') {
    return { type: 'keyword', keyword: str(spec.keyword), startFrom: Number(spec.startfrom) };
  }
  return { type: 'unknown' };
}

function findKeys(s: Shape): FindKeys {
  const f = fields(s);
  const spec = fields(f.spec);
  if (f.type === 'range') {
    return {
      type: 'range',
      lastKey: Number(spec.lastkey),
      keyStep: Number(spec.keystep),
      limit: Number(spec.limit),
    };
  }
  if (f.type === 'keynum') {
    return {
      type: 'keynum',
      keyNumIdx: Number(spec.keynumidx),
      firstKey: Number(spec.firstkey),
      keyStep: Number(spec.keystep),
    };
  }
  return { type: 'unknown' };
}

function keySpec(s: Shape): KeySpec {
  const f = fields(s);
  const ks: KeySpec = {
    flags: list(f.flags).map((x) => str(x).toUpperCase()),
    beginSearch: beginSearch(f.begin_search!),
    findKeys: findKeys(f.find_keys!),
  };
  if (f.notes !== undefined) ks.notes = str(f.notes);
  return ks;
}

function argSpec(s: Shape): ArgSpec {
  const f = fields(s);
  const flags = list(f.flags).map(str);
  const a: ArgSpec = { name: str(f.name), type: str(f.type) as ArgType };
  if (f.key_spec_index !== undefined) a.keySpecIndex = Number(f.key_spec_index);
  if (f.token !== undefined) a.token = str(f.token);
  if (f.since !== undefined) a.since = str(f.since);
  if (f.deprecated_since !== undefined) a.deprecatedSince = str(f.deprecated_since);
  if (flags.includes('optional')) a.optional = true;
  if (flags.includes('multiple')) a.multiple = true;
  if (flags.includes('multiple_token')) a.multipleToken = true;
  if (f.arguments !== undefined) a.arguments = list(f.arguments).map(argSpec);
  return a;
}

/** One INFO entry plus its DOCS map as a spec; movablekeys is left for the registry to derive. */
export function specFromRedis(info: Shape[], docs: Shape): CommandSpec {
  const d = fields(docs);
  const spec: CommandSpec = {
    name: str(info[0]),
    summary: str(d.summary),
    since: str(d.since),
    group: str(d.group) as CommandGroup,
    arity: Number(info[1]),
    flags: list(info[2])
      .map(str)
      .filter((f) => f !== 'movablekeys') as CommandFlag[],
    acl: list(info[6]).map((c) => str(c).replace(/^@/, '')),
  };
  if (d.complexity !== undefined) spec.complexity = str(d.complexity);
  const tips = list(info[7]).map(str);
  if (tips.length) spec.tips = tips;
  const keySpecs = list(info[8]).map(keySpec);
  if (keySpecs.length) spec.keySpecs = keySpecs;
  if (d.arguments !== undefined) spec.arguments = list(d.arguments).map(argSpec);
  if (d.doc_flags !== undefined) spec.docFlags = list(d.doc_flags).map(str);
  if (d.deprecated_since !== undefined) spec.deprecatedSince = str(d.deprecated_since);
  if (d.replaced_by !== undefined) spec.replacedBy = str(d.replaced_by);
  if (d.history !== undefined) {
    spec.history = list(d.history).map((h) => [str(list(h)[0]), str(list(h)[1])] as [string, string]);
  }
  return spec;
}

/** Every command and subcommand of a Redis COMMAND INFO (all) / COMMAND DOCS (all) pair. */
export function specsFromRedis(infoAll: Shape, docsAll: Shape): CommandSpec[] {
  const docs = new Map(mapEntries(docsAll));
  const out: CommandSpec[] = [];
  for (const entry of list(infoAll)) {
    const info = list(entry);
    const name = str(info[0]);
    const d = docs.get(name)!;
    out.push(specFromRedis(info, d));
    const subDocs = new Map(mapEntries(fields(d).subcommands ?? []));
    for (const sub of list(info[9])) {
      const subInfo = list(sub);
      out.push(specFromRedis(subInfo, subDocs.get(str(subInfo[0]))!));
    }
  }
  return out;
}
