/*
 * The argument parser XREAD and XREADGROUP share (the option loop of xreadCommand):
 *   [BLOCK <ms>] [COUNT <n>] [GROUP <group> <consumer>] [NOACK] STREAMS <key>... <id>...
 * Options may come in any order and repeat (the last wins); STREAMS ends them and everything after
 * it must split evenly into keys and IDs. GROUP and NOACK are XREADGROUP's: XREAD refuses them with
 * their own errors. Keyword matching is ASCII case-insensitive on the argument up to a NUL byte, as
 * strcasecmp sees it; a keyword whose value is missing is a syntax error.
 *
 * BLOCK is milliseconds as a 64-bit integer ("timeout is not an integer or out of range",
 * "timeout is negative"); 0 waits forever. A negative COUNT counts as 0, meaning no limit.
 * IDs are not parsed here: each command resolves them against its keys ("$", ">", or a strict ID).
 */
import { bin, type Bytes, eqIgnoreCase } from '../../bytes.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { parseI64 } from '../../util/parse.ts';
import { cString } from './id.ts';

export interface ReadArgs {
  /** BLOCK given. */
  block: boolean;
  /** Absolute deadline in node ms when blocking, 0 = forever. */
  deadlineMs: number;
  /** COUNT, 0 = no limit. */
  count: number;
  /** argv index of the first key. */
  streamsPos: number;
  /** Number of keys (and of IDs). */
  numStreams: number;
  group: Bytes | null;
  consumer: Bytes | null;
  noAck: boolean;
}

export const READ_ERR = {
  unbalanced: "ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.",
  groupInXread: 'ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.',
  noackInXread: 'ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.',
  missingGroup: 'ERR Missing GROUP option for XREADGROUP',
  dollarInGroup:
    'ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.',
  gtOutsideGroup:
    'ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.',
} as const;

/** XREAD's default COUNT for a client served after blocking (XREAD_BLOCKED_DEFAULT_COUNT). */
export const XREAD_BLOCKED_DEFAULT_COUNT = 1000;

function parseBlockMs(c: Client, b: Bytes): number {
  const v = parseI64(b);
  if (v === null) fail('ERR timeout is not an integer or out of range');
  if (v < 0n) fail('ERR timeout is negative');
  return v === 0n ? 0 : c.node.nowMs() + Number(v);
}

export function parseReadArgs(c: Client, argv: Bytes[], isGroup: boolean): ReadArgs {
  const out: ReadArgs = {
    block: false,
    deadlineMs: 0,
    count: 0,
    streamsPos: 0,
    numStreams: 0,
    group: null,
    consumer: null,
    noAck: false,
  };
  for (let i = 1; i < argv.length; i++) {
    const more = argv.length - i - 1;
    const o = cString(argv[i]!);
    if (more > 0 && eqIgnoreCase(o, 'block')) {
      if (c.flags.has('script'))
        fail(`ERR ${bin(cString(argv[0]!))} command is not allowed with BLOCK option from scripts`);
      out.block = true;
      out.deadlineMs = parseBlockMs(c, argv[++i]!);
    } else if (more > 0 && eqIgnoreCase(o, 'count')) {
      const n = parseI64(argv[++i]!);
      if (n === null) fail(E.notInt);
      out.count = n <= 0n ? 0 : n > 4294967295n ? 4294967295 : Number(n);
    } else if (more > 0 && eqIgnoreCase(o, 'streams')) {
      out.streamsPos = i + 1;
      const rest = argv.length - out.streamsPos;
      if (rest % 2 !== 0) fail(READ_ERR.unbalanced);
      out.numStreams = rest / 2;
      break;
    } else if (more >= 2 && eqIgnoreCase(o, 'group')) {
      if (!isGroup) fail(READ_ERR.groupInXread);
      out.group = argv[i + 1]!;
      out.consumer = argv[i + 2]!;
      i += 2;
    } else if (eqIgnoreCase(o, 'noack')) {
      if (!isGroup) fail(READ_ERR.noackInXread);
      out.noAck = true;
    } else {
      fail(E.syntax);
    }
  }
  if (out.streamsPos === 0) fail(E.syntax);
  if (isGroup && out.group === null) fail(READ_ERR.missingGroup);
  return out;
}
