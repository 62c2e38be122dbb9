/*
 * Users from text: the `user` directives of the configuration (Redis's ACLAppendUserForLoading and
 * ACLLoadConfiguredUsers) and the ACL file (ACLLoadFromFile / ACLSaveToFile), with Redis's messages.
 *
 * An ACL file holds one "user <name> <rules...>" per line, words separated by single spaces (not
 * quoted). Loading builds a complete new table and reports every bad line; any error leaves the
 * current users untouched. A file without a default user gets the stock one ("on nopass ~* &* +@all").
 */
import { describeUser } from './describe.ts';
import { hasSpaces } from './selector.ts';
import { AclUser, applyUserRule, mergeSelectorArgs, type RuleContext, ruleErrorText } from './user.ts';

export function defaultUser(ctx: RuleContext): AclUser {
  const u = new AclUser('default', ctx.allChannelsByDefault);
  for (const rule of ['+@all', '~*', '&*', 'on', 'nopass']) applyUserRule(ctx, u, rule);
  return u;
}

/** ACLLoadFromFile's parse: the new users, or the error text ACL LOAD answers with. */
export function usersFromAclFile(
  ctx: RuleContext,
  fileName: string,
  text: string,
): Map<string, AclUser> | { errors: string } {
  const users = new Map<string, AclUser>();
  let errors = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const at = `${fileName}:${i + 1}`;
    const line = lines[i]!.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    if (line === '') continue;
    const words = line.split(' ');
    if (words[0] !== 'user' || words.length < 2) {
      errors += `${at} should start with user keyword followed by the username. `;
      continue;
    }
    const name = words[1]!;
    if (hasSpaces(name)) {
      errors += `'${at}: username '${name}' contains invalid characters. `;
      continue;
    }
    if (users.has(name)) {
      errors += `WARNING: Duplicate user '${name}' found on line ${i + 1}. `;
      continue;
    }
    const u = new AclUser(name, ctx.allChannelsByDefault);
    users.set(name, u);
    errors += applyFileRules(ctx, u, words.slice(2), at);
  }
  if (errors !== '') {
    return {
      errors:
        errors + 'WARNING: ACL errors detected, no change to the previously active ACL rules was performed',
    };
  }
  if (!users.has('default')) users.set('default', defaultUser(ctx));
  return users;
}

/** The rules of one file line; returns the errors to report for it. */
function applyFileRules(ctx: RuleContext, u: AclUser, words: string[], at: string): string {
  const merged = mergeSelectorArgs(words);
  if (!Array.isArray(merged)) return `${at}: Unmatched parenthesis in selector definition.`;
  let errors = '';
  let syntaxError = false;
  for (const word of merged) {
    const op = word.replace(/^[\t\r\n]+|[\t\r\n]+$/g, '');
    const e = applyUserRule(ctx, u, op);
    if (e === null) continue;
    if (e === 'ENOENT') {
      errors += `${at}: Error in applying operation '${op}': ${ruleErrorText(e)}. `;
    } else if (!syntaxError) {
      errors += `${at}: ${ruleErrorText(e)}. `;
      syntaxError = true;
    }
  }
  return errors;
}

/** ACLSaveToFile's text: "user <name> <description>" per user, in name order. */
export function aclFileText(ctx: RuleContext, users: readonly AclUser[]): string {
  return users.map((u) => `user ${u.name} ${describeUser(ctx.registry, u)}\n`).join('');
}

/**
 * The `user` directives of the configuration (one "name rules..." per line): the users to create,
 * or the fatal error. A repeated name or a rule that is wrong for any reason other than an unknown
 * command is a configuration error; unknown commands fail when the users are created.
 */
export function usersFromConfig(ctx: RuleContext, lines: readonly string[]): AclUser[] | string {
  const seen = new Set<string>();
  const out: AclUser[] = [];
  for (const line of lines) {
    const [name = '', ...rules] = line.split(' ').filter((w) => w !== '');
    if (seen.has(name)) {
      return `Error in user declaration '${name}': Duplicate user found. A user can only be defined once in config files`;
    }
    seen.add(name);
    const merged = mergeSelectorArgs(rules);
    if (!Array.isArray(merged)) return `Error in user declaration '${rules[merged.unmatched]}': Syntax error`;
    if (hasSpaces(name)) return 'Spaces not allowed in ACL usernames';
    const u = name === 'default' ? defaultUser(ctx) : new AclUser(name, ctx.allChannelsByDefault);
    if (name === 'default') applyUserRule(ctx, u, 'reset');
    for (const op of merged) {
      const e = applyUserRule(ctx, u, op);
      if (e !== null) {
        return `Error loading ACL rule '${op}' for the user named '${name}': ${ruleErrorText(e)}`;
      }
    }
    out.push(u);
  }
  return out;
}
