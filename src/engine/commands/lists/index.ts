/*
 * The list family (Redis's t_list.c): every list command of Redis 7.0. Table entries live in the
 * specs-*.ts files; handlers are grouped by what they do:
 *   pushpop.ts   LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP LMPOP LMOVE RPOPLPUSH
 *   access.ts    LLEN LINDEX LRANGE LSET LINSERT LREM LTRIM LPOS
 *   blocking.ts  BLPOP BRPOP BLMPOP BLMOVE BRPOPLPUSH (on top of server/blocking.ts)
 * value.ts holds the list value, its encoding and the bookkeeping every command shares.
 */
import type { CommandFamily } from '../types.ts';
import { accessHandlers } from './access.ts';
import { blockingHandlers } from './blocking.ts';
import { pushPopHandlers } from './pushpop.ts';
import { accessSpecs } from './specs-access.ts';
import { blockingListSpecs } from './specs-blocking.ts';
import { pushPopSpecs } from './specs-pushpop.ts';

export const listCommands: CommandFamily = {
  specs: [...pushPopSpecs, ...accessSpecs, ...blockingListSpecs],
  handlers: { ...pushPopHandlers, ...accessHandlers, ...blockingHandlers },
};
