import { describe, expect, it } from 'vitest';
import { bin } from '../../bytes.ts';
import { encodeReply } from '../../resp/encode.ts';
import type { Reply } from '../../resp/reply.ts';
import { testClient, testNode } from '../../testkit.ts';

const wire = (r: Reply | undefined, resp: 2 | 3 = 2): string => (r ? bin(encodeReply(r, resp)) : '');

describe('Pub/Sub commands', () => {
  it('answers one confirmation per channel and delivers messages', () => {
    const { node } = testNode();
    const sub = testClient(node);
    const pub = testClient(node);
    sub.call('SUBSCRIBE', 'a', 'b', 'a');
    expect(sub.replies.map((r) => wire(r))).toEqual([
      '*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n',
      '*3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n',
      '*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:2\r\n',
    ]);
    expect(wire(pub.call('PUBLISH', 'a', 'hello'))).toBe(':1\r\n');
    expect(wire(sub.replies.at(-1))).toBe('*3\r\n$7\r\nmessage\r\n$1\r\na\r\n$5\r\nhello\r\n');
    expect(wire(pub.call('PUBSUB', 'NUMSUB', 'a', 'zz'))).toBe('*4\r\n$1\r\na\r\n:1\r\n$2\r\nzz\r\n:0\r\n');
  });

  it('refuses other commands in RESP2 subscribed mode, answers PING as an array', () => {
    const { node } = testNode();
    const sub = testClient(node);
    sub.call('PSUBSCRIBE', 'x*');
    expect(wire(sub.call('GET', 'k'))).toBe(
      "-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are " +
        'allowed in this context\r\n',
    );
    expect(wire(sub.call('PING'))).toBe('*2\r\n$4\r\npong\r\n$0\r\n\r\n');
    sub.call('PUNSUBSCRIBE');
    expect(wire(sub.replies.at(-1))).toBe('*3\r\n$12\r\npunsubscribe\r\n$2\r\nx*\r\n:0\r\n');
    expect(wire(sub.call('PING'))).toBe('+PONG\r\n');
  });

  it('RESET leaves every subscription silently', () => {
    const { node } = testNode();
    const sub = testClient(node);
    sub.call('SUBSCRIBE', 'a');
    sub.call('SSUBSCRIBE', 's');
    expect(wire(sub.call('RESET'))).toBe('+RESET\r\n');
    expect(sub.client.subscriptionCount).toBe(0);
    expect(node.pubsub.channels.size + node.pubsub.shardChannels.size).toBe(0);
  });

  it('a deny-blocking client (a script) may not subscribe', () => {
    const { node } = testNode();
    const c = testClient(node);
    c.client.flags.add('deny_blocking');
    expect(wire(c.call('PSUBSCRIBE', 'p'))).toBe(
      "-ERR PSUBSCRIBE isn't allowed for a DENY BLOCKING client\r\n",
    );
    expect(wire(c.call('SUBSCRIBE', 'a'))).toBe(
      "-ERR SUBSCRIBE isn't allowed for a DENY BLOCKING client\r\n",
    );
    expect(c.client.subscriptionCount).toBe(0);
  });

  it('SSUBSCRIBE is refused inside a transaction, SUBSCRIBE is not', () => {
    const { node } = testNode();
    const c = testClient(node);
    c.call('MULTI');
    c.call('SSUBSCRIBE', 's');
    c.call('SUBSCRIBE', 'a');
    expect(wire(c.call('EXEC'))).toBe(
      "*2\r\n-ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client\r\n" +
        '*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n',
    );
  });

  it("notify-keyspace-events keeps 'n' under 'A' though CONFIG GET prints Redis's form", () => {
    const { node } = testNode();
    const c = testClient(node);
    const sub = testClient(node);
    sub.call('SUBSCRIBE', '__keyevent@0__:new');
    c.call('CONFIG', 'SET', 'notify-keyspace-events', 'nAKE');
    expect(wire(c.call('CONFIG', 'GET', 'notify-keyspace-events'))).toBe(
      '*2\r\n$22\r\nnotify-keyspace-events\r\n$3\r\nAKE\r\n',
    );
    c.call('SET', 'k', 'v');
    c.call('SET', 'k', 'w');
    expect(sub.replies.map((r) => wire(r)).slice(1)).toEqual([
      '*3\r\n$7\r\nmessage\r\n$18\r\n__keyevent@0__:new\r\n$1\r\nk\r\n',
    ]);
  });

  it('CLIENT LIST tot-mem grows with subscriptions; dict slots keep their peak', () => {
    const { node } = testNode();
    const c = testClient(node);
    const ps = node.pubsub;
    expect(ps.memOverhead(c.client)).toBe(0);
    c.call('SUBSCRIBE', 'a');
    expect(ps.memOverhead(c.client)).toBe(24 + 4 * 8);
    c.call('SUBSCRIBE', 'b', 'c', 'd', 'e');
    expect(ps.memOverhead(c.client)).toBe(5 * 24 + 8 * 8);
    c.call('PSUBSCRIBE', 'p');
    c.call('RESET');
    expect(ps.memOverhead(c.client)).toBe(8 * 8);
  });
});
