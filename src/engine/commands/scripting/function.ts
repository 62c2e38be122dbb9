/*
 * FCALL, FCALL_RO and the FUNCTION subcommands (Redis 7.0's functions.c). FCALL looks the function up
 * first ("Function not found"), then parses numkeys ("Bad number of keys provided" for a non-integer),
 * then checks the function's flags against the server state and runs it like EVAL does, with KEYS and
 * ARGV passed as its two arguments instead of globals.
 *
 * FUNCTION LIST prints libraries as maps (library_name, engine, functions, [library_code]) and each
 * function as (name, description or null, flags as a set of status strings in Redis's flag order).
 */
import { bin, type Bytes, lowerBin, unbin } from '../../bytes.ts';
import {
  arr,
  bulk,
  bulkBin,
  bulkStr,
  err,
  int,
  map,
  NIL,
  OK,
  type Reply,
  set,
  simple,
} from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import { dumpFunctions, restoreFunctions, type RestorePolicy } from '../../scripting/function-dump.ts';
import { LOAD_TIMEOUT_MS, type FunctionInfo, type LibraryInfo } from '../../scripting/functions.ts';
import { executeScript, finishScript } from '../../scripting/run.ts';
import { SCRIPT_FLAG_NAMES } from '../../scripting/shebang.ts';
import { globMatchBin } from '../../util/glob.ts';
import { helpReply } from '../command.ts';
import { feedMonitors, parseNumKeys } from './eval.ts';

function fcallGeneric(c: Client, argv: Bytes[], ro: boolean): Reply | undefined {
  feedMonitors(c, argv);
  const engine = c.node.scripts;
  const fi = engine.functions.find(bin(argv[1]!));
  if (fi === undefined) return err('ERR Function not found');
  const numKeys = parseNumKeys(argv, 'ERR Bad number of keys provided');
  const run = engine.prepareRun({
    caller: c,
    mode: 'function',
    name: fi.name,
    fn: fi.fn,
    env: engine.functions.env,
    keys: argv.slice(3, 3 + numKeys),
    args: argv.slice(3 + numKeys),
    argv,
    flags: fi.flags,
    ro,
  });
  if (typeof run === 'string') return err(run);
  const outcome = executeScript(run);
  // undefined: the script suspended; its reply comes when it ends (server/busy-script.ts).
  return outcome === undefined ? undefined : finishScript(run, outcome);
}

function subcommandSyntaxError(argv: Bytes[]): never {
  fail(
    `ERR unknown subcommand or wrong number of arguments for '${bin(argv[1]!).slice(0, 128)}'. ` +
      `Try ${bin(argv[0]!).toUpperCase()} HELP.`,
  );
}

function functionLoad(c: Client, argv: Bytes[]): Reply {
  let replace = false;
  let i = 2;
  while (i < argv.length - 1) {
    const opt = argv[i++]!;
    if (lowerBin(opt) === 'replace') replace = true;
    else return err(`ERR Unknown option given: ${bin(opt)}`);
  }
  if (i >= argv.length) return err('ERR Function code is missing');
  const store = c.node.scripts.functions;
  const created = store.create(bin(argv[i]!), replace, store.current, LOAD_TIMEOUT_MS);
  if (typeof created !== 'string') return err(`ERR ${created.error}`);
  c.node.dirty++;
  return bulkBin(created);
}

function functionDelete(c: Client, argv: Bytes[]): Reply {
  const store = c.node.scripts.functions;
  const lib = store.current.libraries.get(bin(argv[2]!));
  if (lib === undefined) return err('ERR Library not found');
  store.current.unlink(lib);
  c.node.dirty++;
  return OK;
}

function functionFlush(c: Client, argv: Bytes[]): Reply {
  if (argv.length > 3) subcommandSyntaxError(argv);
  if (argv.length === 3) {
    const mode = lowerBin(argv[2]!);
    if (mode !== 'sync' && mode !== 'async') return err('ERR FUNCTION FLUSH only supports SYNC|ASYNC option');
  }
  c.node.scripts.functions.flush();
  c.node.dirty++;
  return OK;
}

function functionList(c: Client, argv: Bytes[]): Reply {
  let withCode = false;
  let pattern: string | undefined;
  for (let i = 2; i < argv.length; i++) {
    const a = lowerBin(argv[i]!);
    if (!withCode && a === 'withcode') {
      withCode = true;
      continue;
    }
    if (pattern === undefined && a === 'libraryname') {
      if (i >= argv.length - 1) return err('ERR library name argument was not given');
      pattern = bin(argv[++i]!);
      continue;
    }
    return err(`ERR Unknown argument ${bin(argv[i]!)}`);
  }
  const libs = [...c.node.scripts.functions.current.libraries.values()].filter(
    (lib) => pattern === undefined || globMatchBin(pattern, lib.name, true),
  );
  return arr(libs.map((lib) => libraryReply(lib, withCode)));
}

function libraryReply(lib: LibraryInfo, withCode: boolean): Reply {
  const fields: [Reply, Reply][] = [
    [bulkStr('library_name'), bulkBin(lib.name)],
    [bulkStr('engine'), bulkStr('LUA')],
    [bulkStr('functions'), arr([...lib.functions.values()].map(functionReply))],
  ];
  if (withCode) fields.push([bulkStr('library_code'), bulk(unbin(lib.code))]);
  return map(fields);
}

function functionReply(f: FunctionInfo): Reply {
  const flags = SCRIPT_FLAG_NAMES.filter(([bit]) => (f.flags & bit) !== 0).map(([, name]) => simple(name));
  return map([
    [bulkStr('name'), bulkBin(f.name)],
    [bulkStr('description'), f.description === undefined ? NIL : bulkBin(f.description)],
    [bulkStr('flags'), set(flags)],
  ]);
}

function functionStats(c: Client): Reply {
  const engine = c.node.scripts;
  const run = engine.current;
  if (run !== undefined && run.mode === 'eval') {
    return err('BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.');
  }
  const running =
    run === undefined
      ? NIL
      : map([
          [bulkStr('name'), bulkBin(run.name)],
          [bulkStr('command'), arr(run.argv.map((a) => bulk(a)))],
          [bulkStr('duration_ms'), int(Math.floor((c.node.clock.nowUs() - run.startUs) / 1000))],
        ]);
  const current = engine.functions.current;
  const lua = map([
    [bulkStr('libraries_count'), int(current.libraries.size)],
    [bulkStr('functions_count'), int(current.functionCount)],
  ]);
  return map([
    [bulkStr('running_script'), running],
    [bulkStr('engines'), map([[bulkStr('LUA'), lua]])],
  ]);
}

function functionRestore(c: Client, argv: Bytes[]): Reply {
  if (argv.length > 4) subcommandSyntaxError(argv);
  let policy: RestorePolicy = 'append';
  if (argv.length === 4) {
    const p = lowerBin(argv[3]!);
    if (p !== 'append' && p !== 'replace' && p !== 'flush') {
      return err('ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.');
    }
    policy = p;
  }
  const error = restoreFunctions(c.node.scripts.functions, argv[2]!, policy);
  if (error !== undefined) return err(error);
  c.node.dirty++;
  return OK;
}

function functionDump(c: Client): Reply {
  return bulk(dumpFunctions(c.node.scripts.functions, c.node.config.getBool('rdbcompression')));
}

function functionKill(c: Client): Reply {
  const text = c.node.scripts.kill(false);
  return text === 'OK' ? OK : err(text);
}

const FUNCTION_HELP = [
  'LOAD [REPLACE] <FUNCTION CODE>',
  '    Create a new library with the given library name and code.',
  'DELETE <LIBRARY NAME>',
  '    Delete the given library.',
  'LIST [LIBRARYNAME PATTERN] [WITHCODE]',
  '    Return general information on all the libraries:',
  '    * Library name',
  '    * The engine used to run the Library',
  '    * Library description',
  '    * Functions list',
  '    * Library code (if WITHCODE is given)',
  '    It also possible to get only function that matches a pattern using LIBRARYNAME argument.',
  'STATS',
  '    Return information about the current function running:',
  '    * Function name',
  '    * Command used to run the function',
  '    * Duration in MS that the function is running',
  '    If no function is running, return nil',
  '    In addition, returns a list of available engines.',
  'KILL',
  '    Kill the current running function.',
  'FLUSH [ASYNC|SYNC]',
  '    Delete all the libraries.',
  '    When called without the optional mode argument, the behavior is determined by the',
  '    lazyfree-lazy-user-flush configuration directive. Valid modes are:',
  '    * ASYNC: Asynchronously flush the libraries.',
  '    * SYNC: Synchronously flush the libraries.',
  'DUMP',
  '    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command',
  'RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]',
  '    Restore the libraries represented by the given payload, it is possible to give a restore policy to',
  '    control how to handle existing libraries (default APPEND):',
  '    * FLUSH: delete all existing libraries.',
  '    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.',
  '    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old',
  '      libraries with the new libraries (notice that even on this option there is a chance of failure',
  '      in case of functions name collision with another library).',
];

export const functionHandlers = {
  fcall: (c: Client, argv: Bytes[]) => fcallGeneric(c, argv, false),
  fcall_ro: (c: Client, argv: Bytes[]) => fcallGeneric(c, argv, true),
  'function|load': functionLoad,
  'function|delete': functionDelete,
  'function|flush': functionFlush,
  'function|list': functionList,
  'function|stats': functionStats,
  'function|dump': functionDump,
  'function|restore': functionRestore,
  'function|kill': functionKill,
  'function|help': (_c: Client, argv: Bytes[]) => helpReply(argv[0]!, FUNCTION_HELP),
};
