/*
 * Helpers for the ACL differential tests.
 *
 * Redis prints the single-command part of ACL rules ("+get -set ...") in the order of its command
 * dictionary, which is hashed with a seed chosen at every start; the set of rules is fixed but not
 * their sequence. plain() turns a reply into plain data in which every run of such rules is sorted,
 * and drops the ACL LOG fields that cannot match (age-seconds, client-info).
 */
import { bin } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import type { ClientPair, Differential } from './harness.ts';

/** Sorts each run of "+cmd" / "-cmd" words (not categories) of a rule string. */
export function normalizeRules(text: string): string {
  const words = text.replace(/\(/g, '( ').replace(/\)/g, ' )').split(' ');
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    out.push(...run.sort());
    run = [];
  };
  for (const w of words) {
    if (/^[+-][^@]/.test(w)) run.push(w);
    else {
      flush();
      out.push(w);
    }
  }
  flush();
  return out.join(' ');
}

const VOLATILE_LOG_FIELDS = new Set(['age-seconds', 'client-info']);

export function plain(r: Reply | undefined): unknown {
  if (r === undefined) return '<no reply>';
  switch (r.t) {
    case 'bulk':
    case 'verbatim':
      return normalizeRules(bin(r.b));
    case 'simple':
      return `+${r.s}`;
    case 'error':
      return `-${r.s}`;
    case 'int':
      return Number(r.n);
    case 'nil':
    case 'nilarray':
      return null;
    case 'array':
    case 'set':
    case 'push':
      return pairsOrList(r.a.map(plain));
    case 'map':
      // Compared with RESP2 replies, where a map is a flat array of keys and values.
      return pairsOrList(r.m.flatMap(([k, v]) => [plain(k), plain(v)]));
    default:
      return r;
  }
}

/** RESP2 flattens maps to arrays: drop the volatile key/value pairs there too. */
function pairsOrList(items: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i++) {
    if (typeof items[i] === 'string' && VOLATILE_LOG_FIELDS.has(items[i] as string) && i + 1 < items.length) {
      i++;
      continue;
    }
    out.push(items[i]);
  }
  return out;
}

/** d.check with the ACL projection. */
export function checkAcl(d: Differential, args: string[]): Promise<boolean> {
  return d.check(args, { project: plain });
}

/** Runs a command on both sides of a pair and records whether the projected replies match. */
export async function pairCheck(d: Differential, p: ClientPair, ...args: string[]): Promise<void> {
  p.send(...args);
  const [ours, theirs] = await p.next();
  d.total++;
  const a = JSON.stringify(plain(ours));
  const b = JSON.stringify(plain(theirs));
  if (a === b) d.matched++;
  else d.mismatches.push(`[pair] ${args.join(' ')}\n    ours:  ${a}\n    redis: ${b}`);
}

/**
 * Names of the commands and subcommands our table lacks, plus "@<category>" for every category whose
 * size differs because of them (rules describing a user pick categories by size).
 */
export async function missingCommands(d: Differential): Promise<Set<string>> {
  const theirs = await d.real.call('COMMAND', 'LIST');
  const names = theirs.t === 'array' ? theirs.a.map((r) => (r.t === 'bulk' ? bin(r.b) : '')) : [];
  const missing = new Set(names.filter((n) => d.node.commands.lookupByName(n) === undefined));
  const cats = await d.real.call('ACL', 'CAT');
  for (const c of cats.t === 'array' ? cats.a : []) {
    const cat = c.t === 'bulk' ? bin(c.b) : '';
    const members = await d.real.call('ACL', 'CAT', cat);
    if (members.t === 'array' && members.a.some((m) => m.t === 'bulk' && missing.has(bin(m.b)))) {
      missing.add(`@${cat}`);
    }
  }
  return missing;
}

/**
 * Mismatches not explained by commands our table lacks: a reply naming such a command (ACL CAT), or
 * rules that use a category whose size differs (the best-fit choice of categories then differs),
 * cannot match until those commands exist.
 */
export function unexplained(d: Differential, missing: ReadonlySet<string>): string[] {
  return d.mismatches.filter((m) => {
    const lines = m.split('\n    ours:  ')[1] ?? '';
    return !lines.split(/[^a-z0-9_|@-]+/).some((w) => missing.has(w.replace(/^[+-]+/, '')));
  });
}
