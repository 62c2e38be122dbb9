/*
 * The option grammar shared by SET and GETEX (Redis's parseExtendedStringArgumentsOrReply) and the
 * conversion of an expire argument into an absolute deadline (getExpireMillisecondsOrReply).
 *
 * Options are read left to right, case-insensitively. An option is refused with a syntax error when it
 * does not belong to the command (NX/XX/GET/KEEPTTL are SET-only, PERSIST is GETEX-only), when it
 * conflicts with one already seen (NX vs XX; KEEPTTL or PERSIST vs any expire; one expire kind vs
 * another), or when an expire keyword is the last argument. Repeating the same option is allowed and
 * the last value wins (SET k v EX 1 EX 2 is fine).
 */
import { lowerBin, type Bytes } from '../../bytes.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { parseI64 } from '../../util/parse.ts';

export type ExpireKind = 'ex' | 'px' | 'exat' | 'pxat';

export interface StringOptions {
  nx: boolean;
  xx: boolean;
  get: boolean;
  keepTtl: boolean;
  persist: boolean;
  expireKind: ExpireKind | undefined;
  expireArg: Bytes | undefined;
}

const I64_MAX = 9223372036854775807n;

/** Parses options from argv[start..]; `forSet` selects SET's grammar, otherwise GETEX's. */
export function parseStringOptions(argv: Bytes[], start: number, forSet: boolean): StringOptions {
  const o: StringOptions = {
    nx: false,
    xx: false,
    get: false,
    keepTtl: false,
    persist: false,
    expireKind: undefined,
    expireArg: undefined,
  };
  for (let j = start; j < argv.length; j++) {
    const opt = lowerBin(argv[j]!);
    const hasNext = j < argv.length - 1;
    const kind = o.expireKind;
    if (opt === 'nx' && forSet && !o.xx) o.nx = true;
    else if (opt === 'xx' && forSet && !o.nx) o.xx = true;
    else if (opt === 'get' && forSet) o.get = true;
    else if (opt === 'keepttl' && forSet && !o.persist && kind === undefined) o.keepTtl = true;
    else if (opt === 'persist' && !forSet && kind === undefined && !o.keepTtl) o.persist = true;
    else if (isExpireKeyword(opt) && hasNext && !o.keepTtl && !o.persist && (kind ?? opt) === opt) {
      o.expireKind = opt as ExpireKind;
      o.expireArg = argv[++j];
    } else {
      fail(E.syntax);
    }
  }
  return o;
}

function isExpireKeyword(opt: string): boolean {
  return opt === 'ex' || opt === 'px' || opt === 'exat' || opt === 'pxat';
}

/**
 * The absolute deadline in unix ms for an expire argument, or the command's "invalid expire time"
 * error: the number must be a positive 64-bit integer, seconds must not overflow when scaled to ms,
 * and a relative time added to the clock must not overflow either.
 */
export function expireDeadlineMs(c: Client, kind: ExpireKind, arg: Bytes, command: string): number {
  let ms = parseI64(arg);
  if (ms === null) fail(E.notInt);
  const seconds = kind === 'ex' || kind === 'exat';
  const invalid = `ERR invalid expire time in '${command}' command`;
  if (ms <= 0n || (seconds && ms > I64_MAX / 1000n)) fail(invalid);
  if (seconds) ms *= 1000n;
  if (kind === 'ex' || kind === 'px') ms += BigInt(c.node.nowMs());
  // Redis detects the wrap-around of a signed 64-bit sum as a non-positive result.
  if (ms > I64_MAX) fail(invalid);
  return Number(ms);
}
