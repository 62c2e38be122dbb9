/*
 * Recursive-descent parser for the whole Lua 5.1 grammar (lparser.c's structure, our own code):
 * blocks, local/global assignment, function statements (a.b.c:m), closures and varargs, method calls,
 * call sugar f"s" / f{...}, table constructors, numeric and generic for, while, repeat-until (the
 * condition sees the body's locals), if/elseif/else, break and return (last statement of a block).
 * Binary operators use 5.1's priority table with left/right binding powers (.. and ^ are right
 * associative). Error texts follow 5.1: "'end' expected (to close 'x' at line n) near '<eof>'".
 */
import type { Expr, FuncBody, Stat, TableItem } from './ast';
import { Lexer, type Token } from './lexer';

const BINARY: Record<string, [number, number]> = {
  or: [1, 1],
  and: [2, 2],
  '<': [3, 3],
  '>': [3, 3],
  '<=': [3, 3],
  '>=': [3, 3],
  '~=': [3, 3],
  '==': [3, 3],
  '..': [5, 4],
  '+': [6, 6],
  '-': [6, 6],
  '*': [7, 7],
  '/': [7, 7],
  '%': [7, 7],
  '^': [10, 9],
};
const UNARY_PRIORITY = 8;

export function parseChunk(src: string, chunk: string): FuncBody {
  const p = new Parser(new Lexer(src, chunk));
  const body = p.block();
  p.expectEof();
  return { params: [], vararg: true, body, line: 0, name: 'main chunk' };
}

class Parser {
  /** Per open function: whether it takes '...', and how many loops enclose the current point. */
  private fns: { vararg: boolean; loops: number }[] = [{ vararg: true, loops: 0 }];
  constructor(private readonly lx: Lexer) {}

  private get fn(): { vararg: boolean; loops: number } {
    return this.fns[this.fns.length - 1]!;
  }

  private loopBody(): Stat[] {
    this.fn.loops++;
    try {
      return this.block();
    } finally {
      this.fn.loops--;
    }
  }

  /** The token as 5.1's error messages show it: control characters as char(N) (luaX_token2str). */
  private near(t: Token): string {
    if (t.text.length === 1 && t.kind !== 'string' && t.kind !== 'name' && t.kind !== 'number') {
      const c = t.text.charCodeAt(0);
      if (c < 32 || c === 127) return `char(${c})`;
    }
    return t.text;
  }

  private errorAt(msg: string, t: Token = this.lx.peek()): never {
    this.lx.error(msg, this.near(t), t.line);
  }

  private check(text: string): boolean {
    const t = this.lx.peek();
    return (t.kind === 'op' || t.kind === 'keyword') && t.text === text;
  }

  private accept(text: string): boolean {
    if (!this.check(text)) return false;
    this.lx.next();
    return true;
  }

  private expect(text: string): void {
    if (!this.accept(text)) this.errorAt(`'${text}' expected`);
  }

  private expectMatch(what: string, who: string, line: number): void {
    if (this.accept(what)) return;
    if (line === this.lx.peek().line) this.errorAt(`'${what}' expected`);
    this.errorAt(`'${what}' expected (to close '${who}' at line ${line})`);
  }

  private name(): string {
    const t = this.lx.peek();
    if (t.kind !== 'name') this.errorAt("'<name>' expected");
    return this.lx.next().text;
  }

  expectEof(): void {
    if (this.lx.peek().kind !== 'eof') this.errorAt("'<eof>' expected");
  }

  private blockEnds(): boolean {
    const t = this.lx.peek();
    if (t.kind === 'eof') return true;
    return t.kind === 'keyword' && ['else', 'elseif', 'end', 'until'].includes(t.text);
  }

  block(): Stat[] {
    const out: Stat[] = [];
    while (!this.blockEnds()) {
      if (this.check('return')) {
        const line = this.lx.next().line;
        const exprs = this.blockEnds() || this.check(';') ? [] : this.exprList();
        this.accept(';');
        out.push({ k: 'return', exprs, line });
        break;
      }
      if (this.check('break')) {
        this.lx.next();
        if (this.fn.loops === 0) this.errorAt('no loop to break');
        this.accept(';');
        out.push({ k: 'break' });
        break;
      }
      out.push(this.statement());
      this.accept(';');
    }
    return out;
  }

  private statement(): Stat {
    const t = this.lx.peek();
    const line = t.line;
    if (t.kind === 'keyword') {
      switch (t.text) {
        case 'if':
          return this.ifStat(line);
        case 'while': {
          this.lx.next();
          const cond = this.expr();
          this.expect('do');
          const body = this.loopBody();
          const endLine = this.lx.peek().line;
          this.expectMatch('end', 'while', line);
          return { k: 'while', cond, body, endLine };
        }
        case 'do': {
          this.lx.next();
          const body = this.block();
          this.expectMatch('end', 'do', line);
          return { k: 'do', body };
        }
        case 'for':
          return this.forStat(line);
        case 'repeat': {
          this.lx.next();
          this.fn.loops++;
          const body = this.block();
          const endLine = this.lx.peek().line;
          this.expectMatch('until', 'repeat', line);
          const cond = this.expr();
          this.fn.loops--;
          return { k: 'repeat', body, cond, endLine };
        }
        case 'function':
          return this.functionStat(line);
        case 'local':
          this.lx.next();
          if (this.accept('function')) {
            const name = this.name();
            return { k: 'localfunc', name, f: this.funcBody(line, false, name) };
          }
          return this.localStat(line);
      }
    }
    return this.exprStat(line);
  }

  private ifStat(line: number): Stat {
    this.lx.next();
    const clauses: { cond: Expr; body: Stat[] }[] = [];
    let orelse: Stat[] | undefined;
    let cond = this.expr();
    this.expect('then');
    clauses.push({ cond, body: this.block() });
    for (;;) {
      if (this.accept('elseif')) {
        cond = this.expr();
        this.expect('then');
        clauses.push({ cond, body: this.block() });
      } else if (this.accept('else')) {
        orelse = this.block();
        this.expectMatch('end', 'if', line);
        break;
      } else {
        this.expectMatch('end', 'if', line);
        break;
      }
    }
    return { k: 'if', clauses, orelse };
  }

  private forStat(line: number): Stat {
    this.lx.next();
    const first = this.name();
    if (this.accept('=')) {
      const start = this.expr();
      this.expect(',');
      const limit = this.expr();
      const step = this.accept(',') ? this.expr() : undefined;
      this.expect('do');
      const body = this.loopBody();
      this.expectMatch('end', 'for', line);
      return { k: 'numfor', v: first, start, limit, step, body, line };
    }
    if (!this.check(',') && !this.check('in')) this.errorAt("'=' or 'in' expected");
    const names = [first];
    while (this.accept(',')) names.push(this.name());
    this.expect('in');
    const exprs = this.exprList();
    this.expect('do');
    const body = this.loopBody();
    this.expectMatch('end', 'for', line);
    return { k: 'genfor', names, exprs, body, line };
  }

  private functionStat(line: number): Stat {
    this.lx.next();
    const nameLine = this.lx.peek().line;
    let label = this.name();
    let target: Expr = { k: 'name', name: label, line: nameLine };
    let method = false;
    while (this.check('.') || this.check(':')) {
      method = this.lx.next().text === ':';
      const key = this.name();
      label += (method ? ':' : '.') + key;
      target = { k: 'index', obj: target, key: { k: 'str', v: key }, line: nameLine };
      if (method) break;
    }
    const f = this.funcBody(line, method, label);
    return { k: 'assign', targets: [target], exprs: [{ k: 'func', f }], line };
  }

  private localStat(line: number): Stat {
    const names = [this.name()];
    while (this.accept(',')) names.push(this.name());
    const exprs = this.accept('=') ? this.exprList() : [];
    return { k: 'local', names, exprs, line };
  }

  /** A call statement, or an assignment whose targets must be variables (5.1: "syntax error"). */
  private exprStat(line: number): Stat {
    const e = this.suffixedExpr();
    if (e.k === 'call' || e.k === 'method') return { k: 'callstat', call: e };
    const targets: Expr[] = [e];
    for (;;) {
      if (targets[targets.length - 1]!.k !== 'name' && targets[targets.length - 1]!.k !== 'index') {
        this.errorAt('syntax error');
      }
      if (!this.accept(',')) break;
      targets.push(this.suffixedExpr());
    }
    this.expect('=');
    return { k: 'assign', targets, exprs: this.exprList(), line };
  }

  private funcBody(line: number, method: boolean, name?: string): FuncBody {
    const params: string[] = method ? ['self'] : [];
    let vararg = false;
    this.expect('(');
    if (!this.check(')')) {
      do {
        if (this.accept('...')) {
          vararg = true;
          break;
        }
        if (this.lx.peek().kind !== 'name') this.errorAt("<name> or '...' expected");
        params.push(this.name());
      } while (this.accept(','));
    }
    this.expect(')');
    this.fns.push({ vararg, loops: 0 });
    const body = this.block();
    this.fns.pop();
    this.expectMatch('end', 'function', line);
    return { params, vararg, body, line, name };
  }

  exprList(): Expr[] {
    const out = [this.expr()];
    while (this.accept(',')) out.push(this.expr());
    return out;
  }

  expr(limit = 0): Expr {
    const t = this.lx.peek();
    let left: Expr;
    if (
      (t.kind === 'keyword' && t.text === 'not') ||
      (t.kind === 'op' && (t.text === '-' || t.text === '#'))
    ) {
      this.lx.next();
      const a = this.expr(UNARY_PRIORITY);
      left =
        t.text === '-' && a.k === 'num' ? { k: 'num', v: -a.v } : { k: 'un', op: t.text, a, line: t.line };
    } else left = this.simpleExpr();
    for (;;) {
      const op = this.lx.peek();
      const prio = (op.kind === 'op' || op.kind === 'keyword') && BINARY[op.text];
      if (!prio || prio[0] <= limit) return left;
      this.lx.next();
      const b = this.expr(prio[1]);
      left = { k: 'bin', op: op.text, a: left, b, line: op.line };
    }
  }

  private simpleExpr(): Expr {
    const t = this.lx.peek();
    if (t.kind === 'number') return (this.lx.next(), { k: 'num', v: t.value! });
    if (t.kind === 'string') return (this.lx.next(), { k: 'str', v: t.text });
    if (t.kind === 'keyword') {
      if (t.text === 'nil') return (this.lx.next(), { k: 'nil' });
      if (t.text === 'true') return (this.lx.next(), { k: 'true' });
      if (t.text === 'false') return (this.lx.next(), { k: 'false' });
      if (t.text === 'function') {
        this.lx.next();
        return { k: 'func', f: this.funcBody(t.line, false) };
      }
    }
    if (t.kind === 'op' && t.text === '...') {
      if (!this.fn.vararg) this.errorAt("cannot use '...' outside a vararg function");
      return (this.lx.next(), { k: 'vararg' });
    }
    if (t.kind === 'op' && t.text === '{') return this.table();
    return this.suffixedExpr();
  }

  private primaryExpr(): Expr {
    const t = this.lx.peek();
    if (t.kind === 'name') return (this.lx.next(), { k: 'name', name: t.text, line: t.line });
    if (t.kind === 'op' && t.text === '(') {
      this.lx.next();
      const e = this.expr();
      this.expectMatch(')', '(', t.line);
      return { k: 'paren', e };
    }
    this.errorAt('unexpected symbol');
  }

  private suffixedExpr(): Expr {
    let e = this.primaryExpr();
    for (;;) {
      const t = this.lx.peek();
      if (t.kind === 'op' && t.text === '.') {
        this.lx.next();
        e = { k: 'index', obj: e, key: { k: 'str', v: this.name() }, line: t.line };
      } else if (t.kind === 'op' && t.text === '[') {
        this.lx.next();
        const key = this.expr();
        this.expect(']');
        e = { k: 'index', obj: e, key, line: t.line };
      } else if (t.kind === 'op' && t.text === ':') {
        this.lx.next();
        const name = this.name();
        e = { k: 'method', obj: e, name, args: this.callArgs(), line: t.line };
      } else if ((t.kind === 'op' && (t.text === '(' || t.text === '{')) || t.kind === 'string') {
        e = { k: 'call', fn: e, args: this.callArgs(), line: t.line };
      } else return e;
    }
  }

  private callArgs(): Expr[] {
    const t = this.lx.peek();
    if (t.kind === 'string') return (this.lx.next(), [{ k: 'str', v: t.text }]);
    if (t.kind === 'op' && t.text === '{') return [this.table()];
    if (!(t.kind === 'op' && t.text === '(')) this.errorAt('function arguments expected');
    this.lx.next();
    if (this.accept(')')) return [];
    const args = this.exprList();
    this.expectMatch(')', '(', t.line);
    return args;
  }

  private table(): Expr {
    const line = this.lx.next().line;
    const items: TableItem[] = [];
    while (!this.check('}')) {
      const t = this.lx.peek();
      if (t.kind === 'op' && t.text === '[') {
        this.lx.next();
        const key = this.expr();
        this.expect(']');
        this.expect('=');
        items.push({ key, value: this.expr() });
      } else if (t.kind === 'name') {
        this.lx.next();
        if (this.accept('=')) items.push({ key: { k: 'str', v: t.text }, value: this.expr() });
        else {
          // A name that is the start of an expression: push it back by re-parsing from a name node.
          items.push({ value: this.continueExpr({ k: 'name', name: t.text, line: t.line }) });
        }
      } else items.push({ value: this.expr() });
      if (!this.accept(',') && !this.accept(';')) break;
    }
    this.expectMatch('}', '{', line);
    return { k: 'table', items, line };
  }

  /** Finishes an expression whose first name token was already consumed (table constructor case). */
  private continueExpr(first: Expr): Expr {
    const saved = this.primaryExpr;
    this.primaryExpr = () => {
      this.primaryExpr = saved;
      return first;
    };
    try {
      return this.expr();
    } finally {
      this.primaryExpr = saved;
    }
  }
}
