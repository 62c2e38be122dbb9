/*
 * The scripting code bound late: the Lua interpreter, the script engine and the EVAL / FCALL / FUNCTION
 * / SCRIPT handlers are the largest part of the engine that most sessions never run, so the browser
 * ships them in a chunk of their own (scripting-code.ts) and the worker installs it before the first
 * message that may run a script (worker/scripting-gate.ts). Everywhere else (Node server, tests)
 * install-static.ts installs it when server/node.ts is first imported.
 *
 * Invariants:
 * - Command handling stays synchronous: nothing here waits. Code that needs scripting calls
 *   scriptingCode(), which throws if the host broke its promise to install the code first.
 * - A node creates its ScriptingEngine on first use (node.scripts). Until then it has no scripts, no
 *   libraries and no running script, which the core reads through node.scriptsIfStarted without
 *   needing the code (INFO memory, expiry during scripts, SAVE, AOF rewrite, FLUSHALL).
 * - The code is registered as a thunk, evaluated on first use, so module evaluation order (the engine's
 *   import cycles) does not matter.
 */
import type { Bytes } from '../bytes.ts';
import type { Handler } from '../commands/types.ts';
import type { ServerNode } from '../server/node.ts';
import type { ScriptingEngine } from './engine.ts';

export interface ScriptingCode {
  createEngine(node: ServerNode): ScriptingEngine;
  /** The scripting family's handlers by command name ('eval', 'function|load', ...). */
  handlers: Readonly<Record<string, Handler>>;
  /** Library sources in dump order (RDB, AOF rewrite). */
  libraryCodes(engine: ScriptingEngine): Bytes[];
  /** Creates the libraries of an RDB file; an error text on failure. */
  loadRdbFunctions(engine: ScriptingEngine, codes: readonly Bytes[], replace: boolean): string | undefined;
}

let provider: (() => ScriptingCode) | undefined;
let code: ScriptingCode | undefined;

export function provideScriptingCode(load: () => ScriptingCode): void {
  provider ??= load;
}

export function scriptingCodeInstalled(): boolean {
  return provider !== undefined;
}

export function scriptingCode(): ScriptingCode {
  if (code !== undefined) return code;
  if (provider === undefined) throw new Error('the scripting code is not loaded yet');
  code = provider();
  return code;
}

/** The library sources of a node (none while it never used scripting). */
export function nodeLibraryCodes(node: ServerNode): Bytes[] {
  const engine = node.scriptsIfStarted;
  return engine === undefined ? [] : scriptingCode().libraryCodes(engine);
}
