/*
 * ACL subcommands that read or change users: SETUSER, DELUSER, GETUSER, LIST, USERS, WHOAMI
 * (Redis's aclCommand branches, same replies and error texts).
 */
import { describeCommandRules, describeUser, keyPatternText } from '../../acl/describe.ts';
import type { Selector } from '../../acl/selector.ts';
import { hasSpaces } from '../../acl/selector.ts';
import { bin, type Bytes } from '../../bytes.ts';
import { arr, bulkBin, bulkStr, int, map, NIL, OK, type Reply, set } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import type { CommandRegistry } from '../registry.ts';

export function aclSetUser(c: Client, argv: Bytes[]): Reply {
  const name = bin(argv[2]!);
  if (hasSpaces(name)) fail("ERR Usernames can't contain spaces or null characters");
  const error = c.node.acl.setUser(c, name, argv.slice(3).map(bin));
  if (error !== null) fail(error);
  return OK;
}

export function aclDelUser(c: Client, argv: Bytes[]): Reply {
  const names = argv.slice(2).map(bin);
  if (names.includes('default')) fail("ERR The 'default' user cannot be removed");
  return int(c.node.acl.deleteUsers(c, names));
}

/** aclAddReplySelectorDescription: commands, keys and channels of one selector. */
function selectorFields(registry: CommandRegistry, s: Selector): [Reply, Reply][] {
  const keys = s.allKeys ? '~*' : s.keys.map(keyPatternText).join(' ');
  const channels = s.allChannels ? '&*' : s.channels.map((ch) => `&${ch}`).join(' ');
  return [
    [bulkStr('commands'), bulkBin(describeCommandRules(registry, s))],
    [bulkStr('keys'), bulkBin(keys)],
    [bulkStr('channels'), bulkBin(channels)],
  ];
}

export function aclGetUser(c: Client, argv: Bytes[]): Reply {
  const u = c.node.acl.users.get(bin(argv[2]!));
  if (u === undefined) return NIL;
  const registry = c.node.commands;
  return map([
    [bulkStr('flags'), set(u.flagNames().map(bulkStr))],
    [bulkStr('passwords'), arr(u.passwords.map(bulkStr))],
    ...selectorFields(registry, u.root),
    [bulkStr('selectors'), arr(u.selectors.slice(1).map((s) => map(selectorFields(registry, s))))],
  ]);
}

export function aclList(c: Client): Reply {
  const registry = c.node.commands;
  return arr(c.node.acl.sortedUsers().map((u) => bulkBin(`user ${u.name} ${describeUser(registry, u)}`)));
}

export function aclUsers(c: Client): Reply {
  return arr(c.node.acl.sortedUsers().map((u) => bulkBin(u.name)));
}

export function aclWhoami(c: Client): Reply {
  return bulkBin(c.user);
}
