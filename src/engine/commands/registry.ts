/*
 * The command registry: joins the declarative specs with their handlers into a lookup tree (containers
 * such as CLIENT hold subcommands), derives the legacy (first, last, step) key range from key specs as
 * Redis's populateCommandLegacyRangeSpec does, and fails loudly when a spec has no handler or a handler
 * has no spec, so the table and the code cannot drift apart.
 */
import { type Bytes, eqIgnoreCase, lowerBin } from '../bytes.ts';
import type { CommandFamily, CommandSpec, Handler, KeySpec } from './types.ts';

export interface CommandStats {
  calls: number;
  usec: number;
  rejectedCalls: number;
  failedCalls: number;
}

export interface Command {
  spec: CommandSpec;
  /** Full name, e.g. 'client|list'. */
  fullName: string;
  /** Undefined only for containers, which run nothing by themselves. */
  handler: Handler | undefined;
  parent: Command | undefined;
  subcommands: Map<string, Command> | undefined;
  legacyRange: { first: number; last: number; step: number };
  movableKeys: boolean;
  stats: CommandStats;
  /** Precomputed flag tests used on the hot path. */
  isWrite: boolean;
  isReadonly: boolean;
}

export class CommandRegistry {
  readonly top = new Map<string, Command>();

  constructor(families: readonly CommandFamily[]) {
    const specs = new Map<string, CommandSpec>();
    const handlers = new Map<string, Handler>();
    for (const f of families) {
      for (const s of f.specs) {
        if (specs.has(s.name)) throw new Error(`command spec ${s.name} declared twice`);
        specs.set(s.name, s);
      }
      for (const [name, h] of Object.entries(f.handlers)) {
        if (handlers.has(name)) throw new Error(`handler ${name} declared twice`);
        handlers.set(name, h);
      }
    }
    const containers = new Set([...specs.keys()].filter((n) => n.includes('|')).map((n) => n.split('|')[0]!));
    for (const name of handlers.keys()) if (!specs.has(name)) throw new Error(`handler ${name} has no spec`);
    for (const name of specs.keys()) {
      if (!handlers.has(name) && !containers.has(name)) throw new Error(`spec ${name} has no handler`);
    }
    const ordered = [...specs.values()].sort((a, b) => a.name.split('|').length - b.name.split('|').length);
    for (const spec of ordered) this.add(spec, handlers.get(spec.name));
  }

  private add(spec: CommandSpec, handler: Handler | undefined): void {
    const parts = spec.name.split('|');
    const parent = parts.length > 1 ? this.top.get(parts[0]!) : undefined;
    if (parts.length > 1 && !parent) throw new Error(`subcommand ${spec.name} has no container spec`);
    const range = legacyRange(spec.keySpecs ?? []);
    const cmd: Command = {
      spec,
      fullName: spec.name,
      handler,
      parent,
      subcommands: undefined,
      legacyRange: range,
      movableKeys: range.movable || spec.flags.includes('movablekeys'),
      stats: { calls: 0, usec: 0, rejectedCalls: 0, failedCalls: 0 },
      isWrite: spec.flags.includes('write'),
      isReadonly: spec.flags.includes('readonly'),
    };
    if (parent) {
      parent.subcommands ??= new Map();
      parent.subcommands.set(parts[1]!, cmd);
    } else {
      this.top.set(spec.name, cmd);
      this.byHash = undefined;
    }
  }

  /** Redis's lookupCommand: a container with argc >= 2 resolves to its subcommand (or undefined). */
  lookup(argv: readonly Bytes[]): Command | undefined {
    const base = this.lookupTop(argv[0]!);
    if (!base || !base.subcommands || argv.length < 2) return base;
    return base.subcommands.get(lowerBin(argv[1]!));
  }

  /**
   * Top-level lookup without building a string: a case-folded hash of the name's bytes selects the
   * one candidate, confirmed by a byte comparison. Names whose hashes collide (none today) use the
   * string map.
   */
  private lookupTop(name: Bytes): Command | undefined {
    if (this.byHash === undefined) this.indexByHash();
    const cmd = this.byHash!.get(foldedHash(name));
    if (cmd !== undefined && eqIgnoreCase(name, cmd.fullName)) return cmd;
    return this.hashCollisions ? this.top.get(lowerBin(name)) : undefined;
  }

  private byHash: Map<number, Command> | undefined;
  private hashCollisions = false;

  private indexByHash(): void {
    const byHash = new Map<number, Command>();
    for (const [name, cmd] of this.top) {
      const h = foldedHash(unbinAscii(name));
      if (byHash.has(h)) this.hashCollisions = true;
      else byHash.set(h, cmd);
    }
    this.byHash = byHash;
  }

  lookupByName(fullName: string): Command | undefined {
    const [a, b] = fullName.toLowerCase().split('|');
    const base = this.top.get(a!);
    return b === undefined ? base : base?.subcommands?.get(b);
  }

  /** Every command and subcommand, containers first. */
  *all(): Iterable<Command> {
    for (const c of this.top.values()) {
      yield c;
      if (c.subcommands) yield* c.subcommands.values();
    }
  }
}

/** FNV-1a over ASCII-lowercased bytes, as a small integer (a fast Map key). */
function foldedHash(b: Bytes): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) {
    let c = b[i]!;
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 2; // 30 bits: a V8 small integer
}

function unbinAscii(s: string): Bytes {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/*
 * Legacy (first, last, step) from key specs, after Redis's populateCommandLegacyRangeSpec: one
 * index+range spec is taken as is; otherwise plain (step 1) index+range specs that follow each other
 * are merged, and anything else (keyword search, keynum, a gap, a step) sets movablekeys instead.
 * Returned with `last` absolute (negative values count from the end), as COMMAND INFO prints it.
 */
export function legacyRange(specs: readonly KeySpec[]): {
  first: number;
  last: number;
  step: number;
  movable: boolean;
} {
  if (specs.length === 0) return { first: 0, last: 0, step: 0, movable: false };
  const only = specs[0]!;
  if (specs.length === 1 && only.beginSearch.type === 'index' && only.findKeys.type === 'range') {
    const pos = only.beginSearch.index;
    const lk = only.findKeys.lastKey;
    return {
      first: pos,
      last: lk >= 0 ? lk + pos : lk,
      step: only.findKeys.keyStep,
      movable: only.flags.includes('INCOMPLETE'),
    };
  }
  let first = Infinity;
  let last = 0;
  let prevLast = 0;
  let movable = false;
  for (const ks of specs) {
    if (ks.beginSearch.type !== 'index' || ks.findKeys.type !== 'range') {
      movable = true;
      continue;
    }
    const pos = ks.beginSearch.index;
    if (ks.findKeys.keyStep !== 1 || (prevLast !== 0 && prevLast !== pos - 1)) {
      movable = true;
      continue;
    }
    if (ks.flags.includes('INCOMPLETE')) movable = true;
    first = Math.min(first, pos);
    const abs = ks.findKeys.lastKey >= 0 ? ks.findKeys.lastKey + pos : ks.findKeys.lastKey;
    // Redis compares as unsigned: a negative (from-the-end) index wins over any positive one.
    last = unsignedMax(last, abs);
    prevLast = last;
  }
  if (first === Infinity) return { first: 0, last: 0, step: 0, movable: true };
  return { first, last, step: 1, movable };
}

function unsignedMax(a: number, b: number): number {
  return a >>> 0 >= b >>> 0 ? a : b;
}
