/*
 * Error replies already counted in INFO errorstats. When a script fails because a redis.call() failed,
 * the command's own error was counted when it ran; Redis passes ERR_REPLY_FLAG_NO_STATS_UPDATE for the
 * script's final error so neither errorstats nor the EVAL/FCALL failed_calls count it again. The
 * dispatcher asks statsAlreadyCounted() before counting an error reply.
 */
import type { Reply } from '../resp/reply.ts';

const counted = new WeakSet<Reply>();

export function markStatsCounted(r: Reply): void {
  counted.add(r);
}

export function statsAlreadyCounted(r: Reply): boolean {
  return counted.has(r);
}
