/*
 * redis.call / redis.pcall: running one command for a script (Redis 7.0's scriptCall in script.c).
 * The checks come in Redis's order and with its texts, then the command goes through the dispatcher's
 * call() on the script's own client, so command stats, keyspace events, WATCH invalidation, MONITOR
 * ("[db lua]") and memory accounting behave as for any client:
 *
 *   1. lookup + arity       "Unknown Redis command called from script" / "Wrong number of args ..."
 *   2. noscript flag        "This Redis command is not allowed from script" (MULTI, EXEC, SUBSCRIBE...)
 *   3. ACL                  (until ACL lands every user may run everything)
 *   4. writes               refused in read-only runs (EVAL_RO, FCALL_RO, no-writes; may-replicate
 *                           commands count as writes): "Write commands are not allowed from read-only
 *                           scripts."; once the script has written, later writes are never refused
 *   5. OOM                  denyoom commands, when maxmemory was exceeded at script start and the script
 *                           has not written yet and did not declare allow-oom
 * A refused command counts as a rejected call of that command and as an error reply (errorstats).
 */
import type { Bytes } from '../bytes.ts';
import { type Reply, err } from '../resp/reply.ts';
import { OOM_ERROR } from '../server/admission.ts';
import { arityOk, call } from '../server/dispatch.ts';
import type { ScriptRun } from './run.ts';

export function scriptCall(run: ScriptRun, argv: Bytes[]): Reply {
  const node = run.node;
  const c = run.client;
  const cmd = node.commands.lookup(argv);
  let refusal: string | undefined;
  if (cmd === undefined) refusal = 'Unknown Redis command called from script';
  else if (!arityOk(cmd, argv.length)) refusal = 'Wrong number of args calling Redis command from script';
  else {
    const flags = cmd.spec.flags;
    const writes = flags.includes('write');
    if (flags.includes('noscript')) refusal = 'This Redis command is not allowed from script';
    else if (run.readOnly && (writes || flags.includes('may_replicate'))) {
      refusal = 'Write commands are not allowed from read-only scripts.';
    } else if (
      !run.allowOom &&
      run.oomAtStart &&
      !run.writeDirty &&
      flags.includes('denyoom') &&
      node.config.getInt('maxmemory') > 0
    ) {
      refusal = `-${OOM_ERROR}`;
    }
    if (refusal === undefined && writes) run.writeDirty = true;
  }
  if (refusal !== undefined) {
    const text = refusal.startsWith('-') ? refusal.slice(1) : `ERR ${refusal}`;
    if (cmd) cmd.stats.rejectedCalls++;
    node.stats.countError(text);
    return err(text);
  }
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

/** The script client's sink: replies a handler writes itself are captured during scriptCall. */
export class ScriptSink {
  capture: Reply[] | undefined;
  write(r: Reply): void {
    this.capture?.push(r);
  }
  close(): void {}
}
