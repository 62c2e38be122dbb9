/*
 * CONFIG GET / SET / RESETSTAT / REWRITE / HELP (Redis's config.c commands). The parameter table and
 * the all-or-nothing SET semantics live in server/config.ts; this file parses arguments and answers.
 * CONFIG GET answers a map (name -> value) whose order, like Redis's dict order, is unspecified.
 */
import { bin, type Bytes } from '../bytes.ts';
import { bulkBin, map, OK, type Reply } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { configValueForDisplay } from '../server/config-special.ts';
import { protectedActionAllowed } from '../server/dispatch.ts';
import { E, fail } from '../server/errors.ts';
import type { ServerNode } from '../server/node.ts';
import { helpReply } from './client.ts';
import { instantMetrics } from '../server/stats-instant.ts';
import { configSpecs } from './config-specs.ts';
import type { CommandFamily } from './types.ts';

const HELP = [
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
];

function configGet(c: Client, argv: Bytes[]): Reply {
  const found = c.node.config.match(argv.slice(2).map(bin));
  const entries: [Reply, Reply][] = [];
  for (const [name, p] of found) {
    entries.push([bulkBin(name), bulkBin(configValueForDisplay(p.name, c.node.config.get(p.name)))]);
  }
  return map(entries);
}

function configSet(c: Client, argv: Bytes[]): Reply {
  if (argv.length % 2 !== 0) fail(E.syntax);
  const pairs: [string, string][] = [];
  for (let i = 2; i < argv.length; i += 2) pairs.push([bin(argv[i]!), bin(argv[i + 1]!)]);
  const allowProtected = protectedActionAllowed(c.node.config.get('enable-protected-configs'), c);
  const error = c.node.config.setMany(pairs, allowProtected);
  if (error !== null) fail(error);
  return OK;
}

/** resetServerStats + command and error tables: what CONFIG RESETSTAT zeroes. */
export function resetStats(node: ServerNode): void {
  node.stats.reset();
  node.rdb.saves = 0;
  node.commandLatencies.reset();
  instantMetrics(node).reset();
  for (const cmd of node.commands.all()) {
    cmd.stats.calls = 0;
    cmd.stats.usec = 0;
    cmd.stats.rejectedCalls = 0;
    cmd.stats.failedCalls = 0;
  }
}

export const configCommands: CommandFamily = {
  specs: configSpecs,
  handlers: {
    'config|get': configGet,
    'config|set': configSet,
    'config|resetstat'(c) {
      resetStats(c.node);
      return OK;
    },
    'config|rewrite'() {
      fail('ERR The server is running without a config file');
    },
    'config|help': (_c, argv) => helpReply(argv[0]!, HELP),
  },
};
