/*
 * Which arguments of a command are Pub/Sub channels, and what the command does with them (Redis's
 * getChannelsFromCommand / commands_with_channels in db.c). ACL channel permissions (&pattern) check
 * these, like key permissions check the keys of keys-extract.ts.
 *
 * Redis keeps a small fixed table rather than specs: the subscribe family takes every argument from
 * the first on, PUBLISH / SPUBLISH only the first. A PUNSUBSCRIBE / PSUBSCRIBE argument is a pattern,
 * which ACL matches literally against the user's channel patterns instead of glob-matching.
 */
import type { Command } from './registry.ts';

export interface ChannelRef {
  pos: number;
  pattern: boolean;
  action: 'subscribe' | 'unsubscribe' | 'publish';
}

interface ChannelRule {
  pattern: boolean;
  action: ChannelRef['action'];
  start: number;
  /** How many channels, or -1 for every remaining argument. */
  count: number;
}

const RULES: Readonly<Record<string, ChannelRule>> = {
  subscribe: { pattern: false, action: 'subscribe', start: 1, count: -1 },
  ssubscribe: { pattern: false, action: 'subscribe', start: 1, count: -1 },
  unsubscribe: { pattern: false, action: 'unsubscribe', start: 1, count: -1 },
  sunsubscribe: { pattern: false, action: 'unsubscribe', start: 1, count: -1 },
  psubscribe: { pattern: true, action: 'subscribe', start: 1, count: -1 },
  punsubscribe: { pattern: true, action: 'unsubscribe', start: 1, count: -1 },
  publish: { pattern: false, action: 'publish', start: 1, count: 1 },
  spublish: { pattern: false, action: 'publish', start: 1, count: 1 },
};

/** Redis's doesCommandHaveChannelsWithFlags, for one action (or any when not given). */
export function commandHasChannels(cmd: Command, action?: ChannelRef['action']): boolean {
  const rule = RULES[cmd.fullName];
  return rule !== undefined && (action === undefined || rule.action === action);
}

/** The channel arguments of argv (argv[0] is the command name); [] for other commands. */
export function extractChannels(cmd: Command, argc: number): ChannelRef[] {
  const rule = RULES[cmd.fullName];
  if (!rule) return [];
  const stop = Math.min(argc, rule.count === -1 ? argc : rule.start + rule.count);
  const out: ChannelRef[] = [];
  for (let i = rule.start; i < stop; i++) out.push({ pos: i, pattern: rule.pattern, action: rule.action });
  return out;
}
