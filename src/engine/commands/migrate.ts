/*
 * MIGRATE host port key|"" destination-db timeout [COPY] [REPLACE] [AUTH password | AUTH2 user password]
 * [KEYS key ...] (Redis's migrateCommand), as far as a node without sockets can go: the options are
 * parsed (and AUTH/AUTH2 secrets redacted from MONITOR and SLOWLOG) with Redis's errors, keys that don't
 * exist are skipped and +NOKEY answers when none is left. Moving existing keys would need a connection
 * to the target server, which the engine cannot open: it answers the I/O error Redis gives when the
 * target does not accept the connection.
 */
import { bin, type Bytes, lowerBin } from '../bytes.ts';
import { simple, type Reply } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { E, fail } from '../server/errors.ts';
import { parseI64 } from '../util/parse.ts';
import { block, int, keyAfter, keyArg, keyAt, oneOf, str, token } from './spec-helpers.ts';
import type { CommandFamily, CommandSpec } from './types.ts';

const migrateSpec: CommandSpec = {
  name: 'migrate',
  summary: 'Moves keys to another Redis server: a DUMP here, a RESTORE there, then a delete here.',
  since: '2.6.0',
  group: 'generic',
  complexity:
    'This command actually executes a DUMP+DEL in the source instance, and a RESTORE in the target instance. See the pages of these commands for time complexity. Also an O(N) data transfer between the two instances is performed.',
  arity: -6,
  flags: ['write', 'movablekeys'],
  acl: ['keyspace', 'write', 'slow', 'dangerous'],
  tips: ['nondeterministic_output'],
  keySpecs: [
    keyAt(3, ['RW', 'ACCESS', 'DELETE']),
    keyAfter('KEYS', -2, ['RW', 'ACCESS', 'DELETE', 'INCOMPLETE'], { lastKey: -1 }),
  ],
  arguments: [
    str('host'),
    int('port'),
    // Redis 7.0's generated table shows this token as an empty string (its JSON says "\"\"").
    oneOf('key_or_empty_string', [keyArg(0), token('empty_string', '')]),
    int('destination-db'),
    int('timeout'),
    token('copy', 'COPY', { optional: true, since: '3.0.0' }),
    token('replace', 'REPLACE', { optional: true, since: '3.0.0' }),
    oneOf(
      'authentication',
      [
        str('password', { token: 'AUTH', optional: true, since: '4.0.7' }),
        block('username_password', [str('username'), str('password')], {
          token: 'AUTH2',
          optional: true,
          since: '6.0.0',
        }),
      ],
      { optional: true },
    ),
    keyArg(1, 'key', { token: 'KEYS', optional: true, multiple: true, since: '3.0.6' }),
  ],
  history: [
    ['3.0.0', 'Added the `COPY` and `REPLACE` options.'],
    ['3.0.6', 'Added the `KEYS` option.'],
    ['4.0.7', 'Added the `AUTH` option.'],
    ['6.0.0', 'Added the `AUTH2` option.'],
  ],
};

/** The option loop from argument 6; returns the argv range of the keys to move. */
function parseOptions(argv: readonly Bytes[]): { first: number; count: number } {
  for (let j = 6; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = lowerBin(argv[j]!);
    if (opt === 'copy' || opt === 'replace') continue;
    if (opt === 'auth') {
      if (!more) fail(E.syntax);
      j++;
    } else if (opt === 'auth2') {
      if (more < 2) fail(E.syntax);
      j += 2;
    } else if (opt === 'keys') {
      if (argv[3]!.length !== 0) {
        fail('ERR When using MIGRATE KEYS option, the key argument must be set to the empty string');
      }
      return { first: j + 1, count: argv.length - j - 1 };
    } else fail(E.syntax);
  }
  return { first: 3, count: 1 };
}

function migrate(c: Client, argv: Bytes[]): Reply {
  const { first, count } = parseOptions(argv);
  if (parseI64(argv[5]!) === null || parseI64(argv[4]!) === null) fail(E.notInt);
  let found = 0;
  for (let j = 0; j < count; j++) if (c.db.lookupRead(bin(argv[first + j]!)) !== undefined) found++;
  if (found === 0) return simple('NOKEY');
  fail('IOERR error or timeout writing to target instance');
}

export const migrateCommands: CommandFamily = {
  specs: [migrateSpec],
  handlers: { migrate },
};
