import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../bytes.ts';
import { encodeReply } from '../resp/encode.ts';
import { bulkStr, type Reply } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';

function text(r: Reply | undefined, resp: 2 | 3 = 2): string {
  return r === undefined ? '' : bin(encodeReply(r, resp));
}

describe('PubSubRegistry', () => {
  it('keeps both directions in step and counts receivers', () => {
    const { node } = testNode();
    const a = testClient(node);
    const b = testClient(node);
    const ps = node.pubsub;
    expect(text(ps.subscribe(a.client, 'news'))).toBe('*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n');
    ps.subscribe(a.client, 'news');
    ps.subscribe(b.client, 'news');
    ps.psubscribe(b.client, 'n*');
    expect(a.client.subscriptionCount).toBe(1);
    expect(b.client.subscriptionCount).toBe(2);
    expect(a.client.flags.has('pubsub')).toBe(true);
    expect(ps.isSubscribed(a.client, 'news')).toBe(true);
    expect(ps.publish('news', utf8('hi'))).toBe(3);
    expect(text(a.replies.at(-1))).toBe('*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$2\r\nhi\r\n');
    expect(text(b.replies.at(-1), 3)).toBe('>4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$2\r\nhi\r\n');
    node.disconnect(b.client);
    expect(ps.publish('news', utf8('x'))).toBe(1);
    expect(ps.patterns.size).toBe(0);
  });

  it('a message shared by many receivers encodes the same in each protocol', () => {
    const { node } = testNode();
    const subs = [testClient(node), testClient(node), testClient(node), testClient(node)];
    for (const s of subs) node.pubsub.subscribe(s.client, 'ch');
    expect(node.pubsub.publish('ch', utf8('m'))).toBe(4);
    const r = subs[0]!.replies.at(-1);
    expect(subs.every((s) => s.replies.at(-1) === r)).toBe(true);
    for (let i = 0; i < 2; i++) {
      expect(text(r, 2)).toBe('*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$1\r\nm\r\n');
      expect(text(r, 3)).toBe('>3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$1\r\nm\r\n');
    }
  });

  it('unsubscribeAll answers a nil channel when nothing was subscribed', () => {
    const { node } = testNode();
    const a = testClient(node);
    const [r] = node.pubsub.unsubscribeAll(a.client);
    expect(text(r)).toBe('*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n');
    expect(a.client.flags.has('pubsub')).toBe(false);
  });

  it('sendMessage pushes one message with any payload, even with replies off', () => {
    const { node } = testNode();
    const a = testClient(node);
    a.client.replyOff = true;
    node.pubsub.sendMessage(a.client, '__redis__:invalidate', bulkStr('k'));
    expect(text(a.replies[0], 3)).toBe('>3\r\n$7\r\nmessage\r\n$20\r\n__redis__:invalidate\r\n$1\r\nk\r\n');
  });

  it('shard channels ignore patterns', () => {
    const { node } = testNode();
    const a = testClient(node);
    node.pubsub.psubscribe(a.client, '*');
    expect(node.pubsub.spublish('s', utf8('m'))).toBe(0);
    node.pubsub.subscribe(a.client, 's', 'shard');
    expect(node.pubsub.spublish('s', utf8('m'))).toBe(1);
    expect(text(a.replies.at(-1))).toBe('*3\r\n$8\r\nsmessage\r\n$1\r\ns\r\n$1\r\nm\r\n');
  });

  it('publishes keyspace events for the enabled classes only', () => {
    const { node } = testNode();
    const a = testClient(node);
    node.pubsub.psubscribe(a.client, '__key*__:*');
    node.notify('g', 'del', 'k', node.dbs[0]!);
    expect(a.replies.length).toBe(0);
    node.config.setRaw('notify-keyspace-events', 'KEg');
    node.notify('$', 'set', 'k', node.dbs[0]!);
    expect(a.replies.length).toBe(0);
    node.notify('g', 'del', 'k', node.dbs[1]!);
    expect(a.replies.map((r) => text(r))).toEqual([
      '*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$16\r\n__keyspace@1__:k\r\n$3\r\ndel\r\n',
      '*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$18\r\n__keyevent@1__:del\r\n$1\r\nk\r\n',
    ]);
  });
});
