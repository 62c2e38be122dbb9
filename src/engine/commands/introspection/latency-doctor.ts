/*
 * LATENCY DOCTOR's report. Its structure follows Redis's createLatencyReport: one numbered line per
 * event with the same figures in the same format (spikes, average, mean deviation, period per spike,
 * worst ever), then advice chosen by which events occurred. The prose is ours: Redis's report is free
 * text meant for people, so we say the same things in our own words (and leave out advice about fork,
 * disks and huge pages, which have no meaning in the playground).
 */
import type { ServerNode } from '../../server/node.ts';

const DISABLED =
  'Latency monitoring is off on this server, so there is nothing to diagnose. Turn it on with ' +
  '"CONFIG SET latency-monitor-threshold <milliseconds>" and ask again later.\n';
const NOTHING_SEEN =
  'No latency spike has been recorded since the server started (or since LATENCY RESET).\n';
const NO_ADVICE =
  '\nLatency events were recorded, but none of them points at a simple fix. The figures above are a ' +
  'good start for a question to the Redis community.\n';

type Advice =
  'slowlogOff' | 'slowlogTuning' | 'slowlogInspect' | 'scheduler' | 'hz' | 'bigObjects' | 'eviction';

function adviceText(node: ServerNode, a: Advice): string {
  const suggestUs = node.latency.thresholdMs * 1000;
  switch (a) {
    case 'slowlogOff':
      return `- Slow commands were seen while the slow log is off; enable it with 'CONFIG SET slowlog-log-slower-than ${suggestUs}' to learn which ones.\n`;
    case 'slowlogTuning':
      return `- The slow log threshold is higher than the latency monitor's, so it misses some of these spikes: try 'CONFIG SET slowlog-log-slower-than ${suggestUs}'.\n`;
    case 'slowlogInspect':
      return '- SLOWLOG GET shows which commands took long; look for commands that work on many elements at once.\n';
    case 'scheduler':
      return '- Even commands flagged fast were slow: the host gave this server little CPU time (a busy machine or browser tab) rather than the commands being expensive.\n';
    case 'hz':
      return "- Key expiry ran in long steps; with 'CONFIG SET hz 100' it works in smaller, more frequent ones.\n";
    case 'bigObjects':
      return '- Deleting, expiring or evicting a very large key blocks the server while it is freed; splitting such keys into smaller ones avoids that.\n';
    case 'eviction':
      return "- Eviction had to free a lot of memory at once, as after lowering 'maxmemory' suddenly or writing a large value; change limits gradually.\n";
  }
}

/** The advice each event calls for (Redis's per-event switches, minus the ones about hardware). */
function adviceFor(node: ServerNode, event: string, out: Set<Advice>): void {
  const e = event.toLowerCase();
  if (e === 'command') {
    const slowerThan = node.config.getInt('slowlog-log-slower-than');
    if (slowerThan < 0) out.add('slowlogOff');
    else if (Math.trunc(slowerThan / 1000) > node.latency.thresholdMs) out.add('slowlogTuning');
    out.add('slowlogInspect');
    out.add('bigObjects');
  } else if (e === 'fast-command') out.add('scheduler');
  else if (e === 'expire-cycle') {
    out.add('hz');
    out.add('bigObjects');
  } else if (e === 'eviction-del') out.add('bigObjects');
  else if (e === 'eviction-cycle') out.add('eviction');
}

const ADVICE_ORDER: Advice[] = [
  'slowlogOff',
  'slowlogTuning',
  'slowlogInspect',
  'scheduler',
  'hz',
  'bigObjects',
  'eviction',
];

export function latencyDoctor(node: ServerNode): string {
  const monitor = node.latency;
  if (monitor.events.size === 0 && monitor.thresholdMs === 0) return DISABLED;
  let report = '';
  let n = 0;
  const advice = new Set<Advice>();
  for (const event of monitor.events.keys()) {
    const a = monitor.analyze(event);
    if (++n === 1) report += 'Here is what the latency monitor recorded, event by event:\n\n';
    const period = (a.periodS / a.samples).toFixed(2);
    report +=
      `${n}. ${event}: ${a.samples} latency spikes (average ${a.avg}ms, mean deviation ${a.mad}ms, ` +
      `period ${period} sec). Worst all time event ${a.allTimeHigh}ms.\n`;
    adviceFor(node, event, advice);
  }
  if (n === 0) return NOTHING_SEEN;
  if (advice.size === 0) return report + NO_ADVICE;
  report += '\nSome suggestions:\n\n';
  // As in Redis, the hz advice counts as advice but is only printed while hz is below 100.
  const highHz = node.config.getInt('hz') >= 100;
  for (const a of ADVICE_ORDER) if (advice.has(a) && !(a === 'hz' && highHz)) report += adviceText(node, a);
  return report;
}
