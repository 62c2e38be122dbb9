/*
 * The COMMAND machinery on Redis's complete table: the real server's COMMAND INFO / DOCS are turned
 * back into specs (command-info-convert.ts), loaded into a node of ours, and then
 *   - COMMAND INFO and COMMAND DOCS of every one of Redis's commands must come back byte-identical
 *     (this checks the legacy first/last/step, the derived movablekeys flag, flag and category order,
 *     and every reply shape, independently of which commands we have implemented);
 *   - COMMAND GETKEYS / GETKEYSANDFLAGS must match on all the test command lines, including the
 *     commands whose key extraction needs Redis's command-specific fallbacks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandCommands } from '../../src/engine/commands/command.ts';
import { NIL, type Reply } from '../../src/engine/resp/reply.ts';
import { ServerNode } from '../../src/engine/server/node.ts';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { testClient, ManualClock, type TestClient } from '../../src/engine/testkit.ts';
import { GETKEYS_CASES, sampleLine } from './command-info-cases.ts';
import { specsFromRedis } from './command-info-convert.ts';
import { mapEntries, shape } from './command-info-shape.ts';
import { replyText, RespConnection, startRedis, type RealRedis } from './redis.ts';

describe('COMMAND on the full Redis table', () => {
  let redis: RealRedis;
  let conn: RespConnection;
  let ours: TestClient;
  let names: string[] = [];
  let sampleLines: string[][] = [];

  beforeAll(async () => {
    redis = await startRedis();
    conn = await RespConnection.open(redis.port);
    const specs = specsFromRedis(
      shape(await conn.call('COMMAND', 'INFO')),
      shape(await conn.call('COMMAND', 'DOCS')),
    );
    const others = specs.filter((s) => s.name !== 'command' && !s.name.startsWith('command|'));
    const containers = new Set(others.filter((s) => s.name.includes('|')).map((s) => s.name.split('|')[0]));
    const handlers = Object.fromEntries(
      others.filter((s) => !containers.has(s.name)).map((s) => [s.name, (): Reply => NIL]),
    );
    const node = new ServerNode({
      clock: new ManualClock(),
      random: new SeededRandom(1),
      families: [{ specs: others, handlers }, commandCommands],
    });
    ours = testClient(node);
    names = specs.map((s) => s.name);
    const leaves = specs.filter((s) => !containers.has(s.name) && s.name.split('|')[0] !== 'command');
    sampleLines = leaves.flatMap((s) =>
      [false, true].map((full) => sampleLine(s.name, s.arguments ?? [], full)),
    );
  });
  afterAll(async () => {
    conn.close();
    await redis.stop();
  });

  async function compare(argv: string[], unordered = false): Promise<string | undefined> {
    const a = replyText(ours.call(...argv), 2, unordered);
    const b = replyText(await conn.call(...argv), 2, unordered);
    return a === b ? undefined : `${argv.join(' ')}\n    ours:  ${a}\n    redis: ${b}`;
  }

  it('answers COMMAND INFO and DOCS exactly like Redis for all of its commands', async () => {
    const bad: string[] = [];
    for (const name of names) {
      // Subcommand lists come in Redis's hash order: compare the container's subcommands unordered
      // through their own entries, and the container itself without them.
      const sub = name.includes('|');
      const info = await compare(['COMMAND', 'INFO', name]);
      // Our own COMMAND family keeps its own summaries; command-info.test.ts checks its other fields.
      const docs = name.split('|')[0] === 'command' ? undefined : await compare(['COMMAND', 'DOCS', name]);
      if (info && (sub || !(await sameApartFromSubcommands(name)))) bad.push(info);
      if (docs && (sub || !(await sameDocsApartFromSubcommands(name)))) bad.push(docs);
    }
    console.log(`[command-info-fulltable] INFO+DOCS: ${names.length - bad.length}/${names.length} identical`);
    expect(bad).toEqual([]);
  });

  async function sameApartFromSubcommands(name: string): Promise<boolean> {
    const strip = (r: Reply): string => {
      const items = (x: Reply | undefined): readonly Reply[] => (x?.t === 'array' ? x.a : []);
      const entry = items(items(r)[0]);
      return replyText({ t: 'array', a: [...entry.slice(0, 9), { t: 'array', a: [] }] });
    };
    return strip(ours.call('COMMAND', 'INFO', name)!) === strip(await conn.call('COMMAND', 'INFO', name));
  }

  async function sameDocsApartFromSubcommands(name: string): Promise<boolean> {
    const strip = (r: Reply): string =>
      JSON.stringify(mapEntries(mapEntries(shape(r))[0]![1]).filter(([k]) => k !== 'subcommands'));
    return strip(ours.call('COMMAND', 'DOCS', name)!) === strip(await conn.call('COMMAND', 'DOCS', name));
  }

  it('extracts the same keys as Redis for every test command line', async () => {
    const bad: string[] = [];
    for (const line of GETKEYS_CASES) {
      for (const sub of ['GETKEYS', 'GETKEYSANDFLAGS']) {
        const diff = await compare(['COMMAND', sub, ...line]);
        if (diff) bad.push(diff);
      }
    }
    const total = GETKEYS_CASES.length * 2;
    console.log(`[command-info-fulltable] GETKEYS: ${total - bad.length}/${total} identical`);
    expect(bad).toEqual([]);
  });

  it('extracts the same keys as Redis on sample lines of every command', async () => {
    const bad: string[] = [];
    for (const line of sampleLines) {
      for (const sub of ['GETKEYS', 'GETKEYSANDFLAGS']) {
        const diff = await compare(['COMMAND', sub, ...line]);
        if (diff) bad.push(diff);
      }
    }
    const total = sampleLines.length * 2;
    console.log(`[command-info-fulltable] GETKEYS on sample lines: ${total - bad.length}/${total} identical`);
    expect(bad).toEqual([]);
  });

  it('counts and lists the same commands', async () => {
    expect(await compare(['COMMAND', 'COUNT'])).toBeUndefined();
    expect(await compare(['COMMAND', 'LIST'], true)).toBeUndefined();
    for (const cat of ['keyspace', 'read', 'write', 'dangerous', 'scripting', 'blocking', 'pubsub', 'SLOW']) {
      expect(await compare(['COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', cat], true)).toBeUndefined();
    }
    expect(await compare(['COMMAND', 'LIST', 'FILTERBY', 'PATTERN', '*e?[a-m]*'], true)).toBeUndefined();
  });
});
