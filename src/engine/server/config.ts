/*
 * Server configuration: a table of parameters (config-table.ts: name, aliases, kind, default, bounds,
 * flags) and their current values, each kept in the canonical text form CONFIG GET prints ("yes",
 * "1048576", "noeviction", "3600 1 300 100 60 10000").
 *
 * CONFIG SET semantics follow Redis 7.0's configSetCommand: every name is looked up first (unknown,
 * immutable, protected and duplicate names fail before anything changes), then each value is parsed
 * (config-values.ts); the first bad value fails the whole command and nothing is applied. Only then are
 * the new values stored and change listeners (the "apply" hooks: hz, maxmemory, requirepass...) run.
 */
import { globMatchBin } from '../util/glob.ts';
import { parseConfigValue } from './config-values.ts';

export type ConfigKind = 'bool' | 'int' | 'memory' | 'string' | 'enum' | 'special';

export interface ConfigParam {
  name: string;
  aliases?: string[];
  kind: ConfigKind;
  /** Canonical default, as CONFIG GET prints it on a fresh redis-server 7.0. */
  default: string;
  /** Allowed values of an enum (or the flags of a multi-argument enum). */
  values?: string[];
  /** Bounds of numeric params, as decimal strings (they exceed 2^53). */
  min?: string;
  max?: string;
  /** Numeric params compared as unsigned 64-bit in Redis's bound check. */
  unsigned?: boolean;
  /** maxmemory-clients also takes "N%". */
  percent?: boolean;
  /** unixsocketperm is written and read in octal. */
  octal?: boolean;
  /** Cannot be changed at run time. */
  immutable?: boolean;
  /** Only changeable when enable-protected-configs allows it. */
  protected?: boolean;
  /** Values are redacted from logs (requirepass, masterauth). */
  sensitive?: boolean;
  /** Left out of pattern matches; CONFIG GET needs the exact name. */
  hidden?: boolean;
  /** The value is several space-separated words. */
  multiArg?: boolean;
  denyLoading?: boolean;
}

export type ConfigListener = (value: string, name: string) => void;

export class Config {
  private readonly values = new Map<string, string>();
  private readonly byName = new Map<string, ConfigParam>();
  private readonly listeners = new Map<string, ConfigListener[]>();

  constructor(readonly params: readonly ConfigParam[]) {
    for (const p of params) {
      this.byName.set(p.name, p);
      for (const a of p.aliases ?? []) this.byName.set(a, p);
      this.values.set(p.name, p.default);
    }
  }

  param(name: string): ConfigParam | undefined {
    return this.byName.get(name.toLowerCase());
  }

  get(name: string): string {
    const p = this.param(name);
    if (!p) throw new Error(`unknown config ${name}`);
    return this.values.get(p.name)!;
  }

  getInt(name: string): number {
    return Number(this.get(name));
  }

  getBool(name: string): boolean {
    return this.get(name) === 'yes';
  }

  /**
   * Stores a value after parsing it as CONFIG SET would (throws on a bad value) and runs its change
   * listeners, so values derived from the config stay in step (start-up overrides, tests).
   */
  setRaw(name: string, value: string): void {
    const p = this.param(name);
    if (!p) throw new Error(`unknown config ${name}`);
    const parsed = parseConfigValue(p, value, this.values.get(p.name)!);
    if (typeof parsed !== 'string') throw new Error(`bad value for ${name}: ${parsed.error}`);
    this.values.set(p.name, parsed);
    for (const fn of this.listeners.get(p.name) ?? []) fn(parsed, p.name);
  }

  /** Runs `fn` after each successful change of `name` (through CONFIG SET). */
  onChange(name: string, fn: ConfigListener): void {
    const p = this.param(name);
    if (!p) throw new Error(`unknown config ${name}`);
    const list = this.listeners.get(p.name) ?? [];
    list.push(fn);
    this.listeners.set(p.name, list);
  }

  /**
   * CONFIG GET: names matched by each pattern (exact lookup when it has no glob characters), keyed by
   * the name as the client will see it (an alias matched by a pattern is shown as the alias).
   */
  match(patterns: readonly string[]): Map<string, ConfigParam> {
    const out = new Map<string, ConfigParam>();
    for (const pat of patterns) {
      if (!/[[*?]/.test(pat)) {
        const p = this.param(pat);
        if (p && !out.has(pat)) out.set(pat, p);
        continue;
      }
      for (const [name, p] of this.byName) {
        if (p.hidden || out.has(name)) continue;
        if (globMatchBin(pat, name, true)) out.set(name, p);
      }
    }
    return out;
  }

  /**
   * CONFIG SET of several pairs, all or nothing. Returns null on success or the error text.
   * `allowProtected` says whether this client may change protected params.
   */
  setMany(pairs: readonly [string, string][], allowProtected: boolean): string | null {
    const chosen: ConfigParam[] = [];
    let problem: string | undefined;
    for (const [name] of pairs) {
      const p = this.param(name);
      if (problem) continue;
      if (!p) {
        problem = `ERR Unknown option or number of arguments for CONFIG SET - '${name}'`;
        continue;
      }
      let why: string | undefined;
      if (p.immutable) why = "can't set immutable config";
      else if (p.protected && !allowProtected) why = "can't set protected config";
      else if (chosen.includes(p)) why = 'duplicate parameter';
      if (why) problem = `ERR CONFIG SET failed (possibly related to argument '${name}') - ${why}`;
      chosen.push(p);
    }
    if (problem) return problem;
    const next: string[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const p = chosen[i]!;
      const parsed = parseConfigValue(p, pairs[i]![1], this.values.get(p.name)!);
      if (typeof parsed !== 'string') {
        return `ERR CONFIG SET failed (possibly related to argument '${p.name}') - ${parsed.error}`;
      }
      next.push(parsed);
    }
    const changed: ConfigParam[] = [];
    chosen.forEach((p, i) => {
      if (this.values.get(p.name) !== next[i]) changed.push(p);
      this.values.set(p.name, next[i]!);
    });
    for (const p of changed)
      for (const fn of this.listeners.get(p.name) ?? []) fn(this.values.get(p.name)!, p.name);
    return null;
  }
}
