/*
 * The console's view of the command table (hints, completion, help): the engine builds it from the
 * node's registry (commands/docs.ts); this module only shapes it into the protocol's CommandDoc.
 */
import { commandDocsForConsole } from '../engine/commands/docs.ts';
import type { CommandRegistry } from '../engine/commands/registry.ts';
import type { CommandDoc } from '../protocol/messages.ts';

export function commandDocsFromRegistry(registry: CommandRegistry): CommandDoc[] {
  return commandDocsForConsole(registry).map((d) => ({
    name: d.name,
    summary: d.summary,
    since: d.since,
    group: d.group,
    complexity: d.complexity,
    argsHint: d.argsHint,
    arity: d.arity,
  }));
}
