/* Test helper: a handful of command docs shaped like the worker's COMMAND DOCS digest. */
import type { CommandDoc } from '../../protocol/messages.ts';

const doc = (name: string, argsHint: string, group: string, since = '1.0.0'): CommandDoc => ({
  name,
  argsHint,
  group,
  since,
  summary: `Does ${name.toLowerCase()}.`,
  complexity: 'O(1)',
  arity: -2,
});

export const sampleDocs: CommandDoc[] = [
  doc('SET', 'key value [NX|XX] [GET] [EX seconds|PX milliseconds|KEEPTTL]', 'string'),
  doc('GET', 'key', 'string'),
  doc('GETRANGE', 'key start end', 'string', '2.4.0'),
  doc('HSET', 'key field value [field value ...]', 'hash', '2.0.0'),
  doc('CLIENT', '', 'connection', '2.4.0'),
  doc('CLIENT LIST', '[TYPE NORMAL|MASTER|REPLICA|PUBSUB] [ID client-id [client-id ...]]', 'connection'),
  doc('CLIENT KILL', 'ip:port', 'connection', '2.4.0'),
];
