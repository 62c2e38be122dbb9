/*
 * ACL subcommands that do not change users: CAT, GENPASS, LOG, DRYRUN, HELP, LOAD/SAVE (Redis's
 * aclCommand branches, same replies and error texts). LOAD and SAVE use the `aclfile` through the
 * host's storage (see AclState.loadFile / saveFile).
 */
import { allCommands, CATEGORY_NAMES, categoryByName, commandCategories } from '../../acl/categories.ts';
import { checkUserCommand, Denied } from '../../acl/check.ts';
import { bin, type Bytes, lowerBin } from '../../bytes.ts';
import { arr, bulkBin, bulkStr, OK, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { arityOk } from '../../server/dispatch.ts';
import { fail } from '../../server/errors.ts';
import { intArg } from '../../util/parse.ts';
import { helpReply } from '../client.ts';

export function aclCat(c: Client, argv: Bytes[]): Reply {
  if (argv.length === 2) return arr(CATEGORY_NAMES.map(bulkStr));
  if (argv.length > 3) fail(subcommandSyntaxError(argv));
  const category = categoryByName(bin(argv[2]!));
  if (category === null) fail(`ERR Unknown category '${bin(argv[2]!).slice(0, 128)}'`);
  const names = allCommands(c.node.commands)
    .filter((cmd) => commandCategories(cmd).has(category))
    .map((cmd) => bulkStr(cmd.fullName));
  return arr(names);
}

const GENPASS_MAX_BITS = 4096;

export function aclGenpass(c: Client, argv: Bytes[]): Reply {
  if (argv.length > 3) fail(subcommandSyntaxError(argv));
  const bits = argv.length === 3 ? intArg(argv[2]!) : 256;
  if (bits <= 0 || bits > GENPASS_MAX_BITS) {
    fail(
      'ERR ACL GENPASS argument must be the number of bits for the output password, a positive number up ' +
        `to ${GENPASS_MAX_BITS}`,
    );
  }
  const chars = Math.floor((bits + 3) / 4);
  let pass = '';
  for (let i = 0; i < chars; i++) pass += '0123456789abcdef'[c.node.random.int(16)];
  return bulkStr(pass);
}

export function aclLog(c: Client, argv: Bytes[]): Reply {
  if (argv.length > 3) fail(subcommandSyntaxError(argv));
  let count = 10;
  if (argv.length === 3) {
    if (lowerBin(argv[2]!) === 'reset') {
      c.node.acl.log.reset();
      return OK;
    }
    count = Math.max(0, intArg(argv[2]!));
  }
  return arr(c.node.acl.log.reply(count, c.node.nowMs()));
}

export function aclDryrun(c: Client, argv: Bytes[]): Reply {
  const user = c.node.acl.users.get(bin(argv[2]!));
  if (user === undefined) fail(`ERR User '${bin(argv[2]!)}' not found`);
  const cmdArgv = argv.slice(3);
  const cmd = c.node.commands.lookup(cmdArgv);
  if (cmd === undefined) fail(`ERR Command '${bin(argv[3]!)}' not found`);
  if (!arityOk(cmd, cmdArgv.length)) fail(`ERR wrong number of arguments for '${cmd.fullName}' command`);
  const r = checkUserCommand(user, cmd, cmdArgv);
  if (r === null) return OK;
  if (r.denied === Denied.Cmd)
    return bulkStr(`This user has no permissions to run the '${cmd.fullName}' command`);
  const what = r.denied === Denied.Key ? 'key' : 'channel';
  return bulkBin(`This user has no permissions to access the '${bin(cmdArgv[r.pos]!)}' ${what}`);
}

export function aclLoadOrSave(c: Client, argv: Bytes[]): Reply {
  if (c.node.config.get('aclfile') === '') {
    fail(
      'ERR This Redis instance is not configured to use an ACL file. You may want to specify users via the ' +
        'ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have a Redis configuration file ' +
        'set) in order to store users in the Redis configuration.',
    );
  }
  if (lowerBin(argv[1]!) === 'save') {
    if (c.node.acl.saveFile()) return OK;
    fail('ERR There was an error trying to save the ACLs. Please check the server logs for more information');
  }
  const errors = c.node.acl.loadFile(c);
  if (errors !== null) fail(`ERR ${errors}`);
  return OK;
}

/** addReplySubcommandSyntaxError. */
function subcommandSyntaxError(argv: Bytes[]): string {
  return `ERR unknown subcommand or wrong number of arguments for '${bin(argv[1]!).slice(0, 128)}'. Try ${bin(argv[0]!).toUpperCase()} HELP.`;
}

const HELP = [
  'CAT [<category>]',
  '    List all commands that belong to <category>, or all command categories',
  '    when no category is specified.',
  'DELUSER <username> [<username> ...]',
  '    Delete a list of users.',
  'DRYRUN <username> <command> [<arg> ...]',
  '    Returns whether the user can execute the given command without executing the command.',
  'GETUSER <username>',
  "    Get the user's details.",
  'GENPASS [<bits>]',
  '    Generate a secure 256-bit user password. The optional `bits` argument can',
  '    be used to specify a different size.',
  'LIST',
  '    Show users details in config file format.',
  'LOAD',
  '    Reload users from the ACL file.',
  'LOG [<count> | RESET]',
  '    Show the ACL log entries.',
  'SAVE',
  '    Save the current config to the ACL file.',
  'SETUSER <username> <attribute> [<attribute> ...]',
  '    Create or modify a user with the specified attributes.',
  'USERS',
  '    List all the registered usernames.',
  'WHOAMI',
  '    Return the current connection username.',
];

export function aclHelp(_c: Client, argv: Bytes[]): Reply {
  return helpReply(argv[0]!, HELP);
}
