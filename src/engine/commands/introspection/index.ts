/*
 * The introspection family: SLOWLOG and LATENCY. (INFO's commandstats, errorstats and latencystats
 * sections live with INFO; the figures come from server/slowlog.ts and server/latency-*.ts.)
 */
import type { CommandFamily } from '../types.ts';
import { latencyHandlers } from './latency.ts';
import { slowlogHandlers } from './slowlog.ts';
import { latencySpecs, slowlogSpecs } from './specs.ts';

export const introspectionCommands: CommandFamily = {
  specs: [...slowlogSpecs, ...latencySpecs],
  handlers: { ...slowlogHandlers, ...latencyHandlers },
};
