/*
 * XINFO STREAM / GROUPS / CONSUMERS / HELP (xinfoCommand).
 *
 * Every subcommand but HELP first looks its key up for reading ("ERR no such key", WRONGTYPE), before
 * any option of its own is examined. GROUPS lists each group (byte order of names) as a map of name,
 * consumers, pending, last-delivered-id, entries-read (nil when unknown) and lag (nil when unknown);
 * CONSUMERS lists each consumer as name, pending and idle (ms since it was last seen, on the node
 * clock; Redis 7.0 has no "inactive" field). STREAM is in xinfo-stream.ts.
 */
import { bin, type Bytes } from '../../bytes.ts';
import { arr, bulkBin, bulkStr, int, map, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import { helpReply } from '../command.ts';
import type { Handler } from '../types.ts';
import { cName, idReply } from './groups-reply.ts';
import { lookupGroup } from './groups.ts';
import { type StreamValue, streamLookupForRead } from './model.ts';
import { entriesReadReply, lagReply, xinfoStreamReply } from './xinfo-stream.ts';

const HELP = [
  'CONSUMERS <key> <groupname>',
  '    Show consumers of <groupname>.',
  'GROUPS <key>',
  '    Show the stream consumer groups.',
  'STREAM <key> [FULL [COUNT <count>]',
  '    Show information about the stream.',
];

/** lookupKeyReadOrReply with "no such key", then the stream type check. */
function streamOrFail(c: Client, argv: Bytes[]): StreamValue {
  const s = streamLookupForRead(c, bin(argv[2]!));
  if (s === undefined) fail('ERR no such key');
  return s;
}

function xinfoGroups(c: Client, argv: Bytes[]): Reply {
  const s = streamOrFail(c, argv);
  if (s.groups === null) return arr([]);
  return arr(
    s.groups.values().map((g) =>
      map([
        [bulkStr('name'), bulkBin(g.name)],
        [bulkStr('consumers'), int(g.consumers.size)],
        [bulkStr('pending'), int(g.pel.size)],
        [bulkStr('last-delivered-id'), idReply(g.lastId)],
        [bulkStr('entries-read'), entriesReadReply(g)],
        [bulkStr('lag'), lagReply(s, g)],
      ]),
    ),
  );
}

function xinfoConsumers(c: Client, argv: Bytes[]): Reply {
  const s = streamOrFail(c, argv);
  const name = bin(argv[3]!);
  const g = lookupGroup(s, name);
  if (g === undefined) {
    fail(`NOGROUP No such consumer group '${cName(name)}' for key name '${cName(bin(argv[2]!))}'`);
  }
  const now = c.node.nowMs();
  return arr(
    g.consumers.values().map((k) =>
      map([
        [bulkStr('name'), bulkBin(k.name)],
        [bulkStr('pending'), int(k.pel.size)],
        [bulkStr('idle'), int(Math.max(0, now - k.seenTimeMs))],
      ]),
    ),
  );
}

export const xinfoHandlers: Record<string, Handler> = {
  'xinfo|help': (_c, argv) => helpReply(argv[0]!, HELP),
  'xinfo|stream': (c, argv) => xinfoStreamReply(c, argv, streamOrFail(c, argv)),
  'xinfo|groups': xinfoGroups,
  'xinfo|consumers': xinfoConsumers,
};
