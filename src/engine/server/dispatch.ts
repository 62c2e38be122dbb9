/*
 * The dispatcher: Redis's processCommand() and call(). Generic checks happen here once, in Redis's
 * order, with Redis's exact texts: command lookup (unknown command with an argument preview, unknown
 * subcommand), arity, authentication, MULTI queueing (a rejected command inside MULTI flags the
 * transaction so EXEC answers EXECABORT). Handlers then only parse their own options.
 *
 * call() runs a handler, counts it in INFO commandstats and errorstats, and turns a thrown ReplyError
 * into its error reply. Any other exception becomes an "ERR" reply too, so nothing a client sends can
 * take the node down; handlers validate their arguments before they change the keyspace so such a
 * failure leaves it as it was.
 */
import { bin, type Bytes, lowerBin } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import { err, QUEUED, type Reply } from '../resp/reply.ts';
import type { Client } from './client.ts';
import { E, ReplyError } from './errors.ts';
import type { ServerNode } from './node.ts';
import { subscribedContextError } from './pubsub-context.ts';
import { admissionError } from './admission.ts';
import { monitorTouchesKeyspace } from './monitor.ts';
import { discardTransaction } from './watch.ts';
import { statsAlreadyCounted } from '../scripting/stats-exempt.ts';
import { recordCallTiming } from './latency-call.ts';

/** Commands that run immediately even inside MULTI (Redis's processCommand exception list). */
const MULTI_PASSTHROUGH = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);

/** Newlines inside an error would break the protocol: Redis maps them to spaces. */
export function sanitizeError(s: string): string {
  return s.replace(/[\r\n]/g, ' ');
}

/** "%.128s" of a byte argument, as a binary string. */
function cut(b: Bytes, n: number): string {
  return bin(b.length > n ? b.subarray(0, n) : b);
}

export function unknownCommandError(node: ServerNode, argv: readonly Bytes[]): string {
  const base = node.commands.top.get(lowerBin(argv[0]!));
  if (base?.subcommands && argv.length >= 2) {
    return sanitizeError(
      `ERR unknown subcommand '${cut(argv[1]!, 128)}'. Try ${bin(argv[0]!).toUpperCase()} HELP.`,
    );
  }
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) args += `'${cut(argv[i]!, 128 - args.length)}' `;
  return sanitizeError(`ERR unknown command '${cut(argv[0]!, 128)}', with args beginning with: ${args}`);
}

export function arityOk(cmd: Command, argc: number): boolean {
  const a = cmd.spec.arity;
  return a > 0 ? argc === a : argc >= -a;
}

/** Entry point for one command from a client: checks, queueing or execution, and the reply. */
export function processCommand(node: ServerNode, c: Client, argv: Bytes[]): void {
  if (argv.length === 0) return;
  // A suspended script holds new commands until it ends or times out (busy-script.ts).
  if (node.busy.holds(c, argv)) return;
  c.lastInteractionMs = node.nowMs();
  c.requestArgv = argv;
  c.skipCurrent = c.skipNext;
  c.skipNext = false;
  const reply = processInner(node, c, argv);
  if (reply !== undefined) node.reply(c, reply);
  node.pubsub.flushAfterReply(c);
  c.skipCurrent = false;
  // QUIT and friends: the reply above is already in the sink, which closes after flushing it.
  if (c.closeAfterReply) node.kill(c);
}

function processInner(node: ServerNode, c: Client, argv: Bytes[]): Reply | undefined {
  const cmd = node.commands.lookup(argv);
  // CLIENT LIST's cmd= field: the last command received (NULL when unknown), not those EXEC runs.
  c.lastCommand = cmd?.fullName ?? 'NULL';
  if (cmd === undefined) return reject(node, c, undefined, unknownCommandError(node, argv));
  if (!arityOk(cmd, argv.length)) {
    return reject(node, c, cmd, `ERR wrong number of arguments for '${cmd.fullName}' command`, true);
  }
  if (cmd.fullName === 'debug' && !protectedActionAllowed(node.config.get('enable-debug-command'), c)) {
    return reject(node, c, cmd, DEBUG_NOT_ALLOWED);
  }
  if (node.acl.authRequired(c) && !cmd.spec.flags.includes('no_auth')) return reject(node, c, cmd, E.noAuth);
  if (c.multi !== null && cmd.spec.flags.includes('no_multi')) {
    return reject(node, c, cmd, 'ERR Command not allowed inside a transaction');
  }
  const aclDenied = node.acl.commandDenied(c, cmd, argv);
  if (aclDenied !== null) return reject(node, c, cmd, aclDenied, true);
  const refused = admissionError(node, c, cmd);
  if (refused !== null) return reject(node, c, cmd, refused);
  const subscribedError = subscribedContextError(c, cmd);
  if (subscribedError !== null) return reject(node, c, cmd, subscribedError, true);
  const busy = node.busy.busyError(cmd.spec.flags.includes('allow_busy'));
  if (busy !== null) return reject(node, c, cmd, busy);
  if (monitorTouchesKeyspace(c, cmd)) {
    return reject(node, c, cmd, "ERR Replica can't interact with the keyspace", true);
  }
  const name = cmd.parent ? cmd.parent.fullName : cmd.fullName;
  if (node.pause.mustWait(cmd, c)) {
    node.pause.hold(c, argv);
    return undefined;
  }
  if (c.multi !== null && !MULTI_PASSTHROUGH.has(name)) {
    c.multi.push({ cmd, argv });
    return QUEUED;
  }
  return call(node, c, cmd, argv);
}

const DEBUG_NOT_ALLOWED =
  'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it ' +
  'from a local connection, otherwise you need to set this option in the configuration file, and then ' +
  'restart the server.';

/** allowProtectedAction: "yes", or "local" for a client connected from the loopback address. */
export function protectedActionAllowed(setting: string, c: Client): boolean {
  if (setting === 'yes') return true;
  if (setting !== 'local') return false;
  const addr = c.address.addr;
  return addr.startsWith('127.0.0.1:') || addr.startsWith('[::1]:') || addr.startsWith('::1:');
}

/**
 * Redis's rejectCommand: counts the rejection, flags an open transaction, answers the error. A
 * rejected EXEC (even outside MULTI) ends the transaction and is shown to monitors (execCommandAbort);
 * its reason keeps the error code of Redis's shared error objects, but `formatted` reasons (Redis's
 * rejectCommandFormat, whose "ERR " only the generic error path adds) appear without it.
 */
function reject(
  node: ServerNode,
  c: Client,
  cmd: Command | undefined,
  text: string,
  formatted = false,
): Reply {
  if (c.multi !== null) c.multiDirty = true;
  if (cmd) cmd.stats.rejectedCalls++;
  if (cmd?.fullName === 'exec') {
    discardTransaction(c);
    text = `EXECABORT Transaction discarded because of: ${formatted ? text.replace(/^ERR /, '') : text}`;
    node.monitors.feed(c, cmd, c.requestArgv);
  }
  node.stats.countError(text);
  return err(text);
}

/** Runs a command's handler and keeps the statistics. Also used by EXEC for queued commands. */
export function call(node: ServerNode, c: Client, cmd: Command, argv: Bytes[]): Reply | undefined {
  const handler = cmd.handler!;
  const startUs = node.clock.nowUs();
  let reply: Reply | undefined;
  node.propagation.enter(c, cmd, argv);
  for (const o of node.observers) o.beforeCall(c, cmd, argv);
  try {
    reply = handler(c, argv);
  } catch (e) {
    reply = err(e instanceof ReplyError ? sanitizeError(e.reply) : `ERR ${errorMessage(e)}`);
  }
  const durationUs = Math.max(0, node.clock.nowUs() - startUs);
  cmd.stats.calls++;
  cmd.stats.usec += durationUs;
  node.stats.numCommands++;
  if (reply !== undefined && reply.t === 'error') {
    cmd.stats.failedCalls++;
    // A script's error that a redis.call already counted is not counted again (still a failed call).
    if (!statsAlreadyCounted(reply)) node.stats.countError(reply.s);
  }
  recordCallTiming(node, c, cmd, argv, durationUs);
  node.afterCommand(c, cmd, argv);
  for (const o of node.observers) o.afterCall(c, cmd, argv, reply);
  node.propagation.leave(c, cmd, argv, reply);
  return reply;
}

function errorMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return sanitizeError(m);
}
