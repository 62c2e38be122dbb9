/*
 * The stream consumer-group family: XGROUP and XINFO with their subcommands, XREADGROUP, XACK,
 * XPENDING, XCLAIM and XAUTOCLAIM. Registered next to the core streams family (commands/index.ts).
 * Table entries live in specs-groups.ts; handlers:
 *   xgroup.ts                 XGROUP CREATE SETID DESTROY CREATECONSUMER DELCONSUMER HELP
 *   readgroup.ts              XREADGROUP, BLOCK included (blocking.ts kind 'stream' with keyLost)
 *   pending.ts                XACK XPENDING
 *   claim.ts                  XCLAIM XAUTOCLAIM
 *   xinfo.ts, xinfo-stream.ts XINFO STREAM [FULL] / GROUPS / CONSUMERS / HELP
 * Shared: groups.ts (groups, consumers, PELs), groups-reply.ts. Around them: inspect.ts (plain-data
 * view for the PEL picture), rdb.ts / rdb-tail.ts (RDB form of a stream with its groups).
 */
import type { CommandFamily } from '../types.ts';
import { claimHandlers } from './claim.ts';
import { pendingHandlers } from './pending.ts';
import { readGroupHandlers } from './readgroup.ts';
import { streamGroupSpecs } from './specs-groups.ts';
import { xgroupHandlers } from './xgroup.ts';
import { xinfoHandlers } from './xinfo.ts';

export const streamGroupCommands: CommandFamily = {
  specs: streamGroupSpecs,
  handlers: {
    ...xgroupHandlers,
    ...xinfoHandlers,
    ...readGroupHandlers,
    ...pendingHandlers,
    ...claimHandlers,
  },
};
