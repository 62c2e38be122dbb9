/*
 * The sorted-set family (Redis's t_zset.c): every sorted-set command of Redis 7.0.
 *   zset.ts      the value: listpack or skiplist+dict encodings, conversions
 *   score.ts     strtod-exact score and score-range parsing;  lex.ts  lex ranges
 *   locate.ts    range searches shared by counts, ranges and removals
 *   add.ts       ZADD ZINCRBY                 remove.ts  ZREM ZREMRANGEBY*
 *   read.ts      ZCARD ZSCORE ZMSCORE ZRANK ZREVRANK ZCOUNT ZLEXCOUNT
 *   range.ts     ZRANGE ZRANGESTORE ZREVRANGE Z[REV]RANGEBYSCORE Z[REV]RANGEBYLEX
 *   setops.ts    ZUNION ZINTER ZDIFF (+STORE) ZINTERCARD (inputs: sources.ts)
 *   pop.ts       ZPOPMIN ZPOPMAX ZMPOP;   blocking.ts  BZPOPMIN BZPOPMAX BZMPOP
 *   random.ts    ZRANDMEMBER;             scan.ts      ZSCAN
 *   view.ts      plain-data pictures;     specs-*.ts   the command table entries
 */
import type { CommandFamily } from '../types.ts';
import { addHandlers } from './add.ts';
import { blockingHandlers } from './blocking.ts';
import { popHandlers } from './pop.ts';
import { randomHandlers } from './random.ts';
import { rangeHandlers } from './range.ts';
import { readHandlers } from './read.ts';
import { removeHandlers } from './remove.ts';
import { scanHandlers } from './scan.ts';
import { setOpHandlers } from './setops.ts';
import { zsetAlgebraSpecs } from './specs-algebra.ts';
import { zsetPopSpecs } from './specs-pop.ts';
import { zsetRangeSpecs } from './specs-range.ts';
import { zsetReadSpecs } from './specs-read.ts';
import { zsetWriteSpecs } from './specs-write.ts';

export const zsetCommands: CommandFamily = {
  specs: [...zsetWriteSpecs, ...zsetPopSpecs, ...zsetAlgebraSpecs, ...zsetRangeSpecs, ...zsetReadSpecs],
  handlers: {
    ...addHandlers,
    ...removeHandlers,
    ...readHandlers,
    ...rangeHandlers,
    ...setOpHandlers,
    ...popHandlers,
    ...blockingHandlers,
    ...randomHandlers,
    ...scanHandlers,
  },
};
