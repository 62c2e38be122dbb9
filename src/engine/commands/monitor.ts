/*
 * MONITOR: turns the connection into a monitor that is shown every command the server runs (see
 * server/monitor.ts for the line format and what is left out). Redis refuses it where the client
 * must get exactly one reply per command (inside EXEC, its CLIENT_DENY_BLOCKING), and ignores it
 * silently, with no reply at all, from a client that already monitors.
 */
import { OK } from '../resp/reply.ts';
import { fail } from '../server/errors.ts';
import type { CommandFamily } from './types.ts';

export const monitorCommands: CommandFamily = {
  specs: [
    {
      name: 'monitor',
      summary: 'Streams every command the server runs, one line each, to this connection.',
      since: '1.0.0',
      group: 'server',
      arity: 1,
      flags: ['admin', 'noscript', 'loading', 'stale'],
      acl: ['admin', 'slow', 'dangerous'],
    },
  ],
  handlers: {
    monitor(c) {
      if (c.multi !== null) fail("ERR MONITOR isn't allowed for DENY BLOCKING client");
      if (c.node.monitors.isMonitor(c)) return undefined;
      c.node.monitors.add(c);
      return OK;
    },
  },
};
