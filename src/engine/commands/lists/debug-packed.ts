/*
 * DEBUG QUICKLIST-PACKED-THRESHOLD <size> (debug.c, quicklist.c quicklistisSetPackedThreshold).
 *
 * In Redis the threshold decides which list elements are big enough to live alone in a "plain"
 * quicklist node instead of inside a listpack (1 GiB by default; 0 restores the default). The size is a
 * memory value (memtoull: digits with an optional b/k/kb/m/mb/g/gb unit, no sign); anything that fails
 * to parse, or lies above 4 GiB - 1 MiB, is refused with one error text.
 *
 * Our quicklist keeps every element as an entry of its node whatever its size (ds/quicklist.ts), and
 * plain nodes change nothing that list commands answer, so the subcommand validates its argument as
 * Redis does and answers OK without changing the list layout. Only DEBUG OBJECT / the node snapshot
 * could tell the difference, and neither reports plain nodes.
 */
import { bin, type Bytes } from '../../bytes.ts';
import { OK, type Reply } from '../../resp/reply.ts';
import { fail } from '../../server/errors.ts';
import { parseMemory } from '../../server/config-values.ts';

/** Largest threshold quicklist.c accepts: 4 GiB minus 1 MiB. */
const PACKED_THRESHOLD_MAX = (1n << 32n) - (1n << 20n);

export const PACKED_THRESHOLD_ERR = 'ERR argument must be a memory value bigger than 1 and smaller than 4gb';

/** DEBUG QUICKLIST-PACKED-THRESHOLD: argv is [DEBUG, QUICKLIST-PACKED-THRESHOLD, size]. */
export function debugQuicklistPackedThreshold(argv: Bytes[]): Reply {
  const raw = bin(argv[2]!);
  // memtoull refuses a leading '-' and 128 digits or more; parseMemory covers units and overflow.
  const digits = /^[0-9]*/.exec(raw)![0].length;
  // A unit without digits ("b", "kb") is strtoull("") = 0 there, which restores the default.
  const size = raw.startsWith('-') || digits >= 128 ? null : parseMemory(digits === 0 ? `0${raw}` : raw);
  if (size === null || size > PACKED_THRESHOLD_MAX) fail(PACKED_THRESHOLD_ERR);
  return OK;
}
