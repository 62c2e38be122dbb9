/*
 * CLIENT subcommands (Redis's clientCommand in networking.c): identity (ID, SETNAME, GETNAME, INFO),
 * listing (LIST with TYPE or ID filters), killing (the old "CLIENT KILL addr" form answers OK or "No such
 * client"; the filter form answers a count and skips the caller unless SKIPME no), flow control (PAUSE,
 * UNPAUSE, REPLY ON|OFF|SKIP, NO-EVICT), UNBLOCK and GETREDIR. Error texts are Redis 7.0's.
 */
import { bin, type Bytes, lowerBin, unbin } from '../bytes.ts';
import { arr, bulk, int, NIL, OK, type Reply, simple, verbatim } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { E, fail } from '../server/errors.ts';
import { parseI64Num } from '../util/parse.ts';
import { clientInfoLine, clientType, clientTypeByName } from './client-line.ts';
import { clientSpecs } from './client-specs.ts';
import { clientCaching, clientGetRedir, clientTracking, clientTrackingInfo } from './client-tracking.ts';
import type { CommandFamily } from './types.ts';

const HELP = [
  'CACHING (YES|NO)',
  '    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.',
  'GETREDIR',
  '    Return the client ID we are redirecting to when tracking is enabled.',
  'GETNAME',
  '    Return the name of the current connection.',
  'ID',
  '    Return the ID of the current connection.',
  'INFO',
  '    Return information about the current client connection.',
  'KILL <ip:port>',
  '    Kill connection made from <ip:port>.',
  'KILL <option> <value> [<option> <value> [...]]',
  '    Kill connections. Options are:',
  '    * ADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made from the specified address',
  '    * LADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made to specified local address',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Kill connections by type.',
  '    * USER <username>',
  '      Kill connections authenticated by <username>.',
  '    * SKIPME (YES|NO)',
  '      Skip killing current connection (default: yes).',
  'LIST [options ...]',
  '    Return information about client connections. Options:',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Return clients of specified type.',
  'UNPAUSE',
  '    Stop the current client pause, resuming traffic.',
  'PAUSE <timeout> [WRITE|ALL]',
  '    Suspend all, or just write, clients for <timeout> milliseconds.',
  'REPLY (ON|OFF|SKIP)',
  '    Control the replies sent to the current connection.',
  'SETNAME <name>',
  '    Assign the name <name> to the current connection.',
  'UNBLOCK <clientid> [TIMEOUT|ERROR]',
  '    Unblock the specified blocked client.',
  'TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]',
  '         [OPTIN] [OPTOUT] [NOLOOP]',
  '    Control server assisted client side caching.',
  'TRACKINGINFO',
  '    Report tracking status for the current connection.',
  'NO-EVICT (ON|OFF)',
  '    Protect current client connection from eviction.',
];

/** Redis's addReplyHelp layout: a header naming the command, the lines, then HELP itself. */
export function helpReply(command: Bytes, lines: readonly string[]): Reply {
  const header = `${bin(command).toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`;
  return arr([header, ...lines, 'HELP', '    Prints this help.'].map((l) => simple(l)));
}

/** clientSetName: empty clears the name; only printable ASCII without spaces is allowed. */
export function setClientName(c: Client, name: Bytes): void {
  for (const b of name) {
    if (b < 33 || b > 126) fail('ERR Client names cannot contain spaces, newlines or special characters.');
  }
  c.name = name.length === 0 ? null : name;
}

function lines(clients: Iterable<Client>, caller: Client): Reply {
  let out = '';
  for (const cl of clients) out += clientInfoLine(cl, cl === caller) + '\n';
  return verbatim('txt', unbin(out));
}

function clientList(c: Client, argv: Bytes[]): Reply {
  const all = [...c.node.clients.values()];
  if (argv.length === 2) return lines(all, c);
  const opt = lowerBin(argv[2]!);
  if (argv.length === 4 && opt === 'type') {
    const type = clientTypeByName(bin(argv[3]!));
    if (type === null) fail(`ERR Unknown client type '${bin(argv[3]!)}'`);
    return lines(
      all.filter((cl) => clientType(cl) === type),
      c,
    );
  }
  if (argv.length > 3 && opt === 'id') {
    const picked: Client[] = [];
    for (const a of argv.slice(3)) {
      const id = parseI64Num(a);
      if (id === null) fail('ERR Invalid client ID');
      const cl = c.node.clients.get(id);
      if (cl) picked.push(cl);
    }
    return lines(picked, c);
  }
  fail(E.syntax);
}

interface KillFilter {
  addr?: string;
  laddr?: string;
  type?: string;
  id?: number;
  user?: string;
  skipMe: boolean;
}

function parseKillFilter(c: Client, argv: Bytes[]): KillFilter {
  if (argv.length === 3) return { addr: bin(argv[2]!), skipMe: false };
  if (argv.length < 3) fail(E.syntax);
  const f: KillFilter = { skipMe: true };
  for (let i = 2; i < argv.length; i += 2) {
    const opt = lowerBin(argv[i]!);
    const val = argv[i + 1];
    if (val === undefined) fail(E.syntax);
    if (opt === 'id') {
      const id = parseI64Num(val);
      if (id === null || id < 1) fail('ERR client-id should be greater than 0');
      f.id = id;
    } else if (opt === 'type') {
      const type = clientTypeByName(bin(val));
      if (type === null) fail(`ERR Unknown client type '${bin(val)}'`);
      f.type = type;
    } else if (opt === 'addr') f.addr = bin(val);
    else if (opt === 'laddr') f.laddr = bin(val);
    else if (opt === 'user') {
      if (!c.node.acl.users.has(bin(val))) fail(`ERR No such user '${bin(val)}'`);
      f.user = bin(val);
    } else if (opt === 'skipme') {
      const v = lowerBin(val);
      if (v !== 'yes' && v !== 'no') fail(E.syntax);
      f.skipMe = v === 'yes';
    } else fail(E.syntax);
  }
  return f;
}

function clientKill(c: Client, argv: Bytes[]): Reply {
  const f = parseKillFilter(c, argv);
  let killed = 0;
  for (const cl of [...c.node.clients.values()]) {
    if (f.addr !== undefined && cl.address.addr !== f.addr) continue;
    if (f.laddr !== undefined && cl.address.laddr !== f.laddr) continue;
    if (f.type !== undefined && clientType(cl) !== f.type) continue;
    if (f.id !== undefined && cl.id !== f.id) continue;
    if (f.user !== undefined && cl.user !== f.user) continue;
    if (cl === c && f.skipMe) continue;
    if (cl === c) c.closeAfterReply = true;
    else c.node.kill(cl);
    killed++;
  }
  if (argv.length === 3) {
    if (killed === 0) fail('ERR No such client');
    return OK;
  }
  return int(killed);
}

function clientPause(c: Client, argv: Bytes[]): Reply {
  let type: 'write' | 'all' = 'all';
  if (argv.length === 4) {
    const mode = lowerBin(argv[3]!);
    if (mode === 'write') type = 'write';
    else if (mode !== 'all') fail('ERR CLIENT PAUSE mode must be WRITE or ALL');
  }
  const ms = parseI64Num(argv[2]!);
  if (ms === null) fail('ERR timeout is not an integer or out of range');
  if (ms < 0) fail('ERR timeout is negative');
  c.node.pause.start(type, ms > 0 ? c.node.nowMs() + ms : 0);
  return OK;
}

function onOff(argv: Bytes[]): boolean {
  const v = lowerBin(argv[2]!);
  if (v !== 'on' && v !== 'off') fail(E.syntax);
  return v === 'on';
}

export const clientCommands: CommandFamily = {
  specs: clientSpecs,
  handlers: {
    'client|help': (_c, argv) => helpReply(argv[0]!, HELP),
    'client|id': (c) => int(c.id),
    'client|info': (c) => verbatim('txt', unbin(clientInfoLine(c, true) + '\n')),
    'client|list': clientList,
    'client|setname'(c, argv) {
      setClientName(c, argv[2]!);
      return OK;
    },
    'client|getname': (c) => (c.name ? bulk(c.name) : NIL),
    'client|kill': clientKill,
    'client|pause': clientPause,
    'client|unpause'(c) {
      c.node.pause.check(true);
      return OK;
    },
    'client|reply'(c, argv) {
      const mode = lowerBin(argv[2]!);
      if (mode === 'on') {
        // Clears OFF and the skip of this very command, so the OK itself is delivered.
        c.replyOff = false;
        c.skipNext = false;
        c.skipCurrent = false;
        return OK;
      }
      if (mode === 'off') c.replyOff = true;
      else if (mode === 'skip') c.skipNext = !c.replyOff;
      else fail(E.syntax);
      return undefined;
    },
    'client|no-evict'(c, argv) {
      c.noEvict = onOff(argv);
      return OK;
    },
    'client|unblock'(c, argv) {
      if (argv.length === 4) {
        const why = lowerBin(argv[3]!);
        if (why !== 'timeout' && why !== 'error')
          fail('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');
      }
      const id = parseI64Num(argv[2]!);
      if (id === null) fail(E.notInt);
      const target = c.node.clients.get(id);
      const withError = argv.length === 4 && lowerBin(argv[3]!) === 'error';
      return int(target !== undefined && c.node.blocking.unblock(target, withError) ? 1 : 0);
    },
    'client|getredir': clientGetRedir,
    'client|tracking': clientTracking,
    'client|caching': clientCaching,
    'client|trackinginfo': clientTrackingInfo,
  },
};
