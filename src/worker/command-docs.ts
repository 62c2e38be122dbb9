/*
 * The console's view of the command table (hints, completion, help), built from the node's registry.
 * One entry per command and subcommand, named as redis-cli's help shows them ("GET", "CLIENT LIST").
 */
import type { CommandRegistry } from '../engine/commands/registry.ts';
import type { CommandDoc } from '../protocol/messages.ts';

export function commandDocsFromRegistry(registry: CommandRegistry): CommandDoc[] {
  const docs: CommandDoc[] = [];
  for (const cmd of registry.all()) {
    const s = cmd.spec;
    docs.push({
      name: s.name.toUpperCase().replace('|', ' '),
      summary: s.summary,
      since: s.since,
      group: s.group,
      complexity: s.complexity ?? '',
      argsHint: '',
      arity: s.arity,
    });
  }
  return docs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
