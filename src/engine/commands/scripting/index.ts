/*
 * The scripting family: EVAL/EVALSHA (+ _RO), SCRIPT, FCALL (+ _RO) and FUNCTION. The engine behind
 * them (Lua states, script cache, libraries, runs) lives in src/engine/scripting/.
 *
 * The specs are here; the handlers (eval.ts, function.ts) are bound late (scripting/late-bound.ts):
 * each command name gets a forwarder to the installed scripting code, so the command table, COMMAND
 * and the console's hints exist before the Lua interpreter is loaded. Every spec that is not a
 * container of subcommands has a forwarder, as the registry requires of handlers.
 */
import { scriptingCode } from '../../scripting/late-bound.ts';
import type { CommandFamily, CommandSpec, Handler } from '../types.ts';
import { evalSpecs, functionSpecs } from './specs.ts';

const specs: CommandSpec[] = [...evalSpecs, ...functionSpecs];

/** Spec names with a handler: all but the containers ('script', 'function'). */
export function scriptingHandlerNames(all: readonly CommandSpec[] = specs): string[] {
  const containers = new Set(all.filter((s) => s.name.includes('|')).map((s) => s.name.split('|')[0]!));
  return all.map((s) => s.name).filter((name) => !containers.has(name));
}

function forwarder(name: string): Handler {
  let handler: Handler | undefined;
  return (c, argv) => (handler ??= scriptingCode().handlers[name]!)(c, argv);
}

export const scriptingCommands: CommandFamily = {
  specs,
  handlers: Object.fromEntries(scriptingHandlerNames().map((name) => [name, forwarder(name)])),
};
