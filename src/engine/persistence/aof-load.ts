/*
 * Loading the AOF (Redis 7.0's loadAppendOnlyFiles / loadSingleAppendOnlyFile): the base file (an
 * RDB when it starts with "REDIS", else commands), then every incr file in manifest order, each
 * command run by its handler on a private client (no propagation, no reply), MULTI ... EXEC as one
 * unit.
 *
 * The reader follows Redis's fgets-based parser byte for byte: '#' lines are annotations, a line must
 * start with '*', each argument is `$len` CRLF, len bytes, and two more bytes; a line is at most 1023
 * bytes. Running out of bytes anywhere is an unexpected EOF; anything else malformed is a format
 * error. With aof-load-truncated yes, an unexpected EOF in the last file keeps what was read up to
 * the last complete command (or up to before an unfinished MULTI) and cuts the file there.
 */
import { type Bytes, bin, EMPTY } from '../bytes.ts';
import { Client } from '../server/client.ts';
import type { ServerNode } from '../server/node.ts';
import { RdbFormatError } from './rdb-io.ts';
import { readRdbFile } from './rdb-file.ts';
import { loadContextOf, loadIntoNode } from './snapshot.ts';

export type LoadStatus = 'ok' | 'not_exist' | 'empty' | 'open_err' | 'failed' | 'truncated';

export interface LoadIo {
  log(level: 'notice' | 'warning', line: string): void;
  /** Cuts `name` to its first `length` bytes (aof-load-truncated). False when that failed. */
  truncate(name: string, length: number): boolean;
}

class UnexpectedEof extends Error {}
class FormatError extends Error {}

/** A cursor over one file with fgets-like line reads. */
class Reader {
  pos = 0;
  constructor(readonly data: Bytes) {}
  get atEnd(): boolean {
    return this.pos >= this.data.length;
  }
  /** fgets(buf, 1024): up to and including '\n', at most 1023 bytes; EOF with nothing read is null. */
  line(): string | null {
    if (this.pos >= this.data.length) return null;
    const start = this.pos;
    const limit = Math.min(this.data.length, start + 1023);
    let end = start;
    while (end < limit && this.data[end] !== 0x0a) end++;
    if (end < limit) end++;
    this.pos = end;
    return bin(this.data.subarray(start, end));
  }
  bytes(n: number): Bytes | null {
    if (this.pos + n > this.data.length) return null;
    const out = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/** strtol/atoi on the digits after the type byte. */
function leadingInt(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

/** One command: null at a clean end of file. Throws UnexpectedEof / FormatError. */
function readCommand(r: Reader): Bytes[] | null {
  for (;;) {
    const head = r.line();
    if (head === null) return null;
    if (head[0] === '#') continue;
    if (head[0] !== '*') throw new FormatError();
    if (head.length === 1) throw new UnexpectedEof();
    const argc = leadingInt(head.slice(1));
    if (argc < 1) throw new FormatError();
    const argv: Bytes[] = [];
    for (let j = 0; j < argc; j++) {
      const len = r.line();
      if (len === null) throw new UnexpectedEof();
      if (len[0] !== '$') throw new FormatError();
      const n = leadingInt(len.slice(1));
      const arg = n > 0 ? r.bytes(n) : EMPTY;
      if (arg === null) throw new UnexpectedEof();
      if (r.bytes(2) === null) throw new UnexpectedEof();
      argv.push(arg.slice());
    }
    return argv;
  }
}

/** A client that runs loaded commands: never registered, its replies dropped. */
export function loadingClient(node: ServerNode): Client {
  const c = new Client(-1, node, { write: () => undefined, close: () => undefined }, { addr: '', laddr: '' });
  c.authenticated = true;
  // Redis's CLIENT_ID_AOF: commands obey what was written (mustObeyClient), e.g. XADD's LIMIT.
  c.flags.add('must-obey');
  return c;
}

function runLoaded(node: ServerNode, c: Client, argv: Bytes[], name: string): void {
  const cmd = node.commands.lookup(argv);
  if (cmd === undefined || cmd.handler === undefined) {
    throw new Error(`Unknown command '${bin(argv[0]!)}' reading the append only file ${name}`);
  }
  const base = cmd.parent ? cmd.parent.fullName : cmd.fullName;
  if (c.multi !== null && base !== 'exec') {
    c.multi.push({ cmd, argv });
    return;
  }
  if (base === 'exec' && c.multi !== null) {
    const queued = c.multi;
    c.multi = null;
    for (const q of queued) runHandler(c, q.cmd.handler!, q.argv);
    return;
  }
  runHandler(c, cmd.handler, argv);
}

function runHandler(c: Client, handler: (c: Client, argv: Bytes[]) => unknown, argv: Bytes[]): void {
  try {
    handler(c, argv);
  } catch {
    // An error reply while loading changes nothing (Redis's fake client discards it too).
  }
}

/** loadSingleAppendOnlyFile over the bytes of `name` (undefined: the file is missing). */
export function loadSingleFile(
  node: ServerNode,
  name: string,
  data: Bytes | undefined,
  io: LoadIo,
  isBase: boolean,
): LoadStatus {
  if (data === undefined) {
    io.log('warning', `The append log file ${name} doesn't exist: No such file or directory`);
    return 'not_exist';
  }
  if (data.length === 0) return 'empty';
  if (bin(data.subarray(0, 5)) === 'REDIS') return loadRdbBase(node, name, data, io, isBase);
  const c = loadingClient(node);
  const r = new Reader(data);
  const truncatedOk = node.config.getBool('aof-load-truncated');
  let validUpTo = 0;
  let validBeforeMulti = 0;
  try {
    for (;;) {
      const argv = readCommand(r);
      if (argv === null) break;
      if (bin(argv[0]!).toLowerCase() === 'multi') validBeforeMulti = validUpTo;
      runLoaded(node, c, argv, name);
      if (truncatedOk) validUpTo = r.pos;
    }
    if (c.multi === null) return 'ok';
    io.log('warning', `Revert incomplete MULTI/EXEC transaction in AOF file ${name}`);
    validUpTo = validBeforeMulti;
  } catch (e) {
    if (e instanceof FormatError) {
      io.log(
        'warning',
        `Bad file format reading the append only file ${name}: make a backup of your AOF file, then use ` +
          './redis-check-aof --fix <filename.manifest>',
      );
      return 'failed';
    }
    if (!(e instanceof UnexpectedEof)) {
      io.log('warning', (e as Error).message);
      return 'failed';
    }
  }
  return unexpectedEof(name, validUpTo, truncatedOk, io);
}

function unexpectedEof(name: string, validUpTo: number, truncatedOk: boolean, io: LoadIo): LoadStatus {
  if (truncatedOk) {
    io.log('warning', `!!! Warning: short read while loading the AOF file ${name}!!!`);
    io.log('warning', `!!! Truncating the AOF ${name} at offset ${validUpTo} !!!`);
    if (io.truncate(name, validUpTo)) {
      io.log('warning', `AOF ${name} loaded anyway because aof-load-truncated is enabled`);
      return 'truncated';
    }
    io.log('warning', `Error truncating the AOF file ${name}: Input/output error`);
  }
  io.log(
    'warning',
    `Unexpected end of file reading the append only file ${name}. You can: 1) Make a backup of your AOF ` +
      'file, then use ./redis-check-aof --fix <filename.manifest>. 2) Alternatively you can set the ' +
      "'aof-load-truncated' configuration option to yes and restart the server.",
  );
  return 'failed';
}

/** The lines rdbLoad logs for the AUX fields it knows. */
function logAux(node: ServerNode, aux: [string, string][], io: LoadIo): void {
  for (const [k, v] of aux) {
    if (k === 'redis-ver') io.log('notice', `Loading RDB produced by version ${v}`);
    else if (k === 'ctime') {
      const age = Math.max(0, Math.floor(node.nowMs() / 1000) - Number(v));
      io.log('notice', `RDB age ${age} seconds`);
    } else if (k === 'used-mem') {
      io.log('notice', `RDB memory usage when created ${(Number(v) / 1024 / 1024).toFixed(2)} Mb`);
    } else if (k === 'aof-preamble' && Number(v) !== 0) io.log('notice', 'RDB has an AOF tail');
    else if (k === 'aof-base' && Number(v) !== 0) io.log('notice', 'RDB is base AOF');
  }
}

function loadRdbBase(node: ServerNode, name: string, data: Bytes, io: LoadIo, isBase: boolean): LoadStatus {
  io.log(
    'notice',
    isBase ? 'Reading RDB base file on AOF loading...' : 'Reading RDB preamble from AOF file...',
  );
  try {
    const file = readRdbFile(data, loadContextOf(node));
    logAux(node, file.aux, io);
    const counts = loadIntoNode(node, file, false);
    io.log('notice', `Done loading RDB, keys loaded: ${counts.loaded}, keys expired: ${counts.expired}.`);
    return 'ok';
  } catch (e) {
    if (!(e instanceof RdbFormatError)) throw e;
    io.log('warning', `Internal error in RDB reading: ${e.message}`);
    io.log('warning', `Error reading the RDB base file ${name}, AOF loading aborted`);
    return 'failed';
  }
}
