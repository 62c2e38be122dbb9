/*
 * The global environment Redis 7.0 gives EVAL scripts: after the libraries load, _G and every table
 * reachable from it (string, table, math, ...) become readonly (Redis patches its Lua so that any write,
 * rawset included, fails with "Attempt to modify a readonly table"), and _G gets a metatable whose
 * __index raises "Script attempted to access nonexistent global variable '<name>'", so typos fail loudly.
 * Scripts keep full use of locals and of tables they create themselves.
 */
import { type LuaState } from '../lua/runtime';
import { LuaFunction, LuaTable } from '../lua/value';

export function protectGlobals(state: LuaState): void {
  const g = state.globals;
  const meta = new LuaTable();
  meta.set(
    '__index',
    new LuaFunction('__index', (args) => {
      const name = args[1];
      state.error(
        `Script attempted to access nonexistent global variable '${typeof name === 'string' ? name : String(name)}'`,
      );
    }),
  );
  g.metatable = meta;
  markReadonly(g, new Set());
}

function markReadonly(t: LuaTable, seen: Set<LuaTable>): void {
  if (seen.has(t)) return;
  seen.add(t);
  t.readonly = true;
  for (let e = t.next(undefined); e; e = t.next(e[0])) if (e[1] instanceof LuaTable) markReadonly(e[1], seen);
  if (t.metatable) markReadonly(t.metatable, seen);
}
