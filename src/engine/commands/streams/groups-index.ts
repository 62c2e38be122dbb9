/*
 * The stream consumer-group family: XGROUP and XINFO with their subcommands, XREADGROUP, XACK,
 * XPENDING, XCLAIM and XAUTOCLAIM. Registered next to the core streams family (commands/index.ts).
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
