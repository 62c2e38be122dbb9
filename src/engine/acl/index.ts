/*
 * The ACL module's public face. Scripting calls aclCheckCommand() for every redis.call/pcall (a
 * denial is logged with context "lua" and the text is the script error Redis raises) and
 * aclCommandAllowed() for redis.acl_check_cmd (no log entry).
 */
import type { Bytes } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import type { Client } from '../server/client.ts';
import type { ServerNode } from '../server/node.ts';
import { aclErrorMessage, checkUserCommand } from './check.ts';

export { AclState } from './acl.ts';

/**
 * scriptVerifyACL: null when the client's user may run `argv` (argv[0] is the command name), else
 * "The user executing the script <reason>" (scripting adds the error code it uses), logged as "lua".
 */
export function aclCheckCommand(
  node: ServerNode,
  client: Client,
  cmd: Command,
  argv: readonly Bytes[],
): string | null {
  const r = node.acl.checkAndLog(client, cmd, argv, 'lua');
  return r === null ? null : `The user executing the script ${aclErrorMessage(r)}`;
}

/** redis.acl_check_cmd: whether the client's user may run `argv`, without logging. */
export function aclCommandAllowed(
  node: ServerNode,
  client: Client,
  cmd: Command,
  argv: readonly Bytes[],
): boolean {
  return checkUserCommand(node.acl.userOf(client), cmd, argv) === null;
}
