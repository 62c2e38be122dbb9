/*
 * Server-state checks of Redis's processCommand that refuse a command before it runs or is queued:
 *
 *   - OOM: with maxmemory set and the estimated used memory above it, commands flagged denyoom are
 *     refused, and so is anything a client tries to queue inside MULTI (queueing itself uses memory;
 *     EXEC, DISCARD, QUIT and RESET pass). EXEC is refused when a queued command is denyoom, which
 *     aborts the transaction (EXECABORT ... OOM ...). Every command first runs performEvictions
 *     (evict.ts), which frees memory by maxmemory-policy; the refusal comes only when that fails.
 *   - NOREPLICAS: min-replicas-to-write > 0 (with min-replicas-max-lag > 0) and no replica is
 *     connected (a node has none yet), so write commands are refused; for EXEC, when one of the
 *     queued commands writes.
 *
 * EXEC is judged by the union of its queued commands' flags (Redis's mstate.cmd_flags).
 */
import type { Command } from '../commands/registry.ts';
import type { CommandFlag } from '../commands/types.ts';
import type { Client } from './client.ts';
import type { ServerNode } from './node.ts';
import { performEvictions } from './evict.ts';

export const OOM_ERROR = "OOM command not allowed when used memory > 'maxmemory'.";
export const NOREPLICAS_ERROR = 'NOREPLICAS Not enough good replicas to write.';

/** Commands that still run under OOM inside MULTI. */
const OOM_MULTI_PASSTHROUGH = new Set(['exec', 'discard', 'quit', 'reset']);

/** The error refusing `cmd` in the node's current state, or null when it may proceed. */
export function admissionError(node: ServerNode, c: Client, cmd: Command): string | null {
  const isExec = cmd.fullName === 'exec' && c.multi !== null;
  const has = (flag: CommandFlag): boolean =>
    cmd.spec.flags.includes(flag) || (isExec && c.multi!.some((q) => q.cmd.spec.flags.includes(flag)));
  if (outOfMemory(node)) {
    const queueing = c.multi !== null && !OOM_MULTI_PASSTHROUGH.has(cmd.parent?.fullName ?? cmd.fullName);
    if (has('denyoom') || queueing) return OOM_ERROR;
  }
  if (has('write') && !goodReplicas(node)) return NOREPLICAS_ERROR;
  return null;
}

/**
 * The config values these checks read on every command, derived once per node and kept in step by
 * config listeners (CONFIG SET and setRaw run them), so the hot path does not parse config strings.
 */
interface AdmissionSettings {
  maxmemory: number;
  minReplicasToWrite: number;
  minReplicasMaxLag: number;
}

const settingsByNode = new WeakMap<ServerNode, AdmissionSettings>();

function settingsOf(node: ServerNode): AdmissionSettings {
  let s = settingsByNode.get(node);
  if (s) return s;
  const fresh: AdmissionSettings = { maxmemory: 0, minReplicasToWrite: 0, minReplicasMaxLag: 0 };
  const refresh = (): void => {
    fresh.maxmemory = node.config.getInt('maxmemory');
    fresh.minReplicasToWrite = node.config.getInt('min-replicas-to-write');
    fresh.minReplicasMaxLag = node.config.getInt('min-replicas-max-lag');
  };
  for (const name of ['maxmemory', 'min-replicas-to-write', 'min-replicas-max-lag'])
    node.config.onChange(name, refresh);
  refresh();
  settingsByNode.set(node, fresh);
  s = fresh;
  return s;
}

/** processCommand's maxmemory step: evict first, out of memory only when that did not suffice. */
function outOfMemory(node: ServerNode): boolean {
  if (settingsOf(node).maxmemory === 0) return false;
  return performEvictions(node) === 'fail';
}

/** checkGoodReplicasStatus: a primary with min-replicas-to-write configured and no replicas fails. */
function goodReplicas(node: ServerNode): boolean {
  const s = settingsOf(node);
  return s.minReplicasToWrite === 0 || s.minReplicasMaxLag === 0;
}
