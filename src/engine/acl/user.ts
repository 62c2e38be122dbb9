/*
 * ACL users (Redis's `user`): on/off, nopass, payload sanitizing flags, SHA-256 password hashes, and
 * the selectors (the root one first). setUserRules() is ACLStringSetUser: it merges "(" ... ")"
 * selector arguments split over several words, applies every rule to a copy, and only when all of
 * them succeed copies the result back, so a bad rule changes nothing. Error texts are Redis's.
 */
import { type Bytes, unbin } from '../bytes.ts';
import type { CommandRegistry } from '../commands/registry.ts';
import { splitInlineArgs } from '../resp/request-parser-inline.ts';
import { bin } from '../bytes.ts';
import { type RuleErrno, Selector } from './selector.ts';
import { sha256Hex } from './sha256.ts';

export class AclUser {
  enabled = false;
  nopass = false;
  /** 'skip' for skip-sanitize-payload, 'sanitize' for sanitize-payload, null for neither. */
  sanitize: 'skip' | 'sanitize' | null = null;
  passwords: string[] = [];
  selectors: Selector[];

  constructor(
    readonly name: string,
    allChannelsByDefault: boolean,
  ) {
    this.selectors = [new Selector(true, allChannelsByDefault)];
  }

  get root(): Selector {
    return this.selectors[0]!;
  }

  /** ACLCopyUser: rules only, the name stays. */
  copyFrom(src: AclUser): void {
    this.enabled = src.enabled;
    this.nopass = src.nopass;
    this.sanitize = src.sanitize;
    this.passwords = [...src.passwords];
    this.selectors = src.selectors.map((s) => s.copy());
  }

  /** Flags in the order ACL LIST and GETUSER print them. */
  flagNames(): string[] {
    const out = [this.enabled ? 'on' : 'off'];
    if (this.nopass) out.push('nopass');
    if (this.sanitize === 'skip') out.push('skip-sanitize-payload');
    if (this.sanitize === 'sanitize') out.push('sanitize-payload');
    return out;
  }

  /** ACLCheckUserCredentials, given that the user exists. */
  passwordMatches(password: Bytes): boolean {
    if (!this.enabled) return false;
    if (this.nopass) return true;
    const hashed = sha256Hex(password);
    return this.passwords.includes(hashed);
  }
}

/** Context a rule needs: the command table and acl-pubsub-default. */
export interface RuleContext {
  registry: CommandRegistry;
  allChannelsByDefault: boolean;
}

/** Redis's ACLSetUser for one rule (a binary string). */
export function applyUserRule(ctx: RuleContext, u: AclUser, op: string): RuleErrno | null {
  if (op.length === 0) return null;
  const lower = op.toLowerCase();
  if (lower === 'on' || lower === 'off') {
    u.enabled = lower === 'on';
  } else if (lower === 'skip-sanitize-payload') {
    u.sanitize = 'skip';
  } else if (lower === 'sanitize-payload') {
    u.sanitize = 'sanitize';
  } else if (lower === 'nopass' || lower === 'resetpass') {
    u.nopass = lower === 'nopass';
    u.passwords = [];
  } else if (op[0] === '>' || op[0] === '#') {
    const hash = op[0] === '>' ? sha256Hex(unbin(op.slice(1))) : op.slice(1);
    if (op[0] === '#' && !isPasswordHash(hash)) return 'EBADMSG';
    if (!u.passwords.includes(hash)) u.passwords.push(hash);
    u.nopass = false;
  } else if (op[0] === '<' || op[0] === '!') {
    const hash = op[0] === '<' ? sha256Hex(unbin(op.slice(1))) : op.slice(1);
    if (op[0] === '!' && !isPasswordHash(hash)) return 'EBADMSG';
    const at = u.passwords.indexOf(hash);
    if (at < 0) return 'ENODEV';
    u.passwords.splice(at, 1);
  } else if (op[0] === '(' && op[op.length - 1] === ')') {
    return addSelector(ctx, u, op);
  } else if (lower === 'clearselectors') {
    u.selectors = [u.root];
  } else if (lower === 'reset') {
    resetUser(ctx, u);
  } else {
    return u.root.apply(ctx.registry, op);
  }
  return null;
}

function resetUser(ctx: RuleContext, u: AclUser): void {
  u.nopass = false;
  u.passwords = [];
  u.root.apply(ctx.registry, 'resetkeys');
  u.root.apply(ctx.registry, 'resetchannels');
  if (ctx.allChannelsByDefault) u.root.apply(ctx.registry, 'allchannels');
  u.enabled = false;
  u.sanitize = 'sanitize';
  u.selectors = [u.root];
  u.root.apply(ctx.registry, '-@all');
}

/** aclCreateSelectorFromOpSet: the words between the parentheses, split as sdssplitargs does. */
function addSelector(ctx: RuleContext, u: AclUser, op: string): RuleErrno | null {
  const inner = unbin(op.slice(1, -1));
  const words = splitInlineArgs(inner, 0, inner.length) ?? [];
  const s = new Selector(false, ctx.allChannelsByDefault);
  for (const w of words) {
    const e = s.apply(ctx.registry, bin(w));
    if (e !== null) return e;
  }
  u.selectors.push(s);
  return null;
}

export function isPasswordHash(s: string): boolean {
  return /^[0-9a-f]{64}$/.test(s);
}

const RULE_ERRORS: Record<RuleErrno, string> = {
  ENOENT: 'Unknown command or category name in ACL',
  EINVAL: 'Syntax error',
  EEXIST:
    "Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have any " +
    "effect. Try 'resetkeys' to start with an empty list of patterns",
  EISDIR:
    "Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does not have any " +
    "effect. Try 'resetchannels' to start with an empty list of channels",
  ENODEV: 'The password you are trying to remove from the user does not exist',
  EBADMSG:
    'The password hash must be exactly 64 characters and contain only lowercase hexadecimal characters',
  ECHILD: 'Allowing first-arg of a subcommand is not supported',
};

export function ruleErrorText(e: RuleErrno): string {
  return RULE_ERRORS[e];
}

/**
 * ACLMergeSelectorArguments: a word starting with "(" but not ending with ")" opens a selector that
 * goes on (joined by spaces) up to a word ending with ")". Returns the merged words, or the index of
 * the unmatched opening word.
 */
export function mergeSelectorArgs(args: readonly string[]): string[] | { unmatched: number } {
  const out: string[] = [];
  let open = -1;
  let current = '';
  for (let j = 0; j < args.length; j++) {
    const op = args[j]!;
    if (op[0] === '(' && op[op.length - 1] !== ')') {
      current = op;
      open = j;
      continue;
    }
    if (open !== -1) {
      current += ' ' + op;
      if (op[op.length - 1] === ')') {
        open = -1;
        out.push(current);
      }
      continue;
    }
    out.push(op);
  }
  return open !== -1 ? { unmatched: open } : out;
}

/**
 * ACLStringSetUser: applies `rules` to a staged copy of `existing` (or of a fresh user) and returns
 * the staged user, or the error text ("Error in ACL SETUSER modifier ...") leaving everything as it was.
 */
export function stageUserRules(
  ctx: RuleContext,
  name: string,
  existing: AclUser | undefined,
  rules: readonly string[],
): AclUser | string {
  const merged = mergeSelectorArgs(rules);
  if (!Array.isArray(merged)) {
    return `ERR Unmatched parenthesis in acl selector starting at '${rules[merged.unmatched]}'.`;
  }
  const staged = new AclUser(name, ctx.allChannelsByDefault);
  if (existing) staged.copyFrom(existing);
  for (const op of merged) {
    const e = applyUserRule(ctx, staged, op);
    if (e !== null) return `ERR Error in ACL SETUSER modifier '${op}': ${ruleErrorText(e)}`;
  }
  return staged;
}
