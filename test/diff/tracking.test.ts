/*
 * Client-side caching against the real server: tracking clients on their own connections, a writer on
 * another, and every reply and invalidation push compared value by value (including "no message":
 * after each scenario both sides must have nothing left to read).
 */
import { describe, expect, it } from 'vitest';
import { bulkStr, type Reply } from '../../src/engine/resp/reply.ts';
import { type ClientPair, useDifferential } from './harness.ts';

const bulkOf = (s: string): Reply => bulkStr(s);

describe('differential: client tracking', () => {
  const d = useDifferential('tracking');

  /** RESP version per pair, so replies are compared as that connection's bytes (RESP3 by default). */
  const protocols = new Map<ClientPair, 2 | 3>();
  function compare(p: ClientPair, what: string, ours: Reply | undefined, theirs: Reply | undefined): void {
    d.resp = protocols.get(p) ?? 3;
    d.record(what, ours, theirs);
  }

  /** One command on a pair, its reply compared. */
  async function cmd(p: ClientPair, ...args: string[]): Promise<[Reply | undefined, Reply | undefined]> {
    p.send(...args);
    const [ours, theirs] = await p.next();
    compare(p, args.join(' '), ours, theirs);
    return [ours, theirs];
  }

  /** The next message (a push) on a pair, compared. */
  async function message(p: ClientPair, what: string): Promise<void> {
    const [ours, theirs] = await p.next(1000);
    compare(p, what, ours, theirs);
  }

  /**
   * Both sides have nothing pending on this pair: a PING's PONG must be the very next reply (a push
   * still due would arrive before it). Avoids read timeouts on the real connection.
   */
  async function quiet(p: ClientPair, what: string): Promise<void> {
    p.send('PING', what);
    const [ours, theirs] = await p.next();
    compare(p, `${what} (nothing pending)`, ours, theirs);
  }

  /** A command whose reply differs by nature between the servers (client ids): run, not compared. */
  async function run(p: ClientPair, ...args: string[]): Promise<void> {
    p.send(...args);
    await p.next();
  }

  /** Sends a command with a client id argument that differs between the two servers. */
  async function withIds(
    p: ClientPair,
    ids: [string, string],
    build: (id: string) => string[],
  ): Promise<void> {
    p.sendEach(build(ids[0]), build(ids[1]));
    const [ours, theirs] = await p.next();
    compare(p, build('<id>').join(' '), ours, theirs);
  }

  async function idsOf(p: ClientPair): Promise<[string, string]> {
    p.send('CLIENT', 'ID');
    const [ours, theirs] = await p.next();
    const n = (r: Reply | undefined): string => (r?.t === 'int' ? String(r.n) : '?');
    return [n(ours), n(theirs)];
  }

  async function fresh(): Promise<{ a: ClientPair; w: ClientPair }> {
    const a = await d.openPair();
    const w = await d.openPair();
    protocols.set(w, 2);
    await cmd(w, 'FLUSHALL');
    await run(a, 'HELLO', '3');
    return { a, w };
  }

  it('default mode: one invalidation per read key, the writer is told after its own reply', async () => {
    const { a, w } = await fresh();
    await cmd(a, 'CLIENT', 'TRACKING', 'on');
    await cmd(w, 'MSET', 'k1', '1', 'k2', '2');
    await cmd(a, 'MGET', 'k1', 'k2', 'k3');
    await cmd(w, 'SET', 'k1', 'x');
    await message(a, 'invalidate k1');
    await cmd(w, 'SET', 'k1', 'y');
    await cmd(w, 'DEL', 'k2', 'k3');
    // k3 did not exist: DEL changed nothing there, so no message for it.
    await message(a, 'invalidate k2');
    await quiet(a, 'after DEL');
    await cmd(a, 'GET', 'k1');
    await cmd(a, 'MULTI');
    await cmd(a, 'INCR', 'n');
    await cmd(a, 'SET', 'k1', 'z');
    await cmd(a, 'EXEC');
    await message(a, 'own invalidation after EXEC');
    await cmd(a, 'CLIENT', 'TRACKINGINFO');
    await quiet(a, 'default mode');
    a.close();
    w.close();
  });

  it('NOLOOP, OPTIN and OPTOUT', async () => {
    const { a, w } = await fresh();
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'NOLOOP');
    await cmd(a, 'GET', 'n1');
    await cmd(a, 'SET', 'n1', 'mine');
    await quiet(a, 'NOLOOP own write');
    await cmd(a, 'GET', 'n1');
    await cmd(w, 'SET', 'n1', 'theirs');
    await message(a, 'NOLOOP other write');
    await cmd(a, 'CLIENT', 'TRACKING', 'off');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'OPTIN');
    await cmd(a, 'GET', 'o1');
    await cmd(a, 'CLIENT', 'CACHING', 'yes');
    await cmd(a, 'GET', 'o2');
    await cmd(a, 'GET', 'o3');
    await cmd(a, 'CLIENT', 'CACHING', 'yes');
    await cmd(a, 'MULTI');
    await cmd(a, 'GET', 'o4');
    await cmd(a, 'GET', 'o5');
    await cmd(a, 'EXEC');
    await cmd(w, 'MSET', 'o1', '1', 'o2', '2', 'o3', '3', 'o4', '4', 'o5', '5');
    await message(a, 'OPTIN o2');
    await message(a, 'OPTIN o4');
    await message(a, 'OPTIN o5');
    await quiet(a, 'OPTIN');
    await cmd(a, 'CLIENT', 'TRACKING', 'off');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'OPTOUT');
    await cmd(a, 'CLIENT', 'CACHING', 'no');
    await cmd(a, 'GET', 'p1');
    await cmd(a, 'GET', 'p2');
    await cmd(a, 'CLIENT', 'TRACKINGINFO');
    await cmd(a, 'CLIENT', 'CACHING', 'yes');
    await cmd(w, 'MSET', 'p1', '1', 'p2', '2');
    await message(a, 'OPTOUT p2');
    await quiet(a, 'OPTOUT');
    a.close();
    w.close();
  });

  it('BCAST with prefixes: keys of one event loop cycle in one message per prefix', async () => {
    const { a, w } = await fresh();
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'user:', 'PREFIX', 'cart:');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'us');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'a', 'PREFIX', 'ab');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'item:', 'NOLOOP');
    await cmd(a, 'CLIENT', 'TRACKINGINFO');
    await cmd(w, 'MSET', 'user:2', 'x', 'cart:9', 'y', 'user:1', 'z', 'other', 'q');
    await message(a, 'BCAST cart:');
    await message(a, 'BCAST user:');
    await cmd(a, 'SET', 'item:1', 'mine');
    await quiet(a, 'NOLOOP BCAST own key');
    await cmd(a, 'CLIENT', 'TRACKING', 'off');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'BCAST');
    await cmd(w, 'SET', 'anything', '1');
    await message(a, 'BCAST empty prefix');
    await quiet(a, 'BCAST');
    a.close();
    w.close();
  });

  it('REDIRECT: RESP3 target, RESP2 Pub/Sub target, broken redirection', async () => {
    const { a, w } = await fresh();
    const r = await d.openPair();
    protocols.set(r, 2);
    const rIds = await idsOf(r);
    await cmd(r, 'SUBSCRIBE', '__redis__:invalidate');
    await withIds(a, rIds, (id) => ['CLIENT', 'TRACKING', 'on', 'REDIRECT', id]);
    await cmd(a, 'GET', 'r1');
    await cmd(w, 'SET', 'r1', 'v');
    await message(r, 'RESP2 Pub/Sub redirect');
    await quiet(a, 'redirecting client');
    await cmd(a, 'GET', 'r1');
    await cmd(w, 'FLUSHDB');
    await message(r, 'flush via redirect');
    await cmd(a, 'GET', 'r2');
    r.close();
    await new Promise((res) => setTimeout(res, 50));
    await cmd(w, 'SET', 'r2', 'v');
    // The push carries the vanished client's id, which differs between the servers.
    const [brokenOurs, brokenTheirs] = await a.next();
    const shape = (r: Reply | undefined): string =>
      r?.t === 'push' && r.a[1]?.t === 'int' ? `push ${r.a.length} ${JSON.stringify(r.a[0])} id` : 'other';
    compare(a, 'tracking-redir-broken', bulkOf(shape(brokenOurs)), bulkOf(shape(brokenTheirs)));
    await run(a, 'CLIENT', 'TRACKINGINFO');
    await quiet(a, 'broken redirect');
    a.close();
    w.close();
  });

  it('FLUSHALL sends null; expiry invalidates; TRACKINGINFO and errors', async () => {
    const { a, w } = await fresh();
    await cmd(a, 'CLIENT', 'TRACKING', 'on');
    await cmd(a, 'GET', 'f1');
    await cmd(w, 'FLUSHALL');
    await message(a, 'FLUSHALL null');
    await cmd(a, 'GET', 'f2');
    await cmd(w, 'SWAPDB', '0', '1');
    await quiet(a, 'SWAPDB invalidates nothing');
    // Lazy expiry only: the harness runs no cron on our side, Redis's would expire e1 on its own.
    await cmd(w, 'DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    await cmd(w, 'SET', 'e1', 'v', 'PX', '30');
    await cmd(a, 'GET', 'e1');
    await new Promise((res) => setTimeout(res, 60));
    await cmd(a, 'GET', 'e1');
    await message(a, 'lazy expiry');
    await cmd(w, 'DEBUG', 'SET-ACTIVE-EXPIRE', '1');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'PREFIX', 'x');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'BCAST');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'OPTIN', 'OPTOUT');
    await cmd(a, 'CLIENT', 'CACHING', 'yes');
    await cmd(a, 'CLIENT', 'GETREDIR');
    // Re-enabling replaces the mode flags; the CLIENT CACHING flag survives until the next command.
    await cmd(a, 'CLIENT', 'TRACKING', 'off');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'OPTIN', 'NOLOOP');
    await cmd(a, 'CLIENT', 'CACHING', 'yes');
    await cmd(a, 'CLIENT', 'TRACKINGINFO');
    await cmd(a, 'CLIENT', 'TRACKING', 'on');
    await cmd(a, 'CLIENT', 'TRACKINGINFO');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'OPTOUT');
    await cmd(a, 'CLIENT', 'TRACKINGINFO');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'OPTIN');
    await cmd(a, 'CLIENT', 'TRACKING', 'off');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'b', 'PREFIX', 'a');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'c');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'ab');
    await cmd(a, 'CLIENT', 'TRACKINGINFO');
    await cmd(a, 'CLIENT', 'TRACKING', 'on');
    await cmd(a, 'CLIENT', 'TRACKING', 'maybe');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'REDIRECT', '999999');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'REDIRECT', 'x');
    await cmd(a, 'CLIENT', 'TRACKING', 'on', 'BOGUS');
    await cmd(a, 'CLIENT', 'TRACKING', 'off');
    await cmd(a, 'CLIENT', 'CACHING', 'no');
    await cmd(a, 'CLIENT', 'TRACKINGINFO');
    await quiet(a, 'flush and expiry');
    a.close();
    w.close();
    expect(d.mismatches).toEqual([]);
  });
});
