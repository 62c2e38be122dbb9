/*
 * The scripting fields of INFO memory, modelled on Redis 7.0's figures:
 *
 *   used_memory_vm_eval       the EVAL Lua heap: 32768 bytes empty, growing in 1 KB steps with the
 *                             cached scripts (an estimate: Lua's GC counter is not reproducible)
 *   used_memory_scripts_eval  evalScriptsMemory: per script the SHA sds (48) + the body object's
 *                             string + a dict entry (24) and luaScript (16), plus 8 per dict bucket
 *   used_memory_vm_functions  the functions Lua heap: 33792 empty, growing with the libraries
 *   used_memory_functions     functionsMemoryOverhead: engines dict, library context and the LUA engine
 *                             (200 bytes empty), plus per function its struct (48), name, description,
 *                             engine handle (8) and a functions-dict entry, and per library its struct
 *                             (32), name and code strings
 * Bucket counts follow a Redis dict's doubling from 4 (an incremental rehash in progress would count
 * both tables in Redis; we never show that state).
 */
import { dictBuckets, jemallocSize, sdsSize } from '../server/memory-size.ts';
import type { ServerNode } from '../server/node.ts';
import type { ScriptingEngine } from './engine.ts';

/** What the figures read of a node's scripting state (a ScriptingEngine, or EMPTY before one exists). */
type ScriptingFigures = {
  readonly scripts: Pick<ScriptingEngine['scripts'], 'values' | 'size'>;
  readonly functions: {
    readonly current: Pick<ScriptingEngine['functions']['current'], 'functions' | 'libraries'>;
  };
};

/** A node that never used scripting: no cached scripts, no libraries (late-bound.ts). */
const EMPTY: ScriptingFigures = {
  scripts: new Map(),
  functions: { current: { functions: new Map(), libraries: new Map() } },
};

const EVAL_VM_EMPTY = 32768;
const FUNCTIONS_VM_EMPTY = 33792;
const FUNCTIONS_BASE = 200;

type Field = [string, string | number];

/** getStringObjectSdsUsedMemory of a command argument of `len` bytes (embstr up to 44 bytes). */
function argumentStringSize(len: number): number {
  return len <= 44 ? jemallocSize(16 + 3 + len + 1) - 16 : sdsSize(len);
}

function heapGrowth(bytes: number): number {
  return 1024 * Math.ceil(bytes / 1024);
}

export function evalScriptsMemory(engine: ScriptingFigures): number {
  let total = 0;
  for (const s of engine.scripts.values()) total += sdsSize(40) + argumentStringSize(s.body.length) + 24 + 16;
  return total + 8 * dictBuckets(engine.scripts.size);
}

export function evalVmMemory(engine: ScriptingFigures): number {
  let bytes = 0;
  for (const s of engine.scripts.values()) bytes += 400 + s.body.length;
  return EVAL_VM_EMPTY + heapGrowth(bytes);
}

export function functionsMemoryOverhead(engine: ScriptingFigures): number {
  const current = engine.functions.current;
  let total = FUNCTIONS_BASE + 24 * current.functions.size + 8 * dictBuckets(current.functions.size);
  for (const lib of current.libraries.values()) {
    total += 32 + sdsSize(lib.name.length) + sdsSize(lib.code.length);
    for (const f of lib.functions.values()) {
      total += 48 + sdsSize(f.name.length) + 8;
      if (f.description !== undefined) total += sdsSize(f.description.length);
    }
  }
  return total;
}

export function functionsVmMemory(engine: ScriptingFigures): number {
  let bytes = 0;
  for (const lib of engine.functions.current.libraries.values()) bytes += 600 + lib.code.length;
  return FUNCTIONS_VM_EMPTY + heapGrowth(bytes);
}

/** The INFO memory lines from used_memory_lua to used_memory_scripts_human, in Redis's order. */
export function scriptingMemoryFields(node: ServerNode, human: (n: number) => string): Field[] {
  const engine = node.scriptsIfStarted ?? EMPTY;
  const evalVm = evalVmMemory(engine);
  const fnVm = functionsVmMemory(engine);
  const evalScripts = evalScriptsMemory(engine);
  const fnOverhead = functionsMemoryOverhead(engine);
  const current = engine.functions.current;
  return [
    ['used_memory_lua', evalVm],
    ['used_memory_vm_eval', evalVm],
    ['used_memory_lua_human', human(evalVm)],
    ['used_memory_scripts_eval', evalScripts],
    ['number_of_cached_scripts', engine.scripts.size],
    ['number_of_functions', current.functions.size],
    ['number_of_libraries', current.libraries.size],
    ['used_memory_vm_functions', fnVm],
    ['used_memory_vm_total', evalVm + fnVm],
    ['used_memory_vm_total_human', human(evalVm + fnVm)],
    ['used_memory_functions', fnOverhead],
    ['used_memory_scripts', evalScripts + fnOverhead],
    ['used_memory_scripts_human', human(evalScripts + fnOverhead)],
  ];
}
