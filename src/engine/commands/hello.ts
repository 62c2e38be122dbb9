/*
 * Session commands: HELLO (protocol switch, with optional AUTH and SETNAME), AUTH and RESET (Redis's
 * helloCommand, authCommand, resetCommand). Users and passwords are the ACL module's (acl/acl.ts); the
 * default user's password is requirepass. New connections start authenticated as the default user
 * exactly when it is on and nopass.
 */
import { bin, type Bytes, lowerBin, unbin } from '../bytes.ts';
import { arr, bulkStr, int, map, OK, type Reply, simple } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { E, fail } from '../server/errors.ts';
import { parseI64Num } from '../util/parse.ts';
import { setClientName } from './client.ts';
import { disableTracking } from './client-tracking.ts';
import { helloSpecs } from './hello-specs.ts';
import { discardTransaction } from './transactions.ts';
import type { CommandFamily } from './types.ts';

import { REDIS_VERSION } from './version.ts';
const WRONGPASS = 'WRONGPASS invalid username-password pair or user is disabled.';

function helloReply(c: Client): Reply {
  const clusterMode = c.node.config.getBool('cluster-enabled');
  return map([
    [bulkStr('server'), bulkStr('redis')],
    [bulkStr('version'), bulkStr(REDIS_VERSION)],
    [bulkStr('proto'), int(c.resp)],
    [bulkStr('id'), int(c.id)],
    [bulkStr('mode'), bulkStr(clusterMode ? 'cluster' : 'standalone')],
    [bulkStr('role'), bulkStr('master')],
    [bulkStr('modules'), arr([])],
  ]);
}

function hello(c: Client, argv: Bytes[]): Reply {
  let version = 0;
  let i = 1;
  if (argv.length >= 2) {
    const v = parseI64Num(argv[i++]!);
    if (v === null) fail('ERR Protocol version is not an integer or out of range');
    if (v < 2 || v > 3) fail('NOPROTO unsupported protocol version');
    version = v;
  }
  for (; i < argv.length; i++) {
    const more = argv.length - 1 - i;
    const opt = lowerBin(argv[i]!);
    if (opt === 'auth' && more >= 2) {
      if (!c.node.acl.authenticate(c, argv[i + 1]!, argv[i + 2]!, argv[0]!)) fail(WRONGPASS);
      i += 2;
    } else if (opt === 'setname' && more >= 1) {
      setClientName(c, argv[i + 1]!);
      i++;
    } else {
      fail(`ERR Syntax error in HELLO option '${bin(argv[i]!)}'`);
    }
  }
  if (!c.authenticated) {
    fail(
      'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH ' +
        '<user> <pass> option can be used to authenticate the client and select the RESP protocol ' +
        'version at the same time',
    );
  }
  if (version) c.resp = version as 2 | 3;
  return helloReply(c);
}

function auth(c: Client, argv: Bytes[]): Reply {
  if (argv.length > 3) fail(E.syntax);
  if (argv.length === 2 && c.node.acl.defaultUser.nopass) {
    fail(
      'ERR AUTH <password> called without any password configured for the default user. ' +
        'Are you sure your configuration is correct?',
    );
  }
  const ok =
    argv.length === 2
      ? c.node.acl.authenticate(c, DEFAULT_USER, argv[1]!, argv[0]!)
      : c.node.acl.authenticate(c, argv[1]!, argv[2]!, argv[0]!);
  if (!ok) fail(WRONGPASS);
  return OK;
}

const DEFAULT_USER = unbin('default');

/** clearClientConnectionState: db 0, RESP2, default auth, no transaction, no name, replies on. */
export function resetClient(c: Client): void {
  c.db = c.node.dbs[0]!;
  c.resp = 2;
  c.user = 'default';
  c.authenticated = c.node.acl.defaultAuthenticated();
  discardTransaction(c);
  c.name = null;
  disableTracking(c);
  c.flags.delete('pubsub');
  c.flags.delete('readonly');
  c.flags.delete('asking');
  c.replyOff = false;
  c.skipNext = false;
  c.node.resetClientHooks.forEach((fn) => fn(c));
}

export const helloCommands: CommandFamily = {
  specs: helloSpecs,
  handlers: {
    hello,
    auth,
    reset(c) {
      resetClient(c);
      return simple('RESET');
    },
  },
};
