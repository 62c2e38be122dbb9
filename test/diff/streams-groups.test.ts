/*
 * Differential hand cases for stream consumer groups against a real redis-server: XGROUP (every
 * subcommand, option and error), XREADGROUP (new entries, own history, NOACK, errors, MULTI), XACK,
 * XPENDING (summary and extended forms, IDLE, exclusive bounds), XCLAIM (IDLE, TIME, RETRYCOUNT,
 * FORCE, JUSTID, LASTID, deleted entries), XAUTOCLAIM (cursor, COUNT, JUSTID, deleted IDs), XINFO
 * (STREAM, STREAM FULL, GROUPS with the 7.0 lag rules, CONSUMERS, HELP), RESP3 shapes, and the
 * dirty counter, keyspace events and hit/miss counters of each batch.
 *
 * Time-dependent fields (delivery times, seen times, idle times) are read from each server's own
 * wall clock; those replies are compared through the projections of streams-groups-helpers.ts
 * (absolute times blanked, idle times bucketed). Every other value is compared exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDifferential } from './harness.ts';
import { batchCheck, EventRecorder, resetBoth, type Cmd } from './strings-helpers.ts';
import { pendingRows, timeless } from './streams-groups-helpers.ts';

describe('differential stream consumer groups', () => {
  const d = useDifferential('streams groups');
  const events = new EventRecorder(d);
  beforeAll(async () => {
    await events.start();
  });
  afterAll(() => events.stop());
  const batch = (label: string, cmds: Cmd[]): Promise<void> => batchCheck(d, events, label, cmds);
  const timed = async (cmds: Cmd[]): Promise<void> => {
    for (const c of cmds) await d.check(c, { project: (r) => timeless(r, d.resp) });
  };
  const pending = async (cmds: Cmd[]): Promise<void> => {
    for (const c of cmds) await d.check(c, { project: (r) => pendingRows(r, d.resp) });
  };

  it('XGROUP CREATE / SETID / DESTROY / CREATECONSUMER / DELCONSUMER and their errors', async () => {
    await resetBoth(d);
    await batch('xgroup create', [
      ['XGROUP', 'CREATE', 's', 'g', '$'],
      ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'],
      ['XGROUP', 'CREATE', 's', 'g', '$'],
      ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'],
      ['XADD', 's', '1-1', 'a', '1'],
      ['XADD', 's', '2-1', 'b', '2'],
      ['XGROUP', 'create', 's', 'g2', '0', 'ENTRIESREAD', '1'],
      ['XGROUP', 'CREATE', 's', 'g3', '1-1', 'ENTRIESREAD', '-1'],
      ['XGROUP', 'CREATE', 's', 'g4', '0', 'ENTRIESREAD', '-2'],
      ['XGROUP', 'CREATE', 's', 'g4', '0', 'ENTRIESREAD', 'x'],
      ['XGROUP', 'CREATE', 's', 'g4', '0', 'ENTRIESREAD'],
      ['XGROUP', 'CREATE', 's', 'g4', '0', 'MKSTREAM', 'ENTRIESREAD', '3'],
      ['XGROUP', 'CREATE', 's', 'g5', '0', 'MKSTREAM', 'MKSTREAM', 'MKSTREAM', 'MKSTREAM'],
      ['XGROUP', 'CREATE', 's', 'g5', '0', 'FOO'],
      ['XGROUP', 'CREATE', 's', 'g5', 'bad'],
      ['XGROUP', 'CREATE', 's', 'g5', '-'],
      ['XGROUP', 'CREATE', 's', 'g5', '+'],
      ['XGROUP', 'CREATE', 's', 'g5', '5'],
      ['XGROUP', 'CREATE', 's', 'g6', '99999999999999999999'],
      ['XGROUP', 'CREATE', 'nokey', 'g', 'bad', 'MKSTREAM'],
      ['EXISTS', 'nokey'],
      ['XGROUP', 'CREATE', 'nokey', 'g', '$', 'MKSTREAM', 'ENTRIESREAD', '7'],
      ['SET', 'str', 'x'],
      ['XGROUP', 'CREATE', 'str', 'g', '$'],
      ['XGROUP', 'CREATE', 'str', 'g', '$', 'MKSTREAM'],
      ['XGROUP', 'CREATE', 's'],
      ['XGROUP', 'CREATE', 's', 'g'],
      ['XGROUP'],
      ['XGROUP', 'FOO', 's', 'g'],
      ['XGROUP', 'HELP'],
      ['XGROUP', 'help', 'x'],
      ['XINFO', 'GROUPS', 's'],
      ['XINFO', 'GROUPS', 'nokey'],
    ]);
    await batch('xgroup setid', [
      ['XGROUP', 'SETID', 's', 'g', '0'],
      ['XGROUP', 'SETID', 's', 'g', '$'],
      ['XGROUP', 'SETID', 's', 'g', '-'],
      ['XGROUP', 'SETID', 's', 'g', '+'],
      ['XGROUP', 'SETID', 's', 'g', '1', 'ENTRIESREAD', '1'],
      ['XGROUP', 'SETID', 's', 'g', '1', 'ENTRIESREAD', '-3'],
      ['XGROUP', 'SETID', 's', 'g', '1', 'ENTRIESREAD'],
      ['XGROUP', 'SETID', 's', 'g', '1', 'MKSTREAM'],
      ['XGROUP', 'SETID', 's', 'g', 'bad'],
      ['XGROUP', 'SETID', 's', 'nog', '0'],
      ['XGROUP', 'SETID', 'nokey2', 'g', '0'],
      ['XGROUP', 'SETID', 'str', 'g', '0'],
      ['XGROUP', 'SETID', 's', 'g', '0', 'ENTRIESREAD', '2', 'X'],
      ['XINFO', 'GROUPS', 's'],
    ]);
    await batch('xgroup consumers', [
      ['XGROUP', 'CREATECONSUMER', 's', 'g', 'alice'],
      ['XGROUP', 'CREATECONSUMER', 's', 'g', 'alice'],
      ['XGROUP', 'CREATECONSUMER', 's', 'g', 'bob'],
      ['XGROUP', 'CREATECONSUMER', 's', 'nog', 'bob'],
      ['XGROUP', 'CREATECONSUMER', 'nokey2', 'g', 'bob'],
      ['XGROUP', 'CREATECONSUMER', 's', 'g'],
      ['XGROUP', 'DELCONSUMER', 's', 'g', 'alice'],
      ['XGROUP', 'DELCONSUMER', 's', 'g', 'alice'],
      ['XGROUP', 'DELCONSUMER', 's', 'nog', 'alice'],
      ['XGROUP', 'DELCONSUMER', 'nokey2', 'g', 'alice'],
      ['XGROUP', 'DELCONSUMER', 'str', 'g', 'alice'],
      ['XINFO', 'GROUPS', 's'],
      ['XGROUP', 'DESTROY', 's', 'g2'],
      ['XGROUP', 'DESTROY', 's', 'g2'],
      ['XGROUP', 'DESTROY', 'nokey2', 'g2'],
      ['XGROUP', 'DESTROY', 's', 'g2', 'x'],
      ['XINFO', 'GROUPS', 's'],
    ]);
  });

  it('XREADGROUP: new entries, own history, NOACK, deleted history entries, errors', async () => {
    await resetBoth(d);
    await batch('xreadgroup', [
      ['XADD', 's', '1-0', 'a', '1'],
      ['XADD', 's', '2-0', 'b', '2'],
      ['XADD', 's', '3-0', 'c', '3'],
      ['XGROUP', 'CREATE', 's', 'g', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'c1', 'COUNT', '1', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c2', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c3', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c1', 'STREAMS', 's', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'c2', 'STREAMS', 's', '0-0'],
      ['XREADGROUP', 'GROUP', 'g', 'c2', 'COUNT', '1', 'STREAMS', 's', '2'],
      ['XREADGROUP', 'GROUP', 'g', 'c2', 'STREAMS', 's', '3'],
      ['XREADGROUP', 'GROUP', 'g', 'nobody', 'STREAMS', 's', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'c1', 'COUNT', '0', 'STREAMS', 's', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'c1', 'COUNT', '-5', 'STREAMS', 's', '0'],
      ['XADD', 's', '4-0', 'd', '4'],
      ['XADD', 's', '5-0', 'e', '5'],
      ['XREADGROUP', 'GROUP', 'g', 'c4', 'NOACK', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c4', 'STREAMS', 's', '0'],
      ['XPENDING', 's', 'g'],
      ['XDEL', 's', '2-0'],
      ['XREADGROUP', 'GROUP', 'g', 'c2', 'STREAMS', 's', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'c2', 'noack', 'count', '1', 'streams', 's', '0'],
      ['XINFO', 'GROUPS', 's'],
    ]);
    await batch('xreadgroup several streams', [
      ['XADD', 't', '1-0', 'x', '1'],
      ['XGROUP', 'CREATE', 't', 'g', '0'],
      ['XADD', 's', '6-0', 'f', '6'],
      ['XREADGROUP', 'GROUP', 'g', 'c5', 'STREAMS', 's', 't', '>', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c5', 'STREAMS', 's', 't', '0', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c5', 'STREAMS', 't', 's', '>', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c5', 'STREAMS', 's', 'nokey', '>', '>'],
      ['XGROUP', 'CREATE', 'u', 'other', '$', 'MKSTREAM'],
      ['XREADGROUP', 'GROUP', 'g', 'c5', 'STREAMS', 's', 'u', '0', '>'],
    ]);
    await batch('xreadgroup errors', [
      ['SET', 'str', 'v'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 'str', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '$'],
      ['XREADGROUP', 'GROUP', 'nog', 'c', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 'nokey', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', 'bad'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '-'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '+'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', 'x', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '-1', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', 'x', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'FOO', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>', 'extra'],
      ['XREADGROUP', 'COUNT', '1', 'COUNT', '2', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '1', 'NOACK', 'x'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's'],
      ['XREAD', 'GROUP', 'g', 'c', 'STREAMS', 's', '>'],
      ['XREAD', 'NOACK', 'STREAMS', 's', '0'],
      ['XREAD', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', 's', '>', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 'str', 'nokey', '>', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 'nokey', 's', '>', 'bad'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', 'nokey', 'bad', '>'],
    ]);
  });

  it('XREADGROUP after XGROUP SETID reassigns pending entries; empty history; deleted history', async () => {
    await resetBoth(d);
    await batch('nack reassignment', [
      ['XADD', 'e', '1-0', 'f', 'v'],
      ['XADD', 'e', '2-0', 'f', 'v'],
      ['XADD', 'e', '3-0', 'f', 'v'],
      ['XGROUP', 'CREATE', 'e', 'g', '$'],
      ['XADD', 'e', '4-0', 'f', 'v'],
      ['XREADGROUP', 'GROUP', 'g', 'c1', 'STREAMS', 'e', '>'],
      ['XGROUP', 'SETID', 'e', 'g', '-'],
      ['XREADGROUP', 'GROUP', 'g', 'c2', 'STREAMS', 'e', '>'],
      ['XPENDING', 's', 'g'],
      ['XPENDING', 'e', 'g'],
      ['XREADGROUP', 'GROUP', 'g', 'c1', 'STREAMS', 'e', '0'],
      ['XINFO', 'GROUPS', 'e'],
    ]);
    await batch('empty history', [
      ['XADD', 'h', '1-0', 'a', '1'],
      ['XADD', 'h', '2-0', 'b', '2'],
      ['XGROUP', 'CREATE', 'h', 'g', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'me', 'COUNT', '3', 'STREAMS', 'h', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'me', 'COUNT', '3', 'STREAMS', 'h', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'me', 'COUNT', '3', 'STREAMS', 'h', '0'],
      ['XADD', 'h', 'MAXLEN', '1', '3-0', 'c', '3'],
      ['XREADGROUP', 'GROUP', 'g', 'me', 'STREAMS', 'h', '0-1'],
      ['XREADGROUP', 'GROUP', 'g', 'me', 'STREAMS', 'h', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'me', 'STREAMS', 'h', '0-1'],
    ]);
    await batch('ran dry', [
      ['XGROUP', 'CREATE', 'dry', 'g', '$', 'MKSTREAM'],
      ['XADD', 'dry', '666', 'k', 'v'],
      ['XDEL', 'dry', '666'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 'dry', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'dry', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'dry', '700'],
      ['XADD', 'dry', '667', 'k', 'v'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'dry', '666'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'dry', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'dry', '600'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'dry', '667'],
      ['XACK', 'dry', 'g', '667'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'dry', '0'],
    ]);
  });

  it('XREADGROUP inside MULTI never blocks', async () => {
    await resetBoth(d);
    await batch('multi', [
      ['XGROUP', 'CREATE', 'm', 'g', '$', 'MKSTREAM'],
      ['MULTI'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'm', '>'],
      ['XADD', 'm', '1-0', 'f', 'v'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'm', '>'],
      ['XACK', 'm', 'g', '1-0'],
      ['XPENDING', 'm', 'g'],
      ['EXEC'],
    ]);
  });

  it('XACK', async () => {
    await resetBoth(d);
    await batch('xack', [
      ['XADD', 's', '1-0', 'a', '1'],
      ['XADD', 's', '2-0', 'b', '2'],
      ['XADD', 's', '3-0', 'c', '3'],
      ['XGROUP', 'CREATE', 's', 'g', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>'],
      ['XACK', 's', 'g', '1-0'],
      ['XACK', 's', 'g', '1-0'],
      ['XACK', 's', 'g', '1-0', '2', '2-0', '9-9'],
      ['XACK', 's', 'g', '3-0', 'invalid-id'],
      ['XACK', 's', 'g', '-'],
      ['XACK', 's', 'g', '3'],
      ['XACK', 's', 'nog', '3-0'],
      ['XACK', 'nokey', 'g', '3-0'],
      ['XACK', 'nokey', 'g', 'bad'],
      ['SET', 'str', 'x'],
      ['XACK', 'str', 'g', '1-0'],
      ['XACK', 's', 'g'],
      ['XPENDING', 's', 'g'],
      ['XINFO', 'GROUPS', 's'],
    ]);
  });

  it('XPENDING summary and extended forms', async () => {
    await resetBoth(d);
    await batch('xpending setup', [
      ['XADD', 's', '1-0', 'a', '1'],
      ['XADD', 's', '2-0', 'b', '2'],
      ['XADD', 's', '3-0', 'c', '3'],
      ['XADD', 's', '4-0', 'd', '4'],
      ['XGROUP', 'CREATE', 's', 'g', '0'],
      ['XPENDING', 's', 'g'],
      ['XREADGROUP', 'GROUP', 'g', 'bob', 'COUNT', '2', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '2', 'STREAMS', 's', '>'],
      ['XGROUP', 'CREATECONSUMER', 's', 'g', 'carol'],
      ['XPENDING', 's', 'g'],
    ]);
    await pending([
      ['XPENDING', 's', 'g', '-', '+', '10'],
      ['XPENDING', 's', 'g', '-', '+', '2'],
      ['XPENDING', 's', 'g', '-', '+', '0'],
      ['XPENDING', 's', 'g', '-', '+', '-1'],
      ['XPENDING', 's', 'g', '-', '+', '10', 'bob'],
      ['XPENDING', 's', 'g', '-', '+', '10', 'bob', 'ignored'],
      ['XPENDING', 's', 'g', '-', '+', '10', 'carol'],
      ['XPENDING', 's', 'g', '-', '+', '10', 'nobody'],
      ['XPENDING', 's', 'g', '2', '3', '10'],
      ['XPENDING', 's', 'g', '2-0', '(3', '10'],
      ['XPENDING', 's', 'g', '(1-0', '(4-0', '10'],
      ['XPENDING', 's', 'g', '(1', '+', '10', 'alice'],
      ['XPENDING', 's', 'g', 'IDLE', '0', '-', '+', '10'],
      ['XPENDING', 's', 'g', 'IDLE', '99999999', '-', '+', '10'],
      ['XPENDING', 's', 'g', 'idle', '99999999', '-', '+', '10', 'bob'],
      ['XPENDING', 's', 'g', 'IDLE', '-5', '-', '+', '10'],
      ['XCLAIM', 's', 'g', 'bob', '0', '3-0', 'IDLE', '500000', 'JUSTID'],
      ['XPENDING', 's', 'g', 'IDLE', '400000', '-', '+', '10'],
      ['XPENDING', 's', 'g', 'IDLE', '400000', '-', '+', '10', 'alice'],
      ['XPENDING', 's', 'g', 'IDLE', '400000', '-', '+', '10', 'bob'],
      ['XPENDING', 's', 'g', '-', '+', '10'],
    ]);
    await batch('xpending errors', [
      ['XPENDING', 's', 'g', '-', '+'],
      ['XPENDING', 's', 'g', '-'],
      ['XPENDING', 's', 'g', 'IDLE', '10', '-', '+'],
      ['XPENDING', 's', 'g', 'IDLE', 'x', '-', '+', '10'],
      ['XPENDING', 's', 'g', '-', '+', 'x'],
      ['XPENDING', 's', 'g', 'bad', '+', '10'],
      ['XPENDING', 's', 'g', '-', 'bad', '10'],
      ['XPENDING', 's', 'g', '(-', '+', '10'],
      ['XPENDING', 's', 'g', '(18446744073709551615-18446744073709551615', '+', '10'],
      ['XPENDING', 's', 'g', '-', '(0-0', '10'],
      ['XPENDING', 's', 'g', '-', '(0', '10'],
      ['XPENDING', 's', 'nog'],
      ['XPENDING', 'nokey', 'g'],
      ['XPENDING', 'nokey', 'g', '-', '+', '10'],
      ['XPENDING', 'nokey', 'g', 'bad', '+', '10'],
      ['SET', 'str', 'x'],
      ['XPENDING', 'str', 'g'],
      ['XPENDING', 'str', 'g', 'bad', '+', '10'],
    ]);
  });

  it('XCLAIM options and deleted entries', async () => {
    await resetBoth(d);
    await batch('xclaim setup', [
      ['XADD', 's', '1-0', 'a', '1'],
      ['XADD', 's', '2-0', 'b', '2'],
      ['XADD', 's', '3-0', 'c', '3'],
      ['XADD', 's', '4-0', 'd', '4'],
      ['XGROUP', 'CREATE', 's', 'g', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '3', 'STREAMS', 's', '>'],
      ['XCLAIM', 's', 'g', 'bob', '0', '1-0'],
      ['XCLAIM', 's', 'g', 'bob', '0', '1-0', '2-0', 'JUSTID'],
      ['XCLAIM', 's', 'g', 'bob', '3600000', '3-0'],
      ['XCLAIM', 's', 'g', 'carol', '0', '3-0', 'RETRYCOUNT', '7', 'JUSTID'],
      ['XCLAIM', 's', 'g', 'carol', '0', '4-0'],
      ['XCLAIM', 's', 'g', 'carol', '0', '4-0', 'FORCE'],
      ['XCLAIM', 's', 'g', 'carol', '0', '9-0', 'FORCE'],
      ['XCLAIM', 's', 'g', 'carol', '0', '1-0', '2-0', 'LASTID', '3-0'],
      ['XINFO', 'GROUPS', 's'],
      ['XCLAIM', 's', 'g', 'dave', '0', 'LASTID', '7-0'],
      ['XINFO', 'GROUPS', 's'],
      ['XCLAIM', 's', 'g', 'dave', '0', '1-0', 'LASTID', '5-0'],
      ['XINFO', 'GROUPS', 's'],
      ['XCLAIM', 's', 'g', 'dave', '0', 'JUSTID'],
    ]);
    await timed([['XINFO', 'CONSUMERS', 's', 'g']]);
    await pending([
      ['XPENDING', 's', 'g', '-', '+', '10'],
      ['XCLAIM', 's', 'g', 'erin', '0', '2-0', 'IDLE', '600000', 'JUSTID'],
      ['XCLAIM', 's', 'g', 'erin', '0', '3-0', 'TIME', '1000', 'JUSTID'],
      ['XCLAIM', 's', 'g', 'erin', '0', '4-0', 'TIME', '99999999999999', 'JUSTID'],
      ['XCLAIM', 's', 'g', 'erin', '0', '1-0', 'IDLE', '-5', 'JUSTID'],
      ['XPENDING', 's', 'g', '-', '+', '10'],
      ['XCLAIM', 's', 'g', 'frank', '550000', '1-0', '2-0', '3-0', '4-0', 'JUSTID'],
      ['XPENDING', 's', 'g', '-', '+', '10'],
    ]);
    await batch('xclaim deleted entries', [
      ['XDEL', 's', '2-0'],
      ['XCLAIM', 's', 'g', 'gina', '0', '1-0', '2-0', '3-0'],
      ['XPENDING', 's', 'g'],
      ['XTRIM', 's', 'MAXLEN', '1'],
      ['XCLAIM', 's', 'g', 'gina', '0', '1-0', '3-0', '4-0', 'JUSTID'],
      ['XPENDING', 's', 'g'],
    ]);
    await timed([['XINFO', 'CONSUMERS', 's', 'g']]);
    await batch('xclaim errors', [
      ['XCLAIM', 's', 'g', 'x', 'bad', '1-0'],
      ['XCLAIM', 's', 'g', 'x', '-1', '1-0'],
      ['XCLAIM', 's', 'g', 'x', '0', '1-0', 'IDLE', 'x'],
      ['XCLAIM', 's', 'g', 'x', '0', '1-0', 'TIME', 'x'],
      ['XCLAIM', 's', 'g', 'x', '0', '1-0', 'RETRYCOUNT', 'x'],
      ['XCLAIM', 's', 'g', 'x', '0', '1-0', 'LASTID', 'bad'],
      ['XCLAIM', 's', 'g', 'x', '0', '1-0', 'LASTID', '-'],
      ['XCLAIM', 's', 'g', 'x', '0', '1-0', 'BOGUS'],
      ['XCLAIM', 's', 'g', 'x', '0', '1-0', 'IDLE'],
      ['XCLAIM', 's', 'g', 'x', '0', 'bad', '1-0'],
      ['XCLAIM', 's', 'g', 'x', '0', '-'],
      ['XCLAIM', 's', 'nog', 'x', 'bad', '1-0'],
      ['XCLAIM', 'nokey', 'g', 'x', '0', '1-0'],
      ['SET', 'str', 'v'],
      ['XCLAIM', 'str', 'g', 'x', '0', '1-0'],
      ['XCLAIM', 's', 'g', 'x', '0'],
    ]);
  });

  it('XAUTOCLAIM cursor, COUNT, JUSTID and deleted entries', async () => {
    await resetBoth(d);
    await batch('xautoclaim', [
      ['XADD', 's', '1-0', 'a', '1'],
      ['XADD', 's', '2-0', 'b', '2'],
      ['XADD', 's', '3-0', 'c', '3'],
      ['XADD', 's', '4-0', 'd', '4'],
      ['XADD', 's', '5-0', 'e', '5'],
      ['XGROUP', 'CREATE', 's', 'g', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'alice', 'STREAMS', 's', '>'],
      ['XAUTOCLAIM', 's', 'g', 'bob', '3600000', '0-0'],
      ['XAUTOCLAIM', 's', 'g', 'bob', '0', '0-0', 'COUNT', '2'],
      ['XAUTOCLAIM', 's', 'g', 'bob', '0', '3-0', 'COUNT', '2', 'JUSTID'],
      ['XAUTOCLAIM', 's', 'g', 'bob', '0', '(4-0', 'COUNT', '2'],
      ['XAUTOCLAIM', 's', 'g', 'bob', '0', '-'],
      ['XAUTOCLAIM', 's', 'g', 'carol', '0', '4', 'justid', 'count', '1'],
      ['XDEL', 's', '1-0', '2-0'],
      ['XAUTOCLAIM', 's', 'g', 'dave', '0', '0-0', 'COUNT', '1'],
      ['XAUTOCLAIM', 's', 'g', 'dave', '0', '2-0', 'COUNT', '1'],
      ['XAUTOCLAIM', 's', 'g', 'dave', '0', '3-0', 'COUNT', '1'],
      ['XAUTOCLAIM', 's', 'g', 'dave', '0', '0-0'],
      ['XPENDING', 's', 'g'],
    ]);
    await timed([['XINFO', 'CONSUMERS', 's', 'g']]);
    await batch('xautoclaim trimmed', [
      ['XTRIM', 's', 'MAXLEN', '1'],
      ['XAUTOCLAIM', 's', 'g', 'erin', '0', '0-0', 'JUSTID'],
      ['XPENDING', 's', 'g'],
    ]);
    await batch('xautoclaim attempts', [
      ['XADD', 'big', '1-0', 'f', 'v'],
      ['XADD', 'big', '2-0', 'f', 'v'],
      ['XADD', 'big', '3-0', 'f', 'v'],
      ['XADD', 'big', '4-0', 'f', 'v'],
      ['XGROUP', 'CREATE', 'big', 'g', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'alice', 'STREAMS', 'big', '>'],
      ['XCLAIM', 'big', 'g', 'alice', '0', '4-0', 'IDLE', '900000', 'JUSTID'],
      ['XAUTOCLAIM', 'big', 'g', 'bob', '800000', '0', 'COUNT', '1'],
      ['XAUTOCLAIM', 'big', 'g', 'bob', '800000', '0', 'COUNT', '1', 'JUSTID'],
    ]);
    await batch('xautoclaim errors', [
      ['XAUTOCLAIM', 's', 'g', 'x', '0', '0', 'COUNT', '0'],
      ['XAUTOCLAIM', 's', 'g', 'x', '0', '0', 'COUNT', '-1'],
      ['XAUTOCLAIM', 's', 'g', 'x', '0', '0', 'COUNT', 'x'],
      ['XAUTOCLAIM', 's', 'g', 'x', '0', '0', 'COUNT', '8070450532247928833'],
      ['XAUTOCLAIM', 's', 'g', 'x', '0', '0', 'COUNT', '576460752303423488'],
      ['XAUTOCLAIM', 's', 'g', 'x', '0', '0', 'COUNT'],
      ['XAUTOCLAIM', 's', 'g', 'x', '0', '0', 'FOO'],
      ['XAUTOCLAIM', 's', 'g', 'x', 'bad', '0'],
      ['XAUTOCLAIM', 's', 'g', 'x', '-10', '0', 'JUSTID'],
      ['XAUTOCLAIM', 's', 'g', 'x', '0', 'bad'],
      ['XAUTOCLAIM', 's', 'g', 'x', '0', '(18446744073709551615-18446744073709551615'],
      ['XAUTOCLAIM', 's', 'nog', 'x', '0', '0'],
      ['XAUTOCLAIM', 'nokey', 'g', 'x', '0', '0'],
      ['XAUTOCLAIM', 'nokey', 'g', 'x', '0', '0', 'FOO'],
      ['SET', 'str', 'v'],
      ['XAUTOCLAIM', 'str', 'g', 'x', '0', '0'],
      ['XAUTOCLAIM', 'str', 'g', 'x', '0', 'bad'],
    ]);
  });

  it('XINFO STREAM / GROUPS / CONSUMERS / HELP', async () => {
    await resetBoth(d);
    await batch('xinfo setup', [
      ['XADD', 'x', '100', 'a', '1'],
      ['XADD', 'x', '101', 'b', '1'],
      ['XADD', 'x', '102', 'c', '1'],
      ['XADD', 'x', '103', 'e', '1'],
      ['XADD', 'x', '104', 'f', '1'],
      ['XGROUP', 'CREATE', 'x', 'g1', '0'],
      ['XGROUP', 'CREATE', 'x', 'g2', '0'],
      ['XREADGROUP', 'GROUP', 'g1', 'Alice', 'COUNT', '1', 'STREAMS', 'x', '>'],
      ['XREADGROUP', 'GROUP', 'g1', 'Bob', 'COUNT', '1', 'STREAMS', 'x', '>'],
      ['XREADGROUP', 'GROUP', 'g1', 'Bob', 'NOACK', 'COUNT', '1', 'STREAMS', 'x', '>'],
      ['XREADGROUP', 'GROUP', 'g2', 'Charlie', 'COUNT', '4', 'STREAMS', 'x', '>'],
      ['XDEL', 'x', '103'],
      ['XINFO', 'STREAM', 'x'],
      ['XINFO', 'GROUPS', 'x'],
      ['XINFO', 'stream', 'nokey'],
      ['XINFO', 'GROUPS', 'nokey'],
      ['XINFO', 'CONSUMERS', 'nokey', 'g1'],
      ['XINFO', 'CONSUMERS', 'x', 'nog'],
      ['SET', 'str', 'v'],
      ['XINFO', 'STREAM', 'str'],
      ['XINFO', 'GROUPS', 'str'],
      ['XINFO', 'CONSUMERS', 'str', 'g'],
      ['XINFO', 'STREAM', 'x', 'FOO'],
      ['XINFO', 'STREAM', 'x', 'FULL', 'COUNT'],
      ['XINFO', 'STREAM', 'x', 'FULL', 'FOO', '1'],
      ['XINFO', 'STREAM', 'x', 'FULL', 'COUNT', 'x'],
      ['XINFO', 'STREAM', 'x', 'FULL', 'COUNT', '1', 'x'],
      ['XINFO', 'STREAM', 'nokey', 'FOO'],
      ['XINFO', 'HELP'],
      ['XINFO', 'HELP', 'x'],
      ['XINFO', 'FOO', 'x'],
      ['XINFO', 'GROUPS'],
      ['XINFO', 'GROUPS', 'x', 'y'],
      ['XINFO', 'CONSUMERS', 'x'],
      ['XINFO'],
    ]);
    await timed([
      ['XINFO', 'STREAM', 'x', 'FULL'],
      ['XINFO', 'STREAM', 'x', 'full', 'count', '1'],
      ['XINFO', 'STREAM', 'x', 'FULL', 'COUNT', '0'],
      ['XINFO', 'STREAM', 'x', 'FULL', 'COUNT', '-1'],
      ['XINFO', 'CONSUMERS', 'x', 'g1'],
      ['XINFO', 'CONSUMERS', 'x', 'g2'],
    ]);
    await batch('xinfo empty stream', [
      ['XGROUP', 'CREATE', 'empty', 'g', '$', 'MKSTREAM'],
      ['XINFO', 'STREAM', 'empty'],
      ['XINFO', 'STREAM', 'empty', 'FULL'],
      ['XINFO', 'GROUPS', 'empty'],
      ['XADD', 'plain', '1-1', 'f', 'v'],
      ['XINFO', 'STREAM', 'plain', 'FULL'],
      ['XINFO', 'GROUPS', 'plain'],
    ]);
  });

  it('read counters and lag, as the 7.0 rules give them', async () => {
    await resetBoth(d);
    const lag = (key: string): Cmd => ['XINFO', 'GROUPS', key];
    await batch('lag in empty streams', [
      ['XGROUP', 'CREATE', 'x', 'g1', '0', 'MKSTREAM'],
      lag('x'),
      ['XADD', 'x', '1-0', 'data', 'a'],
      ['XDEL', 'x', '1-0'],
      lag('x'),
      ['XINFO', 'STREAM', 'x'],
    ]);
    await batch('lag sanity', [
      ['DEL', 'x'],
      ['XADD', 'x', '1-0', 'data', 'a'],
      ['XADD', 'x', '2-0', 'data', 'b'],
      ['XADD', 'x', '3-0', 'data', 'c'],
      ['XADD', 'x', '4-0', 'data', 'd'],
      ['XADD', 'x', '5-0', 'data', 'e'],
      ['XGROUP', 'CREATE', 'x', 'g1', '0'],
      lag('x'),
      ['XREADGROUP', 'GROUP', 'g1', 'c11', 'COUNT', '1', 'STREAMS', 'x', '>'],
      lag('x'),
      ['XREADGROUP', 'GROUP', 'g1', 'c12', 'COUNT', '10', 'STREAMS', 'x', '>'],
      lag('x'),
      ['XADD', 'x', '6-0', 'data', 'f'],
      lag('x'),
      ['XGROUP', 'SETID', 'x', 'g1', '3-0'],
      lag('x'),
      ['XGROUP', 'SETID', 'x', 'g1', '3-0', 'ENTRIESREAD', '3'],
      lag('x'),
      ['XGROUP', 'SETID', 'x', 'g1', '$'],
      lag('x'),
      ['XGROUP', 'CREATE', 'x', 'g2', '$', 'ENTRIESREAD', '2'],
      ['XGROUP', 'CREATE', 'x', 'g3', '1-0', 'ENTRIESREAD', '1'],
      ['XGROUP', 'CREATE', 'x', 'g4', '9-0'],
      lag('x'),
    ]);
    await batch('lag with xdels', [
      ['DEL', 'x'],
      ['XADD', 'x', '1-0', 'data', 'a'],
      ['XADD', 'x', '2-0', 'data', 'b'],
      ['XADD', 'x', '3-0', 'data', 'c'],
      ['XADD', 'x', '4-0', 'data', 'd'],
      ['XADD', 'x', '5-0', 'data', 'e'],
      ['XDEL', 'x', '3-0'],
      ['XGROUP', 'CREATE', 'x', 'g1', '0'],
      ['XGROUP', 'CREATE', 'x', 'g2', '0'],
      lag('x'),
      ['XREADGROUP', 'GROUP', 'g1', 'c11', 'COUNT', '1', 'STREAMS', 'x', '>'],
      lag('x'),
      ['XREADGROUP', 'GROUP', 'g1', 'c11', 'COUNT', '1', 'STREAMS', 'x', '>'],
      lag('x'),
      ['XREADGROUP', 'GROUP', 'g1', 'c11', 'COUNT', '1', 'STREAMS', 'x', '>'],
      lag('x'),
      ['XREADGROUP', 'GROUP', 'g1', 'c11', 'COUNT', '1', 'STREAMS', 'x', '>'],
      lag('x'),
      ['XADD', 'x', '6-0', 'data', 'f'],
      lag('x'),
      ['XTRIM', 'x', 'MINID', '=', '3-0'],
      lag('x'),
      ['XTRIM', 'x', 'MINID', '=', '5-0'],
      lag('x'),
      ['XINFO', 'STREAM', 'x'],
    ]);
  });

  it('binary names: NUL bytes end the names in error texts, replies keep every byte', async () => {
    await resetBoth(d);
    const nul = (s: string): Uint8Array =>
      Uint8Array.from([...s].map((ch) => (ch === '~' ? 0 : ch.charCodeAt(0))));
    await batch('binary names', [
      ['XGROUP', 'CREATE', nul('k~1'), nul('g~1'), '$', 'MKSTREAM'],
      ['XGROUP', 'SETID', nul('k~1'), nul('g~2'), '0'],
      ['XREADGROUP', 'GROUP', nul('g~2'), 'c', 'STREAMS', nul('k~1'), '>'],
      ['XPENDING', nul('k~1'), nul('g~2')],
      ['XINFO', 'CONSUMERS', nul('k~1'), nul('g~2')],
      ['XADD', nul('k~1'), '1-0', 'f', 'v'],
      ['XREADGROUP', 'GROUP', nul('g~1'), nul('c~1'), 'STREAMS', nul('k~1'), '>'],
      ['XPENDING', nul('k~1'), nul('g~1')],
      ['XINFO', 'GROUPS', nul('k~1')],
      ['XCLAIM', nul('k~1'), nul('g~1'), nul('c~2'), '0', '1-0', nul('BOGUS~X')],
      ['XCLAIM', nul('k~1'), nul('g~1'), nul('c~2'), '0', '1-0', 'JUSTID'],
      ['XGROUP', 'DELCONSUMER', nul('k~1'), nul('g~1'), nul('c~2')],
    ]);
    await timed([['XINFO', 'CONSUMERS', nul('k~1'), nul('g~1')]]);
  });

  it('RESP3 shapes', async () => {
    await resetBoth(d);
    await d.check(['HELLO', '3'], { project: () => 'hello' });
    await d.checkAll([
      ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'],
      ['XPENDING', 's', 'g'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>'],
      ['XADD', 's', '1-0', 'f', 'v'],
      ['XADD', 's', '2-0', 'f', 'v'],
      ['XGROUP', 'CREATE', 't', 'g', '0', 'MKSTREAM'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', 't', '>', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '0'],
      ['XPENDING', 's', 'g'],
      ['XDEL', 's', '1-0'],
      ['XAUTOCLAIM', 's', 'g', 'd', '0', '0'],
      ['XCLAIM', 's', 'g', 'd', '0', '2-0'],
      ['XINFO', 'STREAM', 's'],
      ['XINFO', 'GROUPS', 's'],
      ['XINFO', 'STREAM', 't'],
      ['XGROUP', 'HELP'],
    ]);
    await timed([
      ['XINFO', 'STREAM', 's', 'FULL'],
      ['XINFO', 'CONSUMERS', 's', 'g'],
    ]);
    await pending([['XPENDING', 's', 'g', '-', '+', '10']]);
    await d.check(['HELLO', '2'], { project: () => 'hello' });
    d.resp = 2;
  });

  it('has no mismatches', () => {
    expect(d.mismatches).toEqual([]);
  });
});
