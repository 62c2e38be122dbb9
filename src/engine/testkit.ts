/*
 * Helpers for tests of the engine: a node on a hand-driven clock with a seeded PRNG, and clients whose
 * replies are captured in order. Pure like the engine (the clock is moved by the test).
 */
import { utf8, type Bytes } from './bytes.ts';
import { SeededRandom } from './ds/prng.ts';
import type { Clock } from './ports.ts';
import type { Reply } from './resp/reply.ts';
import type { Client } from './server/client.ts';
import { ServerNode, type NodeOptions } from './server/node.ts';

export class ManualClock implements Clock {
  constructor(private ms = 1_700_000_000_000) {}
  nowMs(): number {
    return this.ms;
  }
  nowUs(): number {
    return this.ms * 1000;
  }
  sleep(ms: number): void {
    this.ms += ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface TestClient {
  client: Client;
  replies: Reply[];
  closed: boolean;
  /** Runs a command (strings are UTF-8 encoded) and returns its reply (undefined if none). */
  call(...args: (string | Bytes)[]): Reply | undefined;
}

export function testNode(opts: Partial<NodeOptions> = {}): { node: ServerNode; clock: ManualClock } {
  const clock = (opts.clock as ManualClock | undefined) ?? new ManualClock();
  const node = new ServerNode({ clock, random: new SeededRandom(1), ...opts });
  return { node, clock };
}

export function testClient(node: ServerNode): TestClient {
  const t: TestClient = {
    client: undefined as unknown as Client,
    replies: [],
    closed: false,
    call(...args) {
      const before = t.replies.length;
      node.execute(
        t.client,
        args.map((a) => (typeof a === 'string' ? utf8(a) : a)),
      );
      return t.replies.length > before ? t.replies[t.replies.length - 1] : undefined;
    },
  };
  t.client = node.connect({
    write: (r) => t.replies.push(r),
    close: () => {
      t.closed = true;
    },
  });
  return t;
}
