/*
 * Users back to rule text (ACL LIST, GETUSER), as Redis's ACLDescribe* functions write it.
 *
 * Command rules: start from "+@all" when the selector has the reserved future-commands bit, else
 * "-@all", and replay what we emit on a scratch selector so we always know what is still different.
 * Then, greedily, pick the category that best fits the remaining difference: one where more commands
 * agree than disagree, with the fewest disagreements (ties: the most agreements, then the earliest
 * category), apply it, and mark it used. Finally walk all commands and emit "+cmd" / "-cmd" for each
 * command whose bit still differs (and "+cmd|arg" for allowed first-args of denied commands). The
 * scratch selector must then equal the user's bits; that is asserted, as Redis does.
 */
import type { Command, CommandRegistry } from '../commands/registry.ts';
import { CATEGORY_NAMES, categoryMembers, subCommands, topCommands } from './categories.ts';
import { KEY_ALL, KEY_READ, KEY_WRITE, type KeyPattern, Selector } from './selector.ts';
import type { AclUser } from './user.ts';

/** on / off counts of a category's commands in `bits` (ACLCountCategoryBitsForCommands). */
function countCategory(
  registry: CommandRegistry,
  bits: ReadonlySet<Command>,
  category: string,
): [number, number] {
  let on = 0;
  const members = categoryMembers(registry, category);
  for (const cmd of members) if (bits.has(cmd)) on++;
  return [on, members.length - on];
}

/** The best-fitting categories, applied to `fake` as they are chosen. */
function categoryRules(registry: CommandRegistry, s: Selector, fake: Selector, additive: boolean): string[] {
  const rules: string[] = [];
  const temp = new Selector(false, false);
  temp.allowed = new Set(s.allowed);
  const applied = new Set<string>();
  for (;;) {
    let best: string | null = null;
    let minDiff = Infinity;
    let maxSame = 0;
    for (const category of CATEGORY_NAMES) {
      if (applied.has(category)) continue;
      const [on, off] = countCategory(registry, temp.allowed, category);
      const diff = additive ? off : on;
      const same = additive ? on : off;
      if (same > diff && (diff < minDiff || (diff === minDiff && same > maxSame))) {
        best = category;
        minDiff = diff;
        maxSame = same;
      }
    }
    if (best === null) break;
    fake.changeCategory(registry, best, additive);
    temp.changeCategory(registry, best, !additive);
    rules.push(`${additive ? '+' : '-'}@${best}`);
    applied.add(best);
  }
  return rules;
}

function singleCommandRules(s: Selector, fake: Selector, cmds: readonly Command[], rules: string[]): void {
  for (const cmd of cmds) {
    const userBit = s.allowed.has(cmd);
    if (userBit !== fake.allowed.has(cmd)) {
      rules.push(`${userBit ? '+' : '-'}${cmd.fullName}`);
      fake.changePerm(cmd, userBit);
    }
    if (cmd.subcommands) singleCommandRules(s, fake, subCommands(cmd), rules);
    const firstArgs = s.firstArgs.get(cmd);
    if (!userBit && firstArgs) for (const arg of firstArgs) rules.push(`+${cmd.fullName}|${arg}`);
  }
}

/** ACLDescribeSelectorCommandRules. */
export function describeCommandRules(registry: CommandRegistry, s: Selector): string {
  const additive = !s.future;
  const fake = new Selector(false, false);
  fake.setAll(registry, !additive);
  const rules = [additive ? '-@all' : '+@all'];
  rules.push(...categoryRules(registry, s, fake, additive));
  singleCommandRules(s, fake, topCommands(registry), rules);
  if (fake.allowed.size !== s.allowed.size || [...s.allowed].some((c) => !fake.allowed.has(c))) {
    throw new Error(`ACL rules do not reproduce the selector: ${rules.join(' ')}`);
  }
  return rules.join(' ');
}

export function keyPatternText(k: KeyPattern): string {
  if (k.flags === KEY_ALL) return `~${k.pattern}`;
  if (k.flags === KEY_READ) return `%R~${k.pattern}`;
  if (k.flags === KEY_WRITE) return `%W~${k.pattern}`;
  throw new Error('invalid key pattern flags');
}

/** ACLDescribeSelector: keys, channels, then command rules. */
export function describeSelector(registry: CommandRegistry, s: Selector): string {
  const parts: string[] = [];
  if (s.allKeys) parts.push('~*');
  else parts.push(...s.keys.map(keyPatternText));
  if (s.allChannels) parts.push('&*');
  else parts.push('resetchannels', ...s.channels.map((c) => `&${c}`));
  parts.push(describeCommandRules(registry, s));
  return parts.join(' ');
}

/** ACLDescribeUser: flags, password hashes, the root selector, then "(...)" for the others. */
export function describeUser(registry: CommandRegistry, u: AclUser): string {
  const parts = [...u.flagNames(), ...u.passwords.map((p) => `#${p}`)];
  let text = parts.join(' ') + ' ';
  for (const s of u.selectors) {
    const d = describeSelector(registry, s);
    text += s.root ? d : ` (${d})`;
  }
  return text;
}
