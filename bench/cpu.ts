/*
 * CPU time used by a process and its descendants, read from Linux's /proc (utime + stime of each
 * process, in clock ticks of 10 ms). With other work sharing the cores, wall-clock throughput is
 * noisy; server CPU time per request is a steadier figure for comparing two servers. Elsewhere the
 * functions answer NaN.
 */
import { readFileSync, readdirSync } from 'node:fs';

const TICK_MS = 10;

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // the process is gone or /proc is not available
  }
  return out;
}

function ownCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

/** CPU milliseconds used so far by `pid` and all its descendants. */
export function processTreeCpuMs(pid: number): number {
  let total = 0;
  const queue = [pid];
  for (let i = 0; i < queue.length && i < 1000; i++) {
    total += ownCpuMs(queue[i]!);
    queue.push(...childrenOf(queue[i]!));
  }
  return total;
}

/** The pid of the process whose command line contains every one of `parts` (first match), if any. */
export function findPid(parts: readonly string[]): number | undefined {
  try {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let cmd: string;
      try {
        cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        continue;
      }
      if (parts.every((p) => cmd.includes(p))) return Number(name);
    }
  } catch {
    // no /proc
  }
  return undefined;
}
