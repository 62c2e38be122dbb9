/*
 * DEBUG PROTOCOL <type>: one sample reply of each RESP3 type (Redis's debug.c), used by clients and by
 * Redis's protocol tests to check their parsers. RESP2 clients get the usual downgrades from the
 * encoder (map -> flat array, bool -> 1/0, double/bignum/verbatim -> bulk string).
 *
 * Known gap: 'attrib' should, in RESP3, send an attribute map (|1 key-popularity -> [key:123, 90])
 * ahead of its real reply. Our Reply model has no attribute variant yet, so RESP3 clients get only the
 * real reply, exactly what RESP2 clients get.
 */
import { type Bytes, lowerBin, utf8 } from '../bytes.ts';
import {
  arr,
  bool,
  bulkStr,
  double,
  err,
  int,
  map,
  NIL,
  push,
  type Reply,
  set,
  verbatim,
} from '../resp/reply.ts';
import type { Client } from '../server/client.ts';

const TYPES = 'string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false';

const zeroOneTwo = (): Reply[] => [int(0), int(1), int(2)];

/** The sample reply for `type`, or undefined when the name is unknown. */
function sample(c: Client, type: string): Reply | undefined {
  switch (type) {
    case 'string':
      return bulkStr('Hello World');
    case 'integer':
      return int(12345);
    case 'double':
      return double(3.141);
    case 'bignum':
      return { t: 'bignum', s: '1234567999999999999999999999999999999' };
    case 'null':
      return NIL;
    case 'array':
      return arr(zeroOneTwo());
    case 'set':
      return set(zeroOneTwo());
    case 'map':
      return map([0, 1, 2].map((j) => [int(j), bool(j === 1)] as const));
    case 'attrib':
      return bulkStr('Some real reply following the attribute');
    case 'push':
      if (c.resp < 3) return err('ERR RESP2 is not supported by this command');
      // An out-of-band push, then a normal reply so a client that skips pushes still gets an answer.
      c.node.reply(c, push([bulkStr('server-cpu-usage'), int(42)]));
      return bulkStr('Some real reply following the push reply');
    case 'verbatim':
      return verbatim('txt', utf8('This is a verbatim\nstring'));
    case 'true':
      return bool(true);
    case 'false':
      return bool(false);
    default:
      return undefined;
  }
}

export function debugProtocol(c: Client, argv: Bytes[]): Reply {
  const reply = sample(c, lowerBin(argv[2]!));
  if (reply !== undefined) return reply;
  return err(`ERR Wrong protocol type name. Please use one of the following: ${TYPES}`);
}
