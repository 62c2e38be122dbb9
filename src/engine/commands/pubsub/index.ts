/*
 * The Pub/Sub commands (Redis's pubsub.c command layer) over the node's registry (server/pubsub.ts).
 *
 * (Un)subscribe commands answer one confirmation per argument (or one with a nil name when a no-argument
 * form finds nothing to leave). Those confirmations are pushes: they reach the client even under
 * CLIENT REPLY OFF/SKIP, as Redis's CLIENT_PUSHING does, so the handlers write them themselves. Inside
 * EXEC the first one becomes the command's slot in EXEC's array and the others follow that array. Redis
 * writes them all in place, so its array announces fewer replies than it holds: the same bytes as ours
 * when the command is the last queued one; with commands queued behind it, Redis's stream has their
 * replies shifted, which we do not reproduce.
 *
 * SUBSCRIBE and PSUBSCRIBE refuse a deny-blocking client (scripts) but not a transaction; SSUBSCRIBE
 * refuses both, as in 7.0.15.
 */
import { bin, type Bytes } from '../../bytes.ts';
import { arr, bulk, bulkBin, int, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import type { ChannelKind } from '../../server/pubsub.ts';
import { globMatchBin } from '../../util/glob.ts';
import { helpReply } from '../client.ts';
import type { CommandFamily } from '../types.ts';
import { pubsubSpecs } from './specs.ts';

function deliver(c: Client, replies: Reply[]): Reply | undefined {
  if (c.multi !== null) {
    c.node.pubsub.deferUntilReplied(c, replies.slice(1));
    return replies[0];
  }
  for (const r of replies) c.node.pubsub.pushTo(c, r);
  return undefined;
}

/**
 * CLIENT_DENY_BLOCKING holds for scripts and inside EXEC. SUBSCRIBE / PSUBSCRIBE exempt a transaction
 * (any deny-blocking client in MULTI, for backward compatibility); SSUBSCRIBE exempts nothing.
 */
function refuseDenyBlocking(c: Client, name: string, exemptMulti: boolean): void {
  const inMulti = c.multi !== null;
  const denyBlocking = inMulti || c.flags.has('deny_blocking');
  if (denyBlocking && !(exemptMulti && inMulti)) fail(`ERR ${name} isn't allowed for a DENY BLOCKING client`);
}

function subscribe(kind: ChannelKind) {
  return (c: Client, argv: Bytes[]): Reply | undefined => {
    refuseDenyBlocking(c, kind === 'shard' ? 'SSUBSCRIBE' : 'SUBSCRIBE', kind === 'plain');
    const ps = c.node.pubsub;
    return deliver(
      c,
      argv.slice(1).map((ch) => ps.subscribe(c, bin(ch), kind)),
    );
  };
}

function unsubscribe(kind: ChannelKind) {
  return (c: Client, argv: Bytes[]): Reply | undefined => {
    const ps = c.node.pubsub;
    if (argv.length === 1) return deliver(c, ps.unsubscribeAll(c, kind));
    return deliver(
      c,
      argv.slice(1).map((ch) => ps.unsubscribe(c, bin(ch), kind)),
    );
  };
}

const HELP = [
  'CHANNELS [<pattern>]',
  "    Return the currently active channels matching a <pattern> (default: '*').",
  'NUMPAT',
  '    Return number of subscriptions to patterns.',
  'NUMSUB [<channel> ...]',
  '    Return the number of subscribers for the specified channels, excluding',
  '    pattern subscriptions(default: no channels).',
  'SHARDCHANNELS [<pattern>]',
  "    Return the currently active shard level channels matching a <pattern> (default: '*').",
  'SHARDNUMSUB [<shardchannel> ...]',
  '    Return the number of subscribers for the specified shard level channel(s)',
];

/** PUBSUB CHANNELS / SHARDCHANNELS: at most one pattern, else Redis's subcommand syntax error. */
function channelList(channels: Map<string, Set<Client>>, argv: Bytes[]): Reply {
  if (argv.length > 3) {
    fail(
      `ERR unknown subcommand or wrong number of arguments for '${bin(argv[1]!).slice(0, 128)}'. ` +
        'Try PUBSUB HELP.',
    );
  }
  const pat = argv.length === 3 ? bin(argv[2]!) : null;
  const out: Reply[] = [];
  for (const name of channels.keys()) if (pat === null || globMatchBin(pat, name)) out.push(bulkBin(name));
  return arr(out);
}

/** PUBSUB NUMSUB / SHARDNUMSUB: a flat array of name, count pairs (an array in RESP3 too). */
function subscriberCounts(channels: Map<string, Set<Client>>, argv: Bytes[]): Reply {
  const out: Reply[] = [];
  for (const name of argv.slice(2)) out.push(bulk(name), int(channels.get(bin(name))?.size ?? 0));
  return arr(out);
}

export const pubsubCommands: CommandFamily = {
  specs: pubsubSpecs,
  handlers: {
    subscribe: subscribe('plain'),
    unsubscribe: unsubscribe('plain'),
    ssubscribe: subscribe('shard'),
    sunsubscribe: unsubscribe('shard'),
    psubscribe(c, argv) {
      refuseDenyBlocking(c, 'PSUBSCRIBE', true);
      return deliver(
        c,
        argv.slice(1).map((p) => c.node.pubsub.psubscribe(c, bin(p))),
      );
    },
    punsubscribe(c, argv) {
      const ps = c.node.pubsub;
      if (argv.length === 1) return deliver(c, ps.punsubscribeAll(c));
      return deliver(
        c,
        argv.slice(1).map((p) => ps.punsubscribe(c, bin(p))),
      );
    },
    publish(c, argv) {
      return int(c.node.pubsub.publish(bin(argv[1]!), argv[2]!));
    },
    spublish(c, argv) {
      return int(c.node.pubsub.spublish(bin(argv[1]!), argv[2]!));
    },
    'pubsub|channels': (c, argv) => channelList(c.node.pubsub.channels, argv),
    'pubsub|shardchannels': (c, argv) => channelList(c.node.pubsub.shardChannels, argv),
    'pubsub|numsub': (c, argv) => subscriberCounts(c.node.pubsub.channels, argv),
    'pubsub|shardnumsub': (c, argv) => subscriberCounts(c.node.pubsub.shardChannels, argv),
    'pubsub|numpat': (c) => int(c.node.pubsub.patterns.size),
    'pubsub|help': (_c, argv) => helpReply(argv[0]!, HELP),
  },
};
