/*
 * ACL command categories and the command tree as ACL walks it.
 *
 * A command's categories are its declared ones plus those Redis implies from its flags (write, read,
 * admin+dangerous, pubsub, fast, blocking, else slow), computed once per command. Containers (CONFIG,
 * CLIENT ...) are commands too, usually only @slow, and hold bits of their own.
 *
 * Redis walks its command dictionaries in hash order, which changes with every server start; we walk
 * in name order (each container followed by its subcommands), which keeps ACL LIST reproducible. The
 * set of rules printed does not depend on the walk order, only their sequence does.
 */
import { ACL_CATEGORY_ORDER, aclCategories } from '../commands/command-info.ts';
import type { Command, CommandRegistry } from '../commands/registry.ts';

export const CATEGORY_NAMES: readonly string[] = ACL_CATEGORY_ORDER;

/** The canonical (lowercase) category for a name given in any case, or null when unknown. */
export function categoryByName(name: string): string | null {
  const lower = name.toLowerCase();
  return CATEGORY_NAMES.includes(lower) ? lower : null;
}

const categoriesOf = new WeakMap<Command, ReadonlySet<string>>();

export function commandCategories(cmd: Command): ReadonlySet<string> {
  let cats = categoriesOf.get(cmd);
  if (cats === undefined) {
    cats = new Set(aclCategories(cmd.spec));
    categoriesOf.set(cmd, cats);
  }
  return cats;
}

const sortedTop = new WeakMap<CommandRegistry, readonly Command[]>();
const sortedSubs = new WeakMap<Command, readonly Command[]>();

/** Top-level commands in name order. */
export function topCommands(registry: CommandRegistry): readonly Command[] {
  let list = sortedTop.get(registry);
  if (list === undefined) {
    list = [...registry.top.values()].sort((a, b) => (a.fullName < b.fullName ? -1 : 1));
    sortedTop.set(registry, list);
  }
  return list;
}

/** A container's subcommands in name order ([] for plain commands). */
export function subCommands(cmd: Command): readonly Command[] {
  if (!cmd.subcommands) return [];
  let list = sortedSubs.get(cmd);
  if (list === undefined) {
    list = [...cmd.subcommands.values()].sort((a, b) => (a.fullName < b.fullName ? -1 : 1));
    sortedSubs.set(cmd, list);
  }
  return list;
}

const walkOrder = new WeakMap<CommandRegistry, readonly Command[]>();

/** Every command and subcommand, each container followed by its subcommands (cached per table). */
export function allCommands(registry: CommandRegistry): readonly Command[] {
  let out = walkOrder.get(registry);
  if (out === undefined) {
    const list: Command[] = [];
    for (const cmd of topCommands(registry)) list.push(cmd, ...subCommands(cmd));
    out = list;
    walkOrder.set(registry, out);
  }
  return out;
}

const membersOf = new WeakMap<CommandRegistry, Map<string, readonly Command[]>>();

/**
 * The commands of a category in walk order (a container before its subcommands), cached per table:
 * category rules and the best-fit description visit only these.
 */
export function categoryMembers(registry: CommandRegistry, category: string): readonly Command[] {
  let byCategory = membersOf.get(registry);
  if (byCategory === undefined) {
    byCategory = new Map();
    membersOf.set(registry, byCategory);
  }
  let list = byCategory.get(category);
  if (list === undefined) {
    list = allCommands(registry).filter((cmd) => commandCategories(cmd).has(category));
    byCategory.set(category, list);
  }
  return list;
}

/**
 * ACLLookupCommand: "name" or "container|sub", case-insensitive, from the original table (renames do
 * not matter to ACL). More than one '|' never names a command.
 */
export function aclLookupCommand(registry: CommandRegistry, name: string): Command | undefined {
  const parts = name.toLowerCase().split('|');
  if (parts.length > 2) return undefined;
  const base = registry.top.get(parts[0]!);
  if (parts.length === 1) return base;
  return base?.subcommands?.get(parts[1]!);
}
