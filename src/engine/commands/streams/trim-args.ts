/*
 * The option parser XADD and XTRIM share (streamParseAddOrTrimArgsOrReply).
 *
 * Options are read left to right from argv[2]. For XADD the first argument that is no option is the
 * entry ID ('*' ends the options at once, fast path); for XTRIM anything else is a syntax error.
 *   MAXLEN [=|~] <count>   count >= 0 ("The MAXLEN argument must be >= 0.")
 *   MINID  [=|~] <id>      a strict ID (no "-"/"+")
 *   LIMIT <count>          count >= 0, only with "~"
 *   NOMKSTREAM             XADD only
 * An option keyword that is the last argument is not an option (XADD then parses it as the ID). The
 * "~"/"=" is only taken as an operator when another argument follows it. Without LIMIT, "~" gets
 * 100 * stream-node-max-entries, clamped to 1..1,000,000 (10,000 when that is 0); exact trimming has
 * no limit. The errors and their order are Redis's.
 */
import type { Bytes } from '../../bytes.ts';
import { eqIgnoreCase } from '../../bytes.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { parseI64 } from '../../util/parse.ts';
import { cString, isCToken, MIN_ID, type ParsedXaddId, parseStrictId, parseXaddId } from './id.ts';
import { streamLimits } from './model.ts';
import type { TrimSpec } from './trim.ts';

export interface AddTrimArgs {
  trim: TrimSpec | null;
  noMkStream: boolean;
  /** XADD's explicit ID (null for '*'). */
  id: ParsedXaddId | null;
  /** argv index of the ID (XADD). */
  idPos: number;
}

const ERR_BOTH = 'ERR syntax error, MAXLEN and MINID options at the same time are not compatible';
const ERR_LIMIT_NO_STRATEGY = 'ERR syntax error, LIMIT cannot be used without specifying a trimming strategy';
const ERR_XTRIM_NO_STRATEGY = 'ERR syntax error, XTRIM must be called with a trimming strategy';
const ERR_LIMIT_NO_APPROX = 'ERR syntax error, LIMIT cannot be used without the special ~ option';

/** getLongLongFromObjectOrReply with Redis's generic integer error. */
function longLong(b: Bytes): number | bigint {
  const v = parseI64(b);
  if (v === null) fail(E.notInt);
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** XADD key * ...: no options to parse (Redis's fast path). */
const AUTO_ID_ONLY: AddTrimArgs = Object.freeze({ trim: null, noMkStream: false, id: null, idPos: 2 });

export function parseAddTrimArgs(c: Client, argv: Bytes[], xadd: boolean): AddTrimArgs {
  if (xadd && argv.length > 2 && isCToken(argv[2]!, 42)) return AUTO_ID_ONLY;
  const out: AddTrimArgs = { trim: null, noMkStream: false, id: null, idPos: argv.length };
  let limit: number | null = null;
  let i = 2;
  for (; i < argv.length; i++) {
    const more = argv.length - 1 - i;
    const opt = cString(argv[i]!);
    if (xadd && isCToken(opt, 42)) break;
    const isMaxlen = more > 0 && eqIgnoreCase(opt, 'maxlen');
    if (isMaxlen || (more > 0 && eqIgnoreCase(opt, 'minid'))) {
      if (out.trim !== null) fail(ERR_BOTH);
      let approx = false;
      const next = argv[i + 1]!;
      if (more >= 2 && (isCToken(next, 126) || isCToken(next, 61))) {
        approx = next[0] === 126;
        i++;
      }
      out.trim = { strategy: isMaxlen ? 'maxlen' : 'minid', maxlen: 0, minid: MIN_ID, approx, limit: 0 };
      if (isMaxlen) {
        const n = longLong(argv[i + 1]!);
        if (n < 0) fail('ERR The MAXLEN argument must be >= 0.');
        out.trim.maxlen = Number(n);
      } else {
        out.trim.minid = parseStrictId(argv[i + 1]!);
      }
      i++;
    } else if (more > 0 && eqIgnoreCase(opt, 'limit')) {
      const n = longLong(argv[i + 1]!);
      if (n < 0) fail('ERR The LIMIT argument must be >= 0.');
      limit = Number(n);
      i++;
    } else if (xadd && eqIgnoreCase(opt, 'nomkstream')) {
      out.noMkStream = true;
    } else if (xadd) {
      out.id = parseXaddId(argv[i]!);
      break;
    } else {
      fail(E.syntax);
    }
  }
  out.idPos = i;
  finishLimit(c, out, limit, xadd);
  return out;
}

/** The checks after the option loop, and the default LIMIT of approximate trimming. */
function finishLimit(c: Client, out: AddTrimArgs, limit: number | null, xadd: boolean): void {
  if (limit !== null && limit !== 0 && out.trim === null) fail(ERR_LIMIT_NO_STRATEGY);
  if (!xadd && out.trim === null) fail(ERR_XTRIM_NO_STRATEGY);
  // mustObeyClient (the AOF loader, a master): the threshold was rewritten to be exact, no LIMIT.
  if (c.flags.has('must-obey')) {
    if (out.trim !== null) out.trim.limit = 0;
    return;
  }
  if (limit !== null) {
    if (out.trim === null || !out.trim.approx) fail(ERR_LIMIT_NO_APPROX);
    out.trim.limit = limit;
  } else if (out.trim !== null && out.trim.approx) {
    const n = 100 * streamLimits(c.node).maxEntries;
    out.trim.limit = n <= 0 ? 10000 : Math.min(n, 1000000);
  }
}
