/*
 * A bound on repeated random picks (SRANDMEMBER, HRANDFIELD, ZRANDMEMBER with a negative count).
 *
 * Redis 7.0.15 accepts any count in [-LONG_MAX, LONG_MAX] (within +-LONG_MAX/2 with WITHVALUES /
 * WITHSCORES) and, for a negative count, streams |count| picks into the reply, checking only whether
 * the client's output buffer limit closed the connection. With the default unlimited limit for normal
 * clients a count such as -9223372036854775807 never finishes there: the server grows its reply until
 * memory runs out. The engine builds a reply in memory and runs inside a browser worker, so it refuses
 * such counts instead of freezing. The errors Redis does send (range checks) come first, unchanged, in
 * the handlers; this guard only replaces Redis's endless loop, and only when the key exists.
 */
import { fail } from '../server/errors.ts';

/** Most picks one reply may carry (a real server answers this many in well under a second). */
export const RANDOM_PICKS_MAX = 1_000_000;

export const RANDOM_PICKS_ERR = `ERR count is too large: this server answers at most ${RANDOM_PICKS_MAX} random picks`;

/** Refuses a pick count whose reply would be too large to build (see the comment above). */
export function checkRandomPicks(picks: bigint | number): void {
  const n = typeof picks === 'bigint' ? picks : BigInt(picks);
  if (n > BigInt(RANDOM_PICKS_MAX) || n < -BigInt(RANDOM_PICKS_MAX)) fail(RANDOM_PICKS_ERR);
}
