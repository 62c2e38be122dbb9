/*
 * The configuration parameters of redis.conf 7.0 that the node knows, with Redis's defaults.
 */
import type { ConfigParam } from './config.ts';

export const CONFIG_PARAMS: readonly ConfigParam[] = [
  { name: 'databases', kind: 'int', default: '16', min: 1, max: 2147483647, immutable: true },
  { name: 'hz', kind: 'int', default: '10', min: 0, max: 2147483647 },
  { name: 'proto-max-bulk-len', kind: 'memory', default: '536870912', min: 1048576 },
  { name: 'client-query-buffer-limit', kind: 'memory', default: '1073741824', min: 1048576 },
  { name: 'requirepass', kind: 'string', default: '' },
  { name: 'maxmemory', kind: 'memory', default: '0' },
  {
    name: 'maxmemory-policy',
    kind: 'enum',
    default: 'noeviction',
    values: [
      'volatile-lru',
      'volatile-lfu',
      'volatile-random',
      'volatile-ttl',
      'allkeys-lru',
      'allkeys-lfu',
      'allkeys-random',
      'noeviction',
    ],
  },
  {
    name: 'enable-debug-command',
    kind: 'enum',
    default: 'no',
    values: ['no', 'yes', 'local'],
    immutable: true,
  },
];
