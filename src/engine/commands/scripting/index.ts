/*
 * The scripting family: EVAL/EVALSHA (+ _RO), SCRIPT, FCALL (+ _RO) and FUNCTION. The engine behind
 * them (Lua states, script cache, libraries, runs) lives in src/engine/scripting/.
 */
import type { CommandFamily } from '../types.ts';
import { evalHandlers } from './eval.ts';
import { functionHandlers } from './function.ts';
import { evalSpecs, functionSpecs } from './specs.ts';

export const scriptingCommands: CommandFamily = {
  specs: [...evalSpecs, ...functionSpecs],
  handlers: { ...evalHandlers, ...functionHandlers },
};
