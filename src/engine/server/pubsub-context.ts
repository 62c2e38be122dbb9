/*
 * Redis's subscribed-context rule (processCommand): a RESP2 connection with at least one subscription
 * (the 'pubsub' flag, CLIENT_PUBSUB) can only send (P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PING, QUIT and
 * RESET, because its replies now interleave with pushed messages that RESP2 cannot tell apart. RESP3
 * marks pushes with '>' so it has no such limit.
 */
import type { Command } from '../commands/registry.ts';
import type { Client } from './client.ts';

const ALLOWED_WHILE_SUBSCRIBED = new Set([
  'ping',
  'subscribe',
  'ssubscribe',
  'unsubscribe',
  'sunsubscribe',
  'psubscribe',
  'punsubscribe',
  'quit',
  'reset',
]);

/** The error text when `cmd` is refused in subscribed mode, else null. */
export function subscribedContextError(c: Client, cmd: Command): string | null {
  if (c.resp !== 2 || !c.flags.has('pubsub') || ALLOWED_WHILE_SUBSCRIBED.has(cmd.fullName)) return null;
  return (
    `ERR Can't execute '${cmd.fullName}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET ` +
    'are allowed in this context'
  );
}
