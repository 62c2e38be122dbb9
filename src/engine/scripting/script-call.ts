/*
 * redis.call / redis.pcall: running one command for a script (Redis 7.0's scriptCall in script.c).
 * The checks come in Redis's order and with its texts, then the command goes through the dispatcher's
 * call() on the script's own client, so command stats, keyspace events, WATCH invalidation, MONITOR
 * ("[db lua]") and memory accounting behave as for any client:
 *
 *   1. lookup + arity       "Unknown Redis command called from script" / "Wrong number of args ..."
 *   2. noscript flag        "This Redis command is not allowed from script" (MULTI, EXEC, SUBSCRIBE...)
 *   3. ACL                  the caller's user must be allowed the command, its keys and channels
 *                           ("The user executing the script ..."; logged in ACL LOG as "lua")
 *   4. writes               refused in read-only runs (EVAL_RO, FCALL_RO, no-writes; may-replicate
 *                           commands count as writes): "Write commands are not allowed from read-only
 *                           scripts."; once the script has written, later writes are never refused
 *      NOREPLICAS            a first write while min-replicas-to-write cannot be met
 *   5. OOM                  denyoom commands, when maxmemory was exceeded at script start and the script
 *                           has not written yet and did not declare allow-oom
 * A refused command counts as a rejected call of that command and as an error reply (errorstats).
 */
import type { Bytes } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import { type Reply, err } from '../resp/reply.ts';
import { NOREPLICAS_ERROR, OOM_ERROR } from '../server/admission.ts';
import { arityOk, call } from '../server/dispatch.ts';
import { aclCheckCommand } from '../acl/index.ts';
import type { ScriptRun } from './run.ts';

export function scriptCall(run: ScriptRun, argv: Bytes[]): Reply {
  const node = run.node;
  const c = run.client;
  const cmd = node.commands.lookup(argv);
  const refusal = refusalFor(run, cmd, argv);
  if (refusal !== undefined) {
    const text = refusal.startsWith('-') ? refusal.slice(1) : `ERR ${refusal}`;
    if (cmd) cmd.stats.rejectedCalls++;
    node.stats.countError(text);
    return err(text);
  }
  if (cmd!.spec.flags.includes('write')) run.writeDirty = true;
  c.requestArgv = argv;
  const captured: Reply[] = [];
  const sink = c.sink as ScriptSink;
  sink.capture = captured;
  try {
    const reply = call(node, c, cmd!, argv);
    return reply ?? captured[0] ?? { t: 'nil' };
  } finally {
    sink.capture = undefined;
  }
}

/** The checks of scriptCall in Redis's order: the refusal text (a leading "-" carries its own code). */
function refusalFor(run: ScriptRun, cmd: Command | undefined, argv: Bytes[]): string | undefined {
  if (cmd === undefined) return 'Unknown Redis command called from script';
  if (!arityOk(cmd, argv.length)) return 'Wrong number of args calling Redis command from script';
  const flags = cmd.spec.flags;
  if (flags.includes('noscript') && !run.node.scripts.disableDenyScripts)
    return 'This Redis command is not allowed from script';
  const aclDenied = aclCheckCommand(run.node, run.client, cmd, argv);
  if (aclDenied !== null) return aclDenied;
  const writes = flags.includes('write');
  if (run.readOnly && (writes || flags.includes('may_replicate'))) {
    return 'Write commands are not allowed from read-only scripts.';
  }
  if (writes && !run.writeDirty && noGoodReplicas(run)) return `-${NOREPLICAS_ERROR}`;
  const oom =
    !run.allowOom &&
    run.oomAtStart &&
    !run.writeDirty &&
    flags.includes('denyoom') &&
    run.node.config.getInt('maxmemory') > 0;
  return oom ? `-${OOM_ERROR}` : undefined;
}

/** The script client's sink: replies a handler writes itself are captured during scriptCall. */
export class ScriptSink {
  capture: Reply[] | undefined;
  write(r: Reply): void {
    this.capture?.push(r);
  }
  close(): void {}
}

/** checkGoodReplicasStatus: a primary with min-replicas-to-write set has no replicas here. */
function noGoodReplicas(run: ScriptRun): boolean {
  const config = run.node.config;
  return config.getInt('min-replicas-to-write') > 0 && config.getInt('min-replicas-max-lag') > 0;
}
