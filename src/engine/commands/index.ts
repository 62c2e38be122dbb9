/*
 * Every command family of the node. The registry joins their specs and handlers into one table.
 */
import { commandCommands } from './command.ts';
import { clientCommands } from './client.ts';
import { configCommands } from './config.ts';
import { connectionCommands } from './connection.ts';
import { helloCommands } from './hello.ts';
import { keyCommands } from './keys.ts';
import { serverCommands } from './server.ts';
import { stringCommands } from './strings.ts';
import { transactionCommands } from './transactions.ts';
import { bitmapCommands } from './bitmaps/index.ts';
import { hllCommands } from './hll/index.ts';
import { geoCommands } from './geo/index.ts';
import { hashCommands } from './hashes/index.ts';
import { setCommands } from './sets/index.ts';
import { listCommands } from './lists/index.ts';
import { zsetCommands } from './zsets/index.ts';
import { dumpCommands } from './dump/index.ts';
import { sortCommands } from './sort/index.ts';
import { pubsubCommands } from './pubsub/index.ts';
import { streamCommands } from './streams/index.ts';
import { streamGroupCommands } from './streams/groups-index.ts';
import { monitorCommands } from './monitor.ts';
import { memoryCommands } from './memory.ts';
import { persistenceCommands } from './persistence.ts';
import { persistenceAofCommands } from './persistence-aof.ts';
import { introspectionCommands } from './introspection/index.ts';
import { migrateCommands } from './migrate.ts';
import { aclCommands } from './acl/index.ts';
import { scriptingCommands } from './scripting/index.ts';
import { clusterCommands } from './cluster.ts';
import type { CommandFamily } from './types.ts';

export const allFamilies: readonly CommandFamily[] = [
  connectionCommands,
  stringCommands,
  commandCommands,
  helloCommands,
  clientCommands,
  configCommands,
  serverCommands,
  transactionCommands,
  scriptingCommands,
  keyCommands,
  zsetCommands,
  hashCommands,
  setCommands,
  bitmapCommands,
  hllCommands,
  geoCommands,
  listCommands,
  dumpCommands,
  sortCommands,
  streamCommands,
  streamGroupCommands,
  pubsubCommands,
  monitorCommands,
  memoryCommands,
  clusterCommands,
  persistenceCommands,
  persistenceAofCommands,
  aclCommands,
  introspectionCommands,
  migrateCommands,
];
