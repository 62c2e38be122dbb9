/*
 * The scripting code as one module (late-bound.ts): what the browser's worker imports on demand and
 * what install-static.ts installs at once everywhere else. Importing this module pulls in the Lua
 * interpreter, the script engine and the scripting command handlers.
 */
import { evalHandlers } from '../commands/scripting/eval.ts';
import { functionHandlers } from '../commands/scripting/function.ts';
import { ScriptingEngine } from './engine.ts';
import { libraryCodes, loadRdbFunctions } from './function-dump.ts';
import { provideScriptingCode, type ScriptingCode } from './late-bound.ts';

function scriptingCodeParts(): ScriptingCode {
  return {
    createEngine: (node) => new ScriptingEngine(node),
    handlers: { ...evalHandlers, ...functionHandlers },
    libraryCodes: (engine) => libraryCodes(engine.functions),
    loadRdbFunctions: (engine, codes, replace) => loadRdbFunctions(engine.functions, codes, replace),
  };
}

export function installScriptingCode(): void {
  provideScriptingCode(scriptingCodeParts);
}
