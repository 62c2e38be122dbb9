/*
 * Server configuration: a table of parameters (name, aliases, kind, default) with typed values. CONFIG
 * GET matches names and aliases with Redis's glob rules; CONFIG SET validates every pair first and then
 * applies them all (or none), as Redis 7.0 does.
 */

export type ConfigKind = 'bool' | 'int' | 'memory' | 'string' | 'enum' | 'special';

export interface ConfigParam {
  name: string;
  aliases?: string[];
  kind: ConfigKind;
  default: string;
  /** Allowed values of an enum (or of a multi-valued flags param). */
  values?: string[];
  min?: number;
  max?: number;
  /** Cannot be changed at run time (CONFIG SET answers an error). */
  immutable?: boolean;
}

export class Config {
  private readonly values = new Map<string, string>();
  private readonly byName = new Map<string, ConfigParam>();

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

  /** Stores an already validated, normalised value. */
  setRaw(name: string, value: string): void {
    const p = this.param(name);
    if (!p) throw new Error(`unknown config ${name}`);
    this.values.set(p.name, value);
  }
}
