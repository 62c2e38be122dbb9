/*
 * XGROUP CREATE / SETID / DESTROY / CREATECONSUMER / DELCONSUMER / HELP (xgroupCommand).
 *
 * Every subcommand but HELP runs the same preamble, in Redis's order: parse the trailing options of
 * CREATE and SETID (MKSTREAM, ENTRIESREAD n), look the key up for writing (WRONGTYPE), then, unless
 * MKSTREAM was given, require the key ("The XGROUP subcommand requires the key to exist...") and,
 * for SETID / CREATECONSUMER / DELCONSUMER, the group (NOGROUP). Only then the subcommand checks its
 * own argument count (CREATE takes 5..8 arguments, SETID 5 or 7) and runs.
 *
 * Effects, as t_stream.c: CREATE with MKSTREAM adds the stream (signalModifiedKey); CREATE, SETID,
 * DESTROY and DELCONSUMER count one change and fire xgroup-create / xgroup-setid / xgroup-destroy /
 * xgroup-delconsumer (class 't'); CREATECONSUMER counts and fires through the consumer creation.
 * DESTROY also readies the key so XREADGROUP clients blocked on the group get their NOGROUP error.
 * SETID without ENTRIESREAD resets the read counter to unknown.
 */
import { bin, type Bytes, eqIgnoreCase } from '../../bytes.ts';
import { int, OK, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import { parseI64Num } from '../../util/parse.ts';
import { E } from '../../server/errors.ts';
import { helpReply } from '../command.ts';
import type { Handler } from '../types.ts';
import { cName } from './groups-reply.ts';
import { createConsumer, createGroup, deleteConsumer, lookupConsumer, lookupGroup } from './groups.ts';
import { isCToken, MIN_ID, parseId, parseStrictId, type StreamId } from './id.ts';
import { type ConsumerGroup, INVALID_ENTRIES_READ, StreamValue, streamLookupForWrite } from './model.ts';

const HELP = [
  'CREATE <key> <groupname> <id|$> [option]',
  '    Create a new consumer group. Options are:',
  '    * MKSTREAM',
  '      Create the empty stream if it does not exist.',
  '    * ENTRIESREAD entries_read',
  "      Set the group's entries_read counter (internal use).",
  'CREATECONSUMER <key> <groupname> <consumer>',
  '    Create a new consumer in the specified group.',
  'DELCONSUMER <key> <groupname> <consumer>',
  '    Remove the specified consumer.',
  'DESTROY <key> <groupname>',
  '    Remove the specified group.',
  'SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]',
  '    Set the current group ID and entries_read counter.',
];

const NEEDS_KEY =
  'ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the ' +
  'MKSTREAM option to create an empty stream automatically.';

/** addReplySubcommandSyntaxError for a container command. */
export function subcommandSyntaxError(argv: Bytes[]): never {
  fail(
    `ERR unknown subcommand or wrong number of arguments for '${bin(argv[1]!).slice(0, 128)}'. ` +
      `Try ${bin(argv[0]!).toUpperCase()} HELP.`,
  );
}

interface Prepared {
  key: string;
  groupName: string;
  s: StreamValue | undefined;
  group: ConsumerGroup | undefined;
  mkstream: boolean;
  entriesRead: number;
}

/** The shared preamble of xgroupCommand (see the header). */
function prepare(c: Client, argv: Bytes[], sub: string): Prepared {
  const create = sub === 'create';
  let mkstream = false;
  let entriesRead = INVALID_ENTRIES_READ;
  for (let i = 5; i < argv.length;) {
    if (create && eqIgnoreCase(argv[i]!, 'mkstream')) {
      mkstream = true;
      i++;
    } else if ((create || sub === 'setid') && eqIgnoreCase(argv[i]!, 'entriesread') && i + 1 < argv.length) {
      const n = parseI64Num(argv[i + 1]!);
      if (n === null) fail(E.notInt);
      if (n < 0 && n !== INVALID_ENTRIES_READ) fail('ERR value for ENTRIESREAD must be positive or -1');
      entriesRead = n;
      i += 2;
    } else {
      subcommandSyntaxError(argv);
    }
  }
  const key = bin(argv[2]!);
  const groupName = bin(argv[3]!);
  const s = streamLookupForWrite(c, key);
  let group: ConsumerGroup | undefined;
  if (!mkstream) {
    if (s === undefined) fail(NEEDS_KEY);
    group = lookupGroup(s, groupName);
    if (group === undefined && sub !== 'create' && sub !== 'destroy') {
      fail(`NOGROUP No such consumer group '${cName(groupName)}' for key name '${cName(key)}'`);
    }
  }
  return { key, groupName, s, group, mkstream, entriesRead };
}

/** "$" (as C's strcmp sees it) means the stream's last ID. */
function groupId(arg: Bytes, s: StreamValue | undefined, strict: boolean): StreamId {
  if (isCToken(arg, 36)) return s ? s.lastId : MIN_ID;
  return strict ? parseStrictId(arg) : parseId(arg);
}

function xgroupCreate(c: Client, argv: Bytes[]): Reply {
  const p = prepare(c, argv, 'create');
  if (argv.length > 8) subcommandSyntaxError(argv);
  const id = groupId(argv[4]!, p.s, true);
  let s = p.s;
  if (s === undefined) {
    s = new StreamValue(c.node.nowMs());
    c.db.set(p.key, s);
    c.node.signalKeyAsReady(c.db, p.key);
    c.node.signalModifiedKey(c.db, p.key);
  }
  if (createGroup(s, p.groupName, id, p.entriesRead) === undefined) {
    fail('BUSYGROUP Consumer Group name already exists');
  }
  c.node.dirty++;
  c.node.notify('t', 'xgroup-create', p.key, c.db);
  return OK;
}

function xgroupSetId(c: Client, argv: Bytes[]): Reply {
  const p = prepare(c, argv, 'setid');
  if (argv.length !== 5 && argv.length !== 7) subcommandSyntaxError(argv);
  const g = p.group!;
  g.lastId = groupId(argv[4]!, p.s, false);
  g.entriesRead = p.entriesRead;
  c.node.dirty++;
  c.node.notify('t', 'xgroup-setid', p.key, c.db);
  return OK;
}

function xgroupDestroy(c: Client, argv: Bytes[]): Reply {
  const p = prepare(c, argv, 'destroy');
  if (p.group === undefined) return int(0);
  p.s!.groups!.delete(p.groupName);
  c.node.dirty++;
  c.node.notify('t', 'xgroup-destroy', p.key, c.db);
  c.node.signalKeyAsReady(c.db, p.key);
  return int(1);
}

function xgroupCreateConsumer(c: Client, argv: Bytes[]): Reply {
  const p = prepare(c, argv, 'createconsumer');
  return int(createConsumer(c, p.group!, bin(argv[4]!), p.key) ? 1 : 0);
}

function xgroupDelConsumer(c: Client, argv: Bytes[]): Reply {
  const p = prepare(c, argv, 'delconsumer');
  const consumer = lookupConsumer(c, p.group!, bin(argv[4]!), false);
  if (consumer === undefined) return int(0);
  const pending = consumer.pel.size;
  deleteConsumer(p.group!, consumer);
  c.node.dirty++;
  c.node.notify('t', 'xgroup-delconsumer', p.key, c.db);
  return int(pending);
}

export const xgroupHandlers: Record<string, Handler> = {
  'xgroup|help': (_c, argv) => helpReply(argv[0]!, HELP),
  'xgroup|create': xgroupCreate,
  'xgroup|setid': xgroupSetId,
  'xgroup|destroy': xgroupDestroy,
  'xgroup|createconsumer': xgroupCreateConsumer,
  'xgroup|delconsumer': xgroupDelConsumer,
};
