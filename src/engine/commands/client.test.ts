import { describe, expect, it } from 'vitest';
import { bin } from '../bytes.ts';
import { bulkStr, err, int, NIL, OK, type Reply } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';

const text = (r: Reply | undefined): string => (r && (r.t === 'verbatim' || r.t === 'bulk') ? bin(r.b) : '');

describe('CLIENT', () => {
  it('names connections and lists them in Redis field order', () => {
    const { node } = testNode();
    const a = testClient(node);
    expect(a.call('client', 'setname', 'bad name')).toEqual(
      err('ERR Client names cannot contain spaces, newlines or special characters.'),
    );
    expect(a.call('client', 'setname', 'alpha')).toEqual(OK);
    expect(a.call('client', 'getname')).toEqual(bulkStr('alpha'));
    const line = text(a.call('client', 'info'));
    const keys = line
      .trim()
      .split(' ')
      .map((kv) => kv.split('=')[0]);
    expect(keys.join(' ')).toBe(
      'id addr laddr fd name age idle flags db sub psub ssub multi qbuf qbuf-free argv-mem multi-mem rbs rbp ' +
        'obl oll omem tot-mem events cmd user redir resp',
    );
    expect(line).toContain('name=alpha ');
    expect(line).toContain('cmd=client|info ');
    expect(a.call('client', 'setname', '')).toEqual(OK);
    expect(a.call('client', 'getname')).toEqual(NIL);
  });

  it('kills by id and by old address form', () => {
    const { node } = testNode();
    const a = testClient(node);
    const b = testClient(node);
    expect(a.call('client', 'kill', 'id', String(b.client.id))).toEqual(int(1));
    expect(b.closed).toBe(true);
    expect(a.call('client', 'kill', '9.9.9.9:1')).toEqual(err('ERR No such client'));
    expect(a.call('client', 'kill', a.client.address.addr)).toEqual(OK);
    expect(a.closed).toBe(true);
  });

  it('honours REPLY OFF and SKIP', () => {
    const { node } = testNode();
    const a = testClient(node);
    expect(a.call('client', 'reply', 'skip')).toBeUndefined();
    expect(a.call('ping')).toBeUndefined();
    expect(a.call('ping')).toEqual({ t: 'simple', s: 'PONG' });
    expect(a.call('client', 'reply', 'off')).toBeUndefined();
    expect(a.call('ping')).toBeUndefined();
    expect(a.call('client', 'reply', 'on')).toEqual(OK);
  });

  it('holds commands during CLIENT PAUSE and runs them in order afterwards', () => {
    const { node, clock } = testNode();
    const a = testClient(node);
    const b = testClient(node);
    expect(a.call('client', 'pause', '1000', 'write')).toEqual(OK);
    expect(b.call('get', 'k')).toEqual(NIL);
    expect(b.call('set', 'k', 'v')).toBeUndefined();
    expect(b.call('get', 'k')).toBeUndefined();
    clock.advance(500);
    node.cron();
    expect(b.replies.length).toBe(1);
    clock.advance(600);
    node.cron();
    expect(b.replies.slice(1)).toEqual([OK, bulkStr('v')]);
  });

  it('releases a pause early with UNPAUSE', () => {
    const { node } = testNode();
    const a = testClient(node);
    const b = testClient(node);
    a.call('client', 'pause', '100000');
    expect(b.call('ping')).toBeUndefined();
    node.pause.check(true);
    expect(b.replies).toEqual([{ t: 'simple', s: 'PONG' }]);
  });
});

describe('HELLO / AUTH / RESET', () => {
  it('switches protocol and answers the server map', () => {
    const { node } = testNode();
    const a = testClient(node);
    const r = a.call('hello', '3');
    expect(r?.t).toBe('map');
    expect(a.client.resp).toBe(3);
    expect(a.call('hello', '4')).toEqual(err('NOPROTO unsupported protocol version'));
    expect(a.call('reset')).toEqual({ t: 'simple', s: 'RESET' });
    expect(a.client.resp).toBe(2);
  });

  it('requires AUTH when requirepass is set', () => {
    const { node } = testNode({ config: { requirepass: 'pw' } });
    const a = testClient(node);
    expect(a.call('get', 'k')).toEqual(err('NOAUTH Authentication required.'));
    expect(a.call('auth', 'x')).toEqual(err('WRONGPASS invalid username-password pair or user is disabled.'));
    expect(a.call('auth', 'pw')).toEqual(OK);
    expect(a.call('get', 'k')).toEqual(NIL);
    a.call('reset');
    expect(a.call('get', 'k')).toEqual(err('NOAUTH Authentication required.'));
  });
});

describe('INFO', () => {
  it('has sections in Redis order with CRLF lines', () => {
    const { node } = testNode();
    const a = testClient(node);
    a.call('set', 'k', 'v');
    const info = text(a.call('info'));
    const titles = info.split('\r\n').filter((l) => l.startsWith('# '));
    expect(titles).toEqual([
      '# Server',
      '# Clients',
      '# Memory',
      '# Persistence',
      '# Stats',
      '# Replication',
      '# CPU',
      '# Modules',
      '# Errorstats',
      '# Cluster',
      '# Keyspace',
    ]);
    expect(info).toContain('redis_version:7.0.15\r\n');
    expect(info).toContain('db0:keys=1,expires=0,avg_ttl=0\r\n');
    expect(text(a.call('info', 'commandstats'))).toMatch(
      /cmdstat_set:calls=1,usec=\d+,usec_per_call=[\d.]+,/,
    );
  });
});

describe('CLIENT REPLY', () => {
  it('ON after SKIP delivers its own OK, as Redis does', () => {
    const { node } = testNode();
    const t = testClient(node);
    expect(t.call('client', 'reply', 'skip')).toBeUndefined();
    expect(t.call('client', 'reply', 'on')).toEqual({ t: 'simple', s: 'OK' });
    expect(t.call('ping')).toEqual({ t: 'simple', s: 'PONG' });
  });
});
