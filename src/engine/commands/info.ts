/*
 * INFO [section ...] (Redis's infoCommand). Sections are chosen as genInfoSectionDict does: no argument
 * means the default set; "default" adds it; "all" means every section (commandstats and latencystats
 * too); "everything" is "all" plus module sections; other names select that section (case-insensitive;
 * "modules" also selects the module list). Sections come in Redis's fixed order, each headed "# Name",
 * fields "name:value", lines ending in CRLF, sections separated by an empty line. The reply is a bulk
 * string in RESP2 and a verbatim "txt" string in RESP3.
 */
import { type Bytes, lowerBin, unbin } from '../bytes.ts';
import { type Reply, verbatim } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import type { ServerNode } from '../server/node.ts';
import { instantMetrics } from '../server/stats-instant.ts';
import {
  clientsSection,
  type Fields,
  memorySection,
  persistenceSection,
  serverSection,
} from './info-sections.ts';

const DEFAULT_SECTIONS = [
  'server',
  'clients',
  'memory',
  'persistence',
  'stats',
  'replication',
  'cpu',
  'module_list',
  'errorstats',
  'cluster',
  'keyspace',
];

function statsSection(node: ServerNode): Fields {
  const s = node.stats;
  const instant = instantMetrics(node);
  instant.tick();
  const zeros = (names: string[]): Fields => names.map((n) => [n, 0]);
  return [
    ['total_connections_received', s.numConnections],
    ['total_commands_processed', s.numCommands],
    ['instantaneous_ops_per_sec', instant.ops.mean()],
    ['total_net_input_bytes', s.netInputBytes],
    ['total_net_output_bytes', s.netOutputBytes],
    ...zeros(['total_net_repl_input_bytes', 'total_net_repl_output_bytes']),
    ['instantaneous_input_kbps', (instant.netInput.mean() / 1024).toFixed(2)],
    ['instantaneous_output_kbps', (instant.netOutput.mean() / 1024).toFixed(2)],
    ['instantaneous_input_repl_kbps', '0.00'],
    ['instantaneous_output_repl_kbps', '0.00'],
    ['rejected_connections', s.rejectedConnections],
    ...zeros(['sync_full', 'sync_partial_ok', 'sync_partial_err']),
    ['expired_keys', s.expiredKeys],
    ['expired_stale_perc', (s.expiredStalePerc * 100).toFixed(2)],
    ['expired_time_cap_reached_count', s.expiredTimeCapReachedCount],
    ['expire_cycle_cpu_milliseconds', 0],
    ['evicted_keys', s.evictedKeys],
    ...zeros(['evicted_clients', 'total_eviction_exceeded_time', 'current_eviction_exceeded_time']),
    ['keyspace_hits', s.keyspaceHits],
    ['keyspace_misses', s.keyspaceMisses],
    ['pubsub_channels', node.pubsub.channels.size],
    ['pubsub_patterns', node.pubsub.patterns.size],
    ['pubsubshard_channels', node.pubsub.shardChannels.size],
    ['latest_fork_usec', 0],
    ...zeros(['total_forks', 'migrate_cached_sockets', 'slave_expires_tracked_keys', 'active_defrag_hits']),
    ...zeros(['active_defrag_misses', 'active_defrag_key_hits', 'active_defrag_key_misses']),
    ...zeros(['total_active_defrag_time', 'current_active_defrag_time']),
    ['tracking_total_keys', node.tracking.totalKeys],
    ['tracking_total_items', node.tracking.totalItems],
    ['tracking_total_prefixes', node.tracking.totalPrefixes],
    ['unexpected_error_replies', s.unexpectedErrorReplies],
    ['total_error_replies', s.totalErrorReplies],
    ['dump_payload_sanitizations', 0],
    ['total_reads_processed', s.totalReadsProcessed],
    ['total_writes_processed', s.totalWritesProcessed],
    ...zeros(['io_threaded_reads_processed', 'io_threaded_writes_processed']),
    ...zeros(['reply_buffer_shrinks', 'reply_buffer_expands']),
  ];
}

function replicationSection(node: ServerNode): Fields {
  return [
    ['role', 'master'],
    ['connected_slaves', 0],
    ['master_failover_state', 'no-failover'],
    ['master_replid', node.runId],
    ['master_replid2', '0'.repeat(40)],
    ['master_repl_offset', 0],
    ['second_repl_offset', -1],
    ['repl_backlog_active', 0],
    ['repl_backlog_size', Number(node.config.get('repl-backlog-size'))],
    ['repl_backlog_first_byte_offset', 0],
    ['repl_backlog_histlen', 0],
  ];
}

function cpuSection(node: ServerNode): Fields {
  const secs = ((node.nowMs() - node.startMs) / 1000) * 0.001;
  const f = secs.toFixed(6);
  return [
    ['used_cpu_sys', f],
    ['used_cpu_user', f],
    ['used_cpu_sys_children', '0.000000'],
    ['used_cpu_user_children', '0.000000'],
    ['used_cpu_sys_main_thread', f],
    ['used_cpu_user_main_thread', f],
  ];
}

/** getSafeInfoString: characters that would break INFO's "name:value" lines become '_'. */
function safeInfoName(s: string): string {
  return s.replace(/[#:\r\n]/g, '_');
}

function commandStatsSection(node: ServerNode): Fields {
  const out: Fields = [];
  for (const cmd of node.commands.all()) {
    const s = cmd.stats;
    if (s.calls === 0 && s.failedCalls === 0 && s.rejectedCalls === 0) continue;
    // Redis divides as C floats: (float)usec / calls, printed with %.2f.
    const per = s.calls ? Math.fround(Math.fround(s.usec) / Math.fround(s.calls)).toFixed(2) : '0.00';
    const value = `calls=${s.calls},usec=${s.usec},usec_per_call=${per},rejected_calls=${s.rejectedCalls},failed_calls=${s.failedCalls}`;
    out.push([`cmdstat_${safeInfoName(cmd.fullName)}`, value]);
  }
  return out;
}

/** One line per command with a latency histogram; none while latency-tracking is off. */
function latencyStatsSection(node: ServerNode): Fields {
  const tracking = node.commandLatencies;
  if (!tracking.enabled) return [];
  const out: Fields = [];
  for (const cmd of node.commands.all()) {
    const h = tracking.of(cmd);
    if (h !== undefined)
      out.push([`latency_percentiles_usec_${safeInfoName(cmd.fullName)}`, tracking.percentilesLine(h)]);
  }
  return out;
}

function errorStatsSection(node: ServerNode): Fields {
  const codes = [...node.stats.errorCodes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return codes.map(([code, n]) => [`errorstat_${safeInfoName(code)}`, `count=${n}`]);
}

function keyspaceSection(node: ServerNode): Fields {
  const out: Fields = [];
  for (const db of node.dbs) {
    if (db.dict.size || db.expires.size) {
      out.push([`db${db.id}`, `keys=${db.dict.size},expires=${db.expires.size},avg_ttl=${db.avgTtl}`]);
    }
  }
  return out;
}

const SECTIONS: [string, string, (node: ServerNode) => Fields][] = [
  ['server', 'Server', serverSection],
  ['clients', 'Clients', clientsSection],
  ['memory', 'Memory', memorySection],
  ['persistence', 'Persistence', persistenceSection],
  ['stats', 'Stats', statsSection],
  ['replication', 'Replication', replicationSection],
  ['cpu', 'CPU', cpuSection],
  ['module_list', 'Modules', () => []],
  ['commandstats', 'Commandstats', commandStatsSection],
  ['errorstats', 'Errorstats', errorStatsSection],
  ['latencystats', 'Latencystats', latencyStatsSection],
  ['cluster', 'Cluster', (n) => [['cluster_enabled', n.config.getBool('cluster-enabled') ? 1 : 0]]],
  ['keyspace', 'Keyspace', keyspaceSection],
];

/** The INFO text for the given section arguments (as typed by the client). */
export function infoText(node: ServerNode, args: readonly Bytes[]): string {
  const wanted = new Set<string>(args.length === 0 ? DEFAULT_SECTIONS : []);
  let all = false;
  for (const a of args) {
    const name = lowerBin(a);
    if (name === 'default') DEFAULT_SECTIONS.forEach((s) => wanted.add(s));
    else if (name === 'all' || name === 'everything') all = true;
    else wanted.add(name);
  }
  if (wanted.has('modules')) wanted.add('module_list');
  const parts: string[] = [];
  for (const [key, title, fields] of SECTIONS) {
    if (!all && !wanted.has(key)) continue;
    let s = `# ${title}\r\n`;
    for (const [k, v] of fields(node)) s += `${k}:${v}\r\n`;
    parts.push(s);
  }
  return parts.join('\r\n');
}

export function info(c: Client, argv: Bytes[]): Reply {
  return verbatim('txt', unbin(infoText(c.node, argv.slice(1))));
}
