/*
 * Client-side caching for scripts (Redis 7.0's call(): "for read-only scripts, don't process the
 * script, only the commands it executes"). When a command run by a script reads data, the keys
 * remembered for the caller are the keys its EVAL/FCALL declared (its KEYS), not the keys of the
 * command itself: a script that never reads tracks nothing, one that reads tracks all declared keys.
 */
import type { Bytes } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import type { Client } from '../server/client.ts';
import type { ServerNode } from '../server/node.ts';

/** The tracking target of a command: the caller's declared keys for a script's reads. */
export function trackingTarget(
  node: ServerNode,
  c: Client,
  cmd: Command,
  argv: readonly Bytes[],
): [Client, Command, readonly Bytes[]] {
  const run = c.flags.has('script') ? node.scripts.current : undefined;
  if (run === undefined) return [c, cmd, argv];
  if (!cmd.spec.flags.includes('readonly')) return [c, cmd, argv];
  const scriptCmd = node.commands.lookup(run.argv);
  if (scriptCmd === undefined) return [c, cmd, argv];
  // The declared keys are read: present the script command as a plain read-only command with its key specs.
  const asRead = {
    ...scriptCmd,
    fullName: 'eval',
    spec: { ...scriptCmd.spec, flags: ['readonly'] },
  } as Command;
  return [run.caller, asRead, run.argv];
}
