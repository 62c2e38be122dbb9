/*
 * Permission checks (Redis's ACLSelectorCheckCmd / ACLCheckAllUserCommandPerm).
 *
 * A selector allows a command when (1) it allows the command itself (all commands, its bit, or an
 * allowed first argument; commands flagged no_auth are always allowed), (2) every key the command's
 * key specs find matches one of its patterns carrying the access the key spec needs (ACCESS needs
 * read; INSERT, DELETE, UPDATE need write; a key found without flags needs nothing), and (3) every
 * channel a publish/subscribe command names matches one of its channel patterns (a PSUBSCRIBE
 * pattern must equal an ACL pattern literally). A user is allowed when any selector allows; otherwise
 * the reported reason is the "largest" one (command < key < channel) at the highest argument index.
 */
import { type Bytes, bin } from '../bytes.ts';
import { extractChannels } from '../commands/keys-extract-channels.ts';
import { commandHasKeys, extractKeys, type KeyRef } from '../commands/keys-extract.ts';
import type { Command } from '../commands/registry.ts';
import { globMatchBin } from '../util/glob.ts';
import { KEY_READ, KEY_WRITE, type Selector } from './selector.ts';
import type { AclUser } from './user.ts';

/** ACL_DENIED_* in Redis's numeric order (the larger wins when selectors disagree). */
export const Denied = { Cmd: 1, Key: 2, Auth: 3, Channel: 4 } as const;
export type Denied = (typeof Denied)[keyof typeof Denied];

export interface CheckResult {
  denied: Denied;
  /** argv index of the key or channel that was refused (0 for commands). */
  pos: number;
}

/** The keys of a command, found once and shared by all selectors of one check. */
class KeyCache {
  private keys: KeyRef[] | undefined;
  constructor(
    private readonly cmd: Command,
    private readonly argv: readonly Bytes[],
  ) {}
  get(): KeyRef[] {
    this.keys ??= extractKeys(this.cmd, this.argv);
    return this.keys;
  }
}

function neededKeyAccess(flags: readonly string[]): number {
  let need = 0;
  for (const f of flags) {
    if (f === 'ACCESS') need |= KEY_READ;
    else if (f === 'INSERT' || f === 'DELETE' || f === 'UPDATE') need |= KEY_WRITE;
  }
  return need;
}

/** ACLSelectorCheckKey. */
export function selectorAllowsKey(s: Selector, key: string, keySpecFlags: readonly string[]): boolean {
  if (s.allKeys) return true;
  const need = neededKeyAccess(keySpecFlags);
  return s.keys.some((p) => (p.flags & need) === need && globMatchBin(p.pattern, key));
}

/** ACLCheckChannelAgainstList. */
export function channelInList(list: readonly string[], channel: string, isPattern: boolean): boolean {
  return list.some((p) => (isPattern ? p === channel : globMatchBin(p, channel)));
}

function selectorAllowsCommandItself(s: Selector, cmd: Command, argv: readonly Bytes[]): boolean {
  if (s.allCommands || cmd.spec.flags.includes('no_auth') || s.allowed.has(cmd)) return true;
  const firstArgs = s.firstArgs.get(cmd);
  if (argv.length < 2 || firstArgs === undefined) return false;
  const arg = bin(argv[cmd.parent ? 2 : 1]!).toLowerCase();
  return firstArgs.some((a) => a.toLowerCase() === arg);
}

function selectorCheck(
  s: Selector,
  cmd: Command,
  argv: readonly Bytes[],
  keys: KeyCache,
): CheckResult | null {
  if (!selectorAllowsCommandItself(s, cmd, argv)) return { denied: Denied.Cmd, pos: 0 };
  if (!s.allKeys && commandHasKeys(cmd)) {
    for (const k of keys.get()) {
      if (!selectorAllowsKey(s, bin(argv[k.pos]!), k.flags)) return { denied: Denied.Key, pos: k.pos };
    }
  }
  if (!s.allChannels) {
    for (const ch of extractChannels(cmd, argv.length)) {
      if (ch.action === 'unsubscribe') continue;
      if (!channelInList(s.channels, bin(argv[ch.pos]!), ch.pattern))
        return { denied: Denied.Channel, pos: ch.pos };
    }
  }
  return null;
}

/** ACLCheckAllUserCommandPerm: null when allowed, else the reason to report. */
export function checkUserCommand(u: AclUser, cmd: Command, argv: readonly Bytes[]): CheckResult | null {
  const keys = new KeyCache(cmd, argv);
  let worst: CheckResult = { denied: Denied.Cmd, pos: 0 };
  for (const s of u.selectors) {
    const r = selectorCheck(s, cmd, argv, keys);
    if (r === null) return null;
    if (r.denied > worst.denied || (r.denied === worst.denied && r.pos > worst.pos)) worst = r;
  }
  return worst;
}

/** ACLSelectorHasUnrestrictedKeyAccess: a "*" pattern (or allkeys) with the access the flags need. */
function selectorHasAllKeys(s: Selector, keySpecFlags: readonly string[]): boolean {
  if (s.allKeys) return true;
  const need = neededKeyAccess(keySpecFlags);
  return s.keys.some((p) => (p.flags & need) === need && p.pattern === '*');
}

/**
 * ACLUserCheckCmdWithUnrestrictedKeyAccess: one selector both allows the command and reaches every
 * key with the given access (SORT's BY and GET patterns read keys nobody named).
 */
export function userHasFullKeyAccess(
  u: AclUser,
  cmd: Command,
  argv: readonly Bytes[],
  keySpecFlags: readonly string[],
): boolean {
  const keys = new KeyCache(cmd, argv);
  return u.selectors.some(
    (s) => selectorCheck(s, cmd, argv, keys) === null && selectorHasAllKeys(s, keySpecFlags),
  );
}

/** ACLUserCheckChannelPerm. */
export function userAllowsChannel(u: AclUser, channel: string, isPattern: boolean): boolean {
  return u.selectors.some((s) => s.allChannels || channelInList(s.channels, channel, isPattern));
}

/** ACLUserCheckKeyPerm. */
export function userAllowsKey(u: AclUser, key: string, keySpecFlags: readonly string[]): boolean {
  return u.selectors.some((s) => selectorAllowsKey(s, key, keySpecFlags));
}

/** processCommand's NOPERM replies. */
export function nopermText(r: CheckResult, cmd: Command): string {
  if (r.denied === Denied.Cmd)
    return `NOPERM this user has no permissions to run the '${cmd.fullName}' command`;
  if (r.denied === Denied.Key)
    return 'NOPERM this user has no permissions to access one of the keys used as arguments';
  return 'NOPERM this user has no permissions to access one of the channels used as arguments';
}

/** getAclErrorMessage (scripts prefix it with "The user executing the script "). */
export function aclErrorMessage(r: CheckResult): string {
  if (r.denied === Denied.Cmd) return "can't run this command or subcommand";
  if (r.denied === Denied.Key)
    return "can't access at least one of the keys mentioned in the command arguments";
  if (r.denied === Denied.Channel) return "can't publish to the channel mentioned in the command";
  return 'lacking the permissions for the command';
}

/** EXEC's reason when a queued command is no longer allowed. */
export function execDeniedText(r: CheckResult): string {
  const reason =
    r.denied === Denied.Cmd
      ? 'no permission to execute the command or subcommand'
      : r.denied === Denied.Key
        ? 'no permission to touch the specified keys'
        : 'no permission to access one of the channels used as arguments';
  return (
    'NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC call. ' +
    `This command is no longer allowed for the following reason: ${reason}`
  );
}
