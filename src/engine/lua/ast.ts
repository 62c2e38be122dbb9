/*
 * The Lua 5.1 syntax tree the parser produces and the compiler (interp.ts) turns into closures. Names are
 * still unresolved here: the compiler decides local/upvalue/global with its scope chain. Nodes that can
 * raise runtime errors carry the source line, for "user_script:<line>: ..." prefixes.
 */

export type Expr =
  | { k: 'nil' }
  | { k: 'true' }
  | { k: 'false' }
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'vararg' }
  | { k: 'func'; f: FuncBody }
  | { k: 'table'; items: TableItem[]; line: number }
  | { k: 'bin'; op: string; a: Expr; b: Expr; line: number }
  | { k: 'un'; op: string; a: Expr; line: number }
  | { k: 'name'; name: string; line: number }
  | { k: 'index'; obj: Expr; key: Expr; line: number }
  | { k: 'call'; fn: Expr; args: Expr[]; line: number }
  | { k: 'method'; obj: Expr; name: string; args: Expr[]; line: number }
  | { k: 'paren'; e: Expr };

export type TableItem = { key?: Expr; value: Expr };

export type Stat =
  | { k: 'local'; names: string[]; exprs: Expr[]; line: number }
  | { k: 'localfunc'; name: string; f: FuncBody }
  | { k: 'assign'; targets: Expr[]; exprs: Expr[]; line: number }
  | { k: 'callstat'; call: Expr }
  | { k: 'do'; body: Stat[] }
  | { k: 'while'; cond: Expr; body: Stat[]; endLine: number }
  | { k: 'repeat'; body: Stat[]; cond: Expr; endLine: number }
  | { k: 'if'; clauses: { cond: Expr; body: Stat[] }[]; orelse?: Stat[] }
  | { k: 'numfor'; v: string; start: Expr; limit: Expr; step?: Expr; body: Stat[]; line: number }
  | { k: 'genfor'; names: string[]; exprs: Expr[]; body: Stat[]; line: number }
  | { k: 'return'; exprs: Expr[]; line: number }
  | { k: 'break' };

export interface FuncBody {
  params: string[];
  vararg: boolean;
  body: Stat[];
  line: number;
  /** A display name ("foo", "t.bar", "t:m") when the parser knows one. */
  name?: string;
}
