/*
 * LATENCY LATEST / HISTORY / RESET / GRAPH / DOCTOR / HISTOGRAM / HELP (Redis's latencyCommand).
 *
 *   LATEST     per event: [name, time of the latest sample, its latency, all-time max]
 *   HISTORY e  [time, latency] pairs, oldest first (empty for an unknown event)
 *   RESET [e…] the number of events dropped (names compare case-insensitively)
 *   GRAPH e    a verbatim text chart; an unknown event is an error
 *   DOCTOR     a verbatim text report
 *   HISTOGRAM  a map command -> {calls, histogram_usec: map µs -> cumulative count}, for the named
 *              commands (a container also lists its subcommands; unknown names are skipped) or all
 * Event names are looked up as given (Redis's event table is case-sensitive except for RESET).
 */
import { bin, type Bytes, unbin } from '../../bytes.ts';
import type { Command } from '../registry.ts';
import { arr, bulkBin, bulkStr, int, map, type Reply, verbatim } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import type { LatencyHistogram } from '../../server/latency-histogram.ts';
import type { ServerNode } from '../../server/node.ts';
import { helpReply } from '../client.ts';
import { latencyDoctor } from './latency-doctor.ts';
import { latencyGraph } from './latency-graph.ts';

const HELP = [
  'DOCTOR',
  '    Return a human readable latency analysis report.',
  'GRAPH <event>',
  '    Return an ASCII latency graph for the <event> class.',
  'HISTORY <event>',
  '    Return time-latency samples for the <event> class.',
  'LATEST',
  '    Return the latest latency samples for all events.',
  'RESET [<event> ...]',
  '    Reset latency data of one or more <event> classes.',
  '    (default: reset all data for all event classes)',
  'HISTOGRAM [COMMAND ...]',
  '    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.',
  '    If no commands are specified then all histograms are replied.',
];

function nowS(node: ServerNode): number {
  return Math.floor(node.nowMs() / 1000);
}

function latest(c: Client): Reply {
  const out: Reply[] = [];
  for (const [event, ts] of c.node.latency.events) {
    const s = ts.latest();
    out.push(arr([bulkBin(event), int(s.timeS), int(s.latencyMs), int(ts.max)]));
  }
  return arr(out);
}

function history(c: Client, argv: Bytes[]): Reply {
  const ts = c.node.latency.events.get(bin(argv[2]!));
  if (ts === undefined) return arr([]);
  return arr(ts.history().map((s) => arr([int(s.timeS), int(s.latencyMs)])));
}

function graph(c: Client, argv: Bytes[]): Reply {
  const event = bin(argv[2]!);
  const ts = c.node.latency.events.get(event);
  if (ts === undefined) fail(`ERR No samples available for event '${event}'`);
  return verbatim('txt', unbin(latencyGraph(event, ts, nowS(c.node))));
}

function reset(c: Client, argv: Bytes[]): Reply {
  if (argv.length === 2) return int(c.node.latency.reset());
  let n = 0;
  for (const e of argv.slice(2)) n += c.node.latency.reset(bin(e));
  return int(n);
}

/** fillCommandCDF: {calls, histogram_usec} of one command. */
function commandCdf(h: LatencyHistogram): Reply {
  const points = h.cdf().map(([us, n]) => [int(us), int(n)] as const);
  return map([
    [bulkStr('calls'), int(h.totalCount)],
    [bulkStr('histogram_usec'), map(points)],
  ]);
}

function histogramEntries(node: ServerNode, cmds: Iterable<Command>): [Reply, Reply][] {
  const out: [Reply, Reply][] = [];
  for (const cmd of cmds) {
    const h = node.commandLatencies.of(cmd);
    if (h !== undefined) out.push([bulkStr(cmd.fullName), commandCdf(h)]);
  }
  return out;
}

function histogram(c: Client, argv: Bytes[]): Reply {
  const node = c.node;
  if (argv.length === 2) return map(histogramEntries(node, node.commands.all()));
  const out: [Reply, Reply][] = [];
  for (const name of argv.slice(2)) {
    if (bin(name).split('|').length > 2) continue;
    const cmd = node.commands.lookupByName(bin(name));
    if (cmd === undefined) continue;
    out.push(...histogramEntries(node, [cmd, ...(cmd.subcommands?.values() ?? [])]));
  }
  return map(out);
}

export const latencyHandlers = {
  'latency|latest': latest,
  'latency|history': history,
  'latency|graph': graph,
  'latency|doctor': (c: Client): Reply => verbatim('txt', unbin(latencyDoctor(c.node))),
  'latency|reset': reset,
  'latency|histogram': histogram,
  'latency|help': (_c: Client, argv: Bytes[]): Reply => helpReply(argv[0]!, HELP),
};
