/*
 * The sections of INFO in Redis 7.0.15's order with its exact field names (server.c genRedisInfoString).
 * Values we model come from the node: counters in Stats, the keyspace, config, the clock. Fields about
 * things a TypeScript engine has no equivalent for (fork, RSS, allocator internals, CPU time) keep the
 * values an idle real server shows (0, "ok", -1) so parsers and tutorials see the same shape.
 *
 * used_memory comes from the incremental accounting model of server/memory.ts.
 */
import type { ServerNode } from '../server/node.ts';
import { REDIS_VERSION } from './version.ts';
import { memoryOverhead, STARTUP_MEMORY, usedMemory } from '../server/memory.ts';
import { scriptingMemoryFields } from '../scripting/info.ts';

export type Fields = [string, string | number][];

/** Highest used_memory seen per node (used_memory_peak). */
const peaks = new WeakMap<ServerNode, number>();

export { usedMemory };

/** bytesToHuman: B below 1 KiB, else two decimals with K/M/G/T/P. */
export function bytesToHuman(n: number): string {
  if (n < 1024) return `${n}B`;
  const units = ['K', 'M', 'G', 'T', 'P'];
  let d = n / 1024;
  for (const u of units) {
    if (d < 1024 || u === 'P') return `${d.toFixed(2)}${u}`;
    d /= 1024;
  }
  return `${n}B`;
}

function nowS(node: ServerNode): number {
  return Math.floor(node.nowMs() / 1000);
}

export function serverSection(node: ServerNode): Fields {
  const uptime = nowS(node) - Math.floor(node.startMs / 1000);
  const configuredHz = node.config.getInt('hz');
  // The running hz is the configured one clamped to 1..500 (CONFIG_MIN_HZ / CONFIG_MAX_HZ).
  const hz = Math.min(500, Math.max(1, configuredHz));
  return [
    ['redis_version', REDIS_VERSION],
    ['redis_git_sha1', '00000000'],
    ['redis_git_dirty', 0],
    ['redis_build_id', 'ae4d7c971a948f0'],
    ['redis_mode', node.config.getBool('cluster-enabled') ? 'cluster' : 'standalone'],
    ['os', 'Playground TypeScript js'],
    ['arch_bits', 64],
    ['monotonic_clock', 'POSIX clock_gettime'],
    ['multiplexing_api', 'epoll'],
    ['atomicvar_api', 'c11-builtin'],
    ['gcc_version', '0.0.0'],
    ['process_id', 1],
    ['process_supervised', 'no'],
    ['run_id', node.runId],
    ['tcp_port', node.config.getInt('port')],
    ['server_time_usec', node.clock.nowUs()],
    ['uptime_in_seconds', uptime],
    ['uptime_in_days', Math.floor(uptime / 86400)],
    ['hz', hz],
    ['configured_hz', configuredHz],
    ['lru_clock', nowS(node) & 0xffffff],
    ['executable', '/usr/bin/redis-server'],
    ['config_file', ''],
    ['io_threads_active', 0],
  ];
}

export function clientsSection(node: ServerNode): Fields {
  let blocked = 0;
  for (const c of node.clients.values()) if (c.flags.has('blocked') || c.postponed.length > 0) blocked++;
  return [
    ['connected_clients', node.clients.size],
    ['cluster_connections', 0],
    ['maxclients', node.config.getInt('maxclients')],
    ['client_recent_max_input_buffer', node.clients.size > 0 ? 20480 : 0],
    ['client_recent_max_output_buffer', 0],
    ['blocked_clients', blocked],
    ['tracking_clients', node.tracking.clientCount],
    ['clients_in_timeout_table', 0],
  ];
}

export function memorySection(node: ServerNode): Fields {
  const used = usedMemory(node);
  const peak = Math.max(peaks.get(node) ?? 0, used);
  peaks.set(node, peak);
  const startup = STARTUP_MEMORY;
  const overhead = memoryOverhead(node);
  const dataset = Math.max(0, used - overhead);
  const maxmemory = Number(node.config.get('maxmemory'));
  const pct = (a: number, b: number): string => `${b ? ((100 * a) / b).toFixed(2) : '0.00'}%`;
  return [
    ['used_memory', used],
    ['used_memory_human', bytesToHuman(used)],
    ['used_memory_rss', used],
    ['used_memory_rss_human', bytesToHuman(used)],
    ['used_memory_peak', peak],
    ['used_memory_peak_human', bytesToHuman(peak)],
    ['used_memory_peak_perc', pct(used, peak)],
    ['used_memory_overhead', overhead],
    ['used_memory_startup', startup],
    ['used_memory_dataset', dataset],
    ['used_memory_dataset_perc', pct(dataset, used - startup || 1)],
    ['allocator_allocated', used],
    ['allocator_active', used],
    ['allocator_resident', used],
    ['total_system_memory', 0],
    ['total_system_memory_human', '0B'],
    ...scriptingMemoryFields(node, bytesToHuman),
    ['maxmemory', maxmemory],
    ['maxmemory_human', bytesToHuman(maxmemory)],
    ['maxmemory_policy', node.config.get('maxmemory-policy')],
    ['allocator_frag_ratio', '1.00'],
    ['allocator_frag_bytes', 0],
    ['allocator_rss_ratio', '1.00'],
    ['allocator_rss_bytes', 0],
    ['rss_overhead_ratio', '1.00'],
    ['rss_overhead_bytes', 0],
    ['mem_fragmentation_ratio', '1.00'],
    ['mem_fragmentation_bytes', 0],
    ['mem_not_counted_for_evict', 0],
    ['mem_replication_backlog', 0],
    ['mem_total_replication_buffers', 0],
    ['mem_clients_slaves', 0],
    ['mem_clients_normal', 0],
    ['mem_cluster_links', 0],
    ['mem_aof_buffer', 0],
    ['mem_allocator', 'libc'],
    ['active_defrag_running', 0],
    ['lazyfree_pending_objects', 0],
    ['lazyfreed_objects', 0],
  ];
}

export function persistenceSection(node: ServerNode): Fields {
  const zeros = (names: string[]): Fields => names.map((n) => [n, 0]);
  return [
    ...zeros(['loading', 'async_loading', 'current_cow_peak', 'current_cow_size', 'current_cow_size_age']),
    ['current_fork_perc', '0.00'],
    ...zeros(['current_save_keys_processed', 'current_save_keys_total']),
    ['rdb_changes_since_last_save', node.dirty],
    ['rdb_bgsave_in_progress', node.rdb.child === null ? 0 : 1],
    ['rdb_last_save_time', Math.floor(node.lastSaveMs / 1000)],
    ['rdb_last_bgsave_status', node.rdb.lastBgsaveOk ? 'ok' : 'err'],
    ['rdb_last_bgsave_time_sec', node.rdb.lastBgsaveSeconds],
    ['rdb_current_bgsave_time_sec', node.rdb.currentBgsaveSeconds()],
    ['rdb_saves', node.rdb.saves],
    ['rdb_last_cow_size', 0],
    ['rdb_last_load_keys_expired', node.rdb.lastLoadKeysExpired],
    ['rdb_last_load_keys_loaded', node.rdb.lastLoadKeysLoaded],
    ...node.aof.infoFields(),
  ];
}
