/*
 * Keyspace notifications (Redis's notify.c) over the Pub/Sub registry. Handlers report every event
 * through ServerNode.notify(class letter, event, key, db) exactly where Redis calls
 * notifyKeyspaceEvent; this decides whether it is published:
 *   - the class letter must be enabled in notify-keyspace-events ('A' stands for "g$lshzxetd": all but
 *     key-miss 'm' and new-key 'n', which must be named on their own);
 *   - flag K publishes `event` on __keyspace@<db>__:<key>, flag E publishes `key` on
 *     __keyevent@<db>__:<event>, in that order.
 * The enabled set is derived once per config change (a config listener), never parsed per event, and
 * an event returns at once when nobody subscribes to anything.
 */
import { unbin } from '../bytes.ts';
import type { Database } from './db.ts';
import type { ServerNode } from './node.ts';
import type { PubSubRegistry } from './pubsub.ts';

const ALL_EVENT_CLASSES = 'g$lshzxetd';

export class KeyspaceEvents {
  private classes = new Set<string>();
  private keyspaceChannels = false;
  private keyeventChannels = false;

  constructor(
    node: ServerNode,
    private readonly pubsub: PubSubRegistry,
  ) {
    const refresh = (): void => this.derive(node.config.get('notify-keyspace-events'));
    node.config.onChange('notify-keyspace-events', refresh);
    refresh();
  }

  /** `flags` is the stored config value (config-special.ts keeps 'n' next to 'A' as "An..."). */
  private derive(flags: string): void {
    const set = new Set<string>();
    for (const ch of flags) {
      if (ch === 'A') for (const a of ALL_EVENT_CLASSES) set.add(a);
      else set.add(ch);
    }
    this.keyspaceChannels = set.has('K');
    this.keyeventChannels = set.has('E');
    this.classes = set;
  }

  notify(cls: string, event: string, key: string, db: Database): void {
    if (!this.classes.has(cls) || !this.pubsub.hasSubscribers()) return;
    if (this.keyspaceChannels) this.pubsub.publish(`__keyspace@${db.id}__:${key}`, unbin(event));
    if (this.keyeventChannels) this.pubsub.publish(`__keyevent@${db.id}__:${event}`, unbin(key));
  }
}
