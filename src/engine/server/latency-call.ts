/*
 * What the end of Redis's call() records about a command's duration, and what updateStatsOnUnblock
 * records when a blocked command is finally answered (it also takes the instantaneous-metrics samples
 * that are due, see stats-instant.ts):
 *
 *   - always: a "fast-command" (commands flagged fast) or "command" latency event of duration/1000 ms,
 *     which the latency monitor keeps if it reaches latency-monitor-threshold;
 *   - unless the command left its client blocked: a slowlog entry (skip_slowlog commands excepted)
 *     and a sample in the command's latency histogram;
 *   - for a blocked command, once served, timed out or unblocked: its usec grow again by the duration
 *     of the first call (Redis adds c->duration twice), then the histogram sample and the slowlog entry
 *     follow, with that duration.
 * The duration of the first call is remembered per blocked client until then. (Redis also records a
 * "command-unblocking" event for the time spent writing the late reply; we don't time that step.)
 */
import type { Bytes } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import type { Client } from './client.ts';
import type { ServerNode } from './node.ts';
import { instantMetrics } from './stats-instant.ts';

interface BlockedCall {
  cmd: Command;
  argv: Bytes[];
  durationUs: number;
}

const blockedCalls = new WeakMap<Client, BlockedCall>();

/** After a handler ran for `durationUs` (calls and usec are counted by the dispatcher). */
export function recordCallTiming(
  node: ServerNode,
  c: Client,
  cmd: Command,
  argv: Bytes[],
  durationUs: number,
): void {
  instantMetrics(node).tick();
  const fast = cmd.spec.flags.includes('fast');
  node.latency.addSampleIfNeeded(fast ? 'fast-command' : 'command', Math.floor(durationUs / 1000));
  if (node.blocking.isBlocked(c)) {
    blockedCalls.set(c, { cmd, argv, durationUs });
    return;
  }
  node.slowlog.pushIfNeeded(c, cmd, argv, durationUs);
  node.commandLatencies.record(cmd, durationUs);
}

/** A blocked client got its answer (served, timed out or CLIENT UNBLOCK). */
export function recordUnblocked(node: ServerNode, c: Client): void {
  const call = blockedCalls.get(c);
  if (call === undefined) return;
  blockedCalls.delete(c);
  call.cmd.stats.usec += call.durationUs;
  node.commandLatencies.record(call.cmd, call.durationUs);
  node.slowlog.pushIfNeeded(c, call.cmd, call.argv, call.durationUs);
}
