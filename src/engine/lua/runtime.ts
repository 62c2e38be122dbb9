/*
 * The Lua state: globals, the string metatable, the per-call line stack used for "chunk:line:" error
 * prefixes, the step budget with its hook, and the 5.1 semantics of every operator (coercions and
 * metamethods: __index, __newindex, __call, __eq, __lt, __le, __concat, __unm, arithmetic, __len for
 * non-tables only as in 5.1).
 *
 * Errors: a Lua error is a thrown LuaError carrying any Lua value. LuaAbort (the hook stopping a script,
 * e.g. SCRIPT KILL) is a different class that pcall does not catch, as Redis makes killed scripts
 * unstoppable by pcall (its hook re-raises on every line).
 */
import { str2number } from './lexer';
import { LuaFunction, LuaTable, luaType, numberToString, rawToString, type LuaValue } from './value';

export class LuaError extends Error {
  constructor(readonly value: LuaValue) {
    super(typeof value === 'string' ? value : rawToString(value));
  }
}

export class LuaAbort extends Error {}

/** What a suspendable script yields to its LuaRun when the hook asked for control back. */
export const SUSPEND = { suspend: true } as const;

/** How an operand was named in the source, for "attempt to index global 'x' (a nil value)". */
export type VarInfo = string | undefined;

const ARITH_EVENTS: Record<string, string> = {
  '+': '__add',
  '-': '__sub',
  '*': '__mul',
  '/': '__div',
  '%': '__mod',
  '^': '__pow',
};

export class LuaState {
  globals = new LuaTable();
  stringMeta: LuaTable | undefined;
  /** Current source line of each active Lua function (innermost last). */
  lines: number[] = [];
  depth = 0;
  /** Nested Lua calls allowed (real 5.1 allows ~16000; the JS stack holds about 1500 of ours). */
  maxDepth = 800;
  steps = 0;
  /** Steps between hook calls; the hook may throw LuaAbort to stop the script. */
  hookEvery = 100000;
  private nextHook = 100000;
  hook: ((state: LuaState) => void) | undefined;

  /** Set by the hook (requestYield): the script should give control back at its next yield point. */
  private yieldPending = false;
  /**
   * Native frames (sort comparators, gsub callbacks, metamethods) currently driving Lua code to its end:
   * code below them cannot suspend, so yield points wait until they have returned.
   */
  syncDepth = 0;
  /** C-call boundaries (native frames and pcall) a coroutine.yield may not cross, as in 5.1. */
  cBoundary = 0;
  /** The running coroutine (undefined: the main script). */
  coroutine: unknown = undefined;

  constructor(readonly chunk = 'user_script') {}

  /** Asks the running script to suspend at its next yield point (a loop iteration or a call). */
  requestYield(): void {
    this.yieldPending = true;
  }

  /** At a yield point: true (and the request consumed) when the script should yield SUSPEND now. */
  mustYield(): boolean {
    if (!this.yieldPending || this.syncDepth !== 0) return false;
    this.yieldPending = false;
    return true;
  }

  /** Runs a suspendable body to its end from native code; suspension requests wait meanwhile. */
  drive<T>(it: Generator<unknown, T, unknown>): T {
    this.syncDepth++;
    this.cBoundary++;
    try {
      for (;;) {
        const r = it.next();
        if (r.done) return r.value;
      }
    } finally {
      this.syncDepth--;
      this.cBoundary--;
    }
  }

  /** The SUSPEND a yield point yields, with its line current (what a kill at this point reports). */
  suspendAt(line: number): typeof SUSPEND {
    this.setLine(line);
    return SUSPEND;
  }

  /** Records the current line of the innermost Lua function (for error positions of callees). */
  setLine(line: number): void {
    const n = this.lines.length;
    if (n > 0) this.lines[n - 1] = line;
  }

  setHook(every: number, hook: ((state: LuaState) => void) | undefined): void {
    this.hookEvery = every;
    this.nextHook = this.steps + every;
    this.hook = hook;
  }

  /** Called on every statement, loop iteration and call. */
  step(): void {
    if (++this.steps >= this.nextHook) {
      this.nextHook = this.steps + this.hookEvery;
      this.hook?.(this);
    }
  }

  /** luaL_where: "chunk:line: " of the Lua function `level` frames up (1 = innermost), "" if none. */
  where(level = 1): string {
    const i = this.lines.length - level;
    if (i < 0 || this.lines[i]! < 0) return '';
    return `${this.chunk}:${this.lines[i]}: `;
  }

  /** Name of the builtin being called, as 5.1 derives it from the call site ('?' when unknown). */
  calleeInfo: VarInfo = undefined;

  get calleeName(): string {
    const info = this.calleeInfo;
    return info ? info.slice(info.indexOf("'") + 1, -1) : '?';
  }

  /** luaL_argerror: "bad argument #n to 'name' (msg)". */
  argError(n: number, msg: string): never {
    this.error(`bad argument #${n} to '${this.calleeName}' (${msg})`);
  }

  /** Calls a function from a builtin (pcall, sort comparators, gsub callbacks): no Lua line is current. */
  callFromNative(f: LuaValue, args: LuaValue[]): LuaValue[] {
    this.lines.push(-1);
    try {
      this.calleeInfo = undefined;
      if (f instanceof LuaFunction) return f.call(args);
      const h = this.metamethod(f, '__call');
      if (h instanceof LuaFunction) return h.call([f, ...args]);
      this.error(`attempt to call a ${luaType(f)} value`);
    } finally {
      this.lines.pop();
    }
  }

  /** callFromNative for a suspendable native (pcall): a Lua callee runs by delegation. */
  *callFromNativeGen(f: LuaValue, args: LuaValue[]): Generator<unknown, LuaValue[], unknown> {
    this.lines.push(-1);
    try {
      this.calleeInfo = undefined;
      if (f instanceof LuaFunction) return f.gen !== undefined ? yield* f.gen(args) : f.call(args);
      const h = this.metamethod(f, '__call');
      if (h instanceof LuaFunction)
        return h.gen !== undefined ? yield* h.gen([f, ...args]) : h.call([f, ...args]);
      this.error(`attempt to call a ${luaType(f)} value`);
    } finally {
      this.lines.pop();
    }
  }

  /** Raises an error at the innermost Lua line (what luaL_error does from a builtin). */
  error(msg: string): never {
    throw new LuaError(this.where(1) + msg);
  }

  /** A runtime error at a source line; line < 0 means inside a builtin (no position, as 5.1). */
  rtError(msg: string, line: number): never {
    throw new LuaError(line < 0 ? msg : `${this.chunk}:${line}: ${msg}`);
  }

  metaOf(v: LuaValue): LuaTable | undefined {
    if (v instanceof LuaTable) return v.metatable;
    if (typeof v === 'string') return this.stringMeta;
    return undefined;
  }

  metamethod(v: LuaValue, event: string): LuaValue {
    const mt = this.metaOf(v);
    return mt === undefined ? undefined : mt.getStr(event);
  }

  private typeError(op: string, v: LuaValue, info: VarInfo, line: number): never {
    if (info) this.rtError(`attempt to ${op} ${info} (a ${luaType(v)} value)`, line);
    this.rtError(`attempt to ${op} a ${luaType(v)} value`, line);
  }

  index(o: LuaValue, k: LuaValue, line: number, info?: VarInfo): LuaValue {
    for (let loop = 0; loop < 100; loop++) {
      let h: LuaValue;
      if (o instanceof LuaTable) {
        const v = o.get(k);
        if (v !== undefined || o.metatable === undefined) return v;
        h = o.metatable.getStr('__index');
        if (h === undefined) return undefined;
      } else {
        h = this.metamethod(o, '__index');
        if (h === undefined) this.typeError('index', o, loop === 0 ? info : undefined, line);
      }
      if (h instanceof LuaFunction) return this.call(h, [o, k], line)[0];
      o = h;
    }
    this.rtError('loop in gettable', line);
  }

  setIndex(o: LuaValue, k: LuaValue, v: LuaValue, line: number, info?: VarInfo): void {
    for (let loop = 0; loop < 100; loop++) {
      let h: LuaValue;
      if (o instanceof LuaTable) {
        if (o.metatable === undefined || o.get(k) !== undefined) return this.rawSet(o, k, v, line);
        h = o.metatable.getStr('__newindex');
        if (h === undefined) return this.rawSet(o, k, v, line);
      } else {
        h = this.metamethod(o, '__newindex');
        if (h === undefined) this.typeError('index', o, loop === 0 ? info : undefined, line);
      }
      if (h instanceof LuaFunction) {
        this.call(h, [o, k, v], line);
        return;
      }
      o = h;
    }
    this.rtError('loop in settable', line);
  }

  /** Refuses writes to tables Redis made readonly; from a builtin (line undefined) without position. */
  checkWritable(t: LuaTable, line?: number): void {
    if (t.readonly) this.rtError('Attempt to modify a readonly table', line ?? -1);
  }

  rawSet(t: LuaTable, k: LuaValue, v: LuaValue, line?: number): void {
    if (t.readonly) this.checkWritable(t, line);
    if (k === undefined) this.errorAt('table index is nil', line);
    if (typeof k === 'number' && Number.isNaN(k)) this.errorAt('table index is NaN', line);
    t.set(k, v);
  }

  private errorAt(msg: string, line: number | undefined): never {
    if (line === undefined) this.error(msg);
    this.rtError(msg, line);
  }

  call(f: LuaValue, args: LuaValue[], line: number, info?: VarInfo): LuaValue[] {
    if (f instanceof LuaFunction) {
      this.setLine(line);
      if (f.native) this.calleeInfo = info;
      return f.call(args);
    }
    const h = this.metamethod(f, '__call');
    if (h instanceof LuaFunction) return this.call(h, [f, ...args], line);
    this.typeError('call', f, info, line);
  }

  tonumber(v: LuaValue): number | undefined {
    if (typeof v === 'number') return v;
    if (typeof v === 'string') return str2number(v);
    return undefined;
  }

  arith(op: string, a: LuaValue, b: LuaValue, line: number, ia?: VarInfo, ib?: VarInfo): LuaValue {
    const x = this.tonumber(a);
    const y = this.tonumber(b);
    if (x !== undefined && y !== undefined) return arithNumbers(op, x, y);
    const event = ARITH_EVENTS[op]!;
    let h = this.metamethod(a, event);
    if (h === undefined) h = this.metamethod(b, event);
    if (h !== undefined) return this.call(h, [a, b], line)[0];
    if (x === undefined) this.typeError('perform arithmetic on', a, ia, line);
    this.typeError('perform arithmetic on', b, ib, line);
  }

  unm(a: LuaValue, line: number, info?: VarInfo): LuaValue {
    const x = this.tonumber(a);
    if (x !== undefined) return -x;
    const h = this.metamethod(a, '__unm');
    if (h !== undefined) return this.call(h, [a, a], line)[0];
    this.typeError('perform arithmetic on', a, info, line);
  }

  concat(a: LuaValue, b: LuaValue, line: number, ia?: VarInfo, ib?: VarInfo): LuaValue {
    const sa = typeof a === 'string' ? a : typeof a === 'number' ? numberToString(a) : undefined;
    const sb = typeof b === 'string' ? b : typeof b === 'number' ? numberToString(b) : undefined;
    if (sa !== undefined && sb !== undefined) return sa + sb;
    let h = this.metamethod(a, '__concat');
    if (h === undefined) h = this.metamethod(b, '__concat');
    if (h !== undefined) return this.call(h, [a, b], line)[0];
    if (sa === undefined) this.typeError('concatenate', a, ia, line);
    this.typeError('concatenate', b, ib, line);
  }

  len(a: LuaValue, line: number, info?: VarInfo): number | LuaValue {
    if (typeof a === 'string') return a.length;
    if (a instanceof LuaTable) return a.length();
    const h = this.metamethod(a, '__len');
    if (h !== undefined) return this.call(h, [a], line)[0];
    this.typeError('get length of', a, info, line);
  }

  eq(a: LuaValue, b: LuaValue, line: number): boolean {
    if (a === b) return true;
    if (!(a instanceof LuaTable) || !(b instanceof LuaTable)) return false;
    const h = this.sameMeta(a, b, '__eq');
    return h !== undefined && truthyValue(this.call(h, [a, b], line)[0]);
  }

  private sameMeta(a: LuaValue, b: LuaValue, event: string): LuaValue {
    const ha = this.metamethod(a, event);
    if (ha === undefined) return undefined;
    const hb = this.metamethod(b, event);
    return ha === hb ? ha : undefined;
  }

  private compareError(a: LuaValue, b: LuaValue, line: number): never {
    const ta = luaType(a);
    const tb = luaType(b);
    if (ta === tb) this.rtError(`attempt to compare two ${ta} values`, line);
    this.rtError(`attempt to compare ${ta} with ${tb}`, line);
  }

  lt(a: LuaValue, b: LuaValue, line: number): boolean {
    if (typeof a === 'number' && typeof b === 'number') return a < b;
    if (typeof a === 'string' && typeof b === 'string') return a < b;
    if (luaType(a) === luaType(b)) {
      const h = this.sameMeta(a, b, '__lt');
      if (h !== undefined) return truthyValue(this.call(h, [a, b], line)[0]);
    }
    this.compareError(a, b, line);
  }

  le(a: LuaValue, b: LuaValue, line: number): boolean {
    if (typeof a === 'number' && typeof b === 'number') return a <= b;
    if (typeof a === 'string' && typeof b === 'string') return a <= b;
    if (luaType(a) === luaType(b)) {
      let h = this.sameMeta(a, b, '__le');
      if (h !== undefined) return truthyValue(this.call(h, [a, b], line)[0]);
      h = this.sameMeta(a, b, '__lt');
      if (h !== undefined) return !truthyValue(this.call(h, [b, a], line)[0]);
    }
    this.compareError(a, b, line);
  }

  /** tostring() with __tostring. */
  tostring(v: LuaValue): string {
    const h = this.metamethod(v, '__tostring');
    if (h !== undefined) {
      const r = this.call(h, [v], this.lines[this.lines.length - 1] ?? 0)[0];
      if (typeof r !== 'string') this.error("'tostring' must return a string");
      return r;
    }
    return rawToString(v);
  }
}

function truthyValue(v: LuaValue): boolean {
  return v !== undefined && v !== false;
}

export function arithNumbers(op: string, x: number, y: number): number {
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '%':
      return x - Math.floor(x / y) * y;
    default:
      return Math.pow(x, y);
  }
}
