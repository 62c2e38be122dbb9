/*
 * The console's argument hints against redis-cli itself: for every command and subcommand of Redis 7.0,
 * take the arguments from the real server's COMMAND DOCS, render them with our argumentsHint(), and
 * compare with what `redis-cli help <command>` prints. This checks the hint grammar on all ~370 real
 * argument trees, independently of how complete our own specs are.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argumentsHint } from '../../src/engine/commands/docs.ts';
import type { ArgSpec, ArgType } from '../../src/engine/commands/types.ts';
import { mapEntries, shape, type Shape } from './command-info-shape.ts';
import { RespConnection, startRedis, type RealRedis } from './redis.ts';

/** A COMMAND DOCS argument map as one of our ArgSpecs. */
function toArgSpec(m: Shape): ArgSpec {
  const f = Object.fromEntries(mapEntries(m));
  const flags = (f.flags as string[] | undefined) ?? [];
  const a: ArgSpec = { name: String(f.name), type: String(f.type) as ArgType };
  if (f.token !== undefined) a.token = String(f.token);
  if (flags.includes('+optional')) a.optional = true;
  if (flags.includes('+multiple')) a.multiple = true;
  if (flags.includes('+multiple_token')) a.multipleToken = true;
  if (f.arguments !== undefined) a.arguments = (f.arguments as Shape[]).map(toArgSpec);
  return a;
}

/** Name -> hint as redis-cli prints them in `help <words>`. */
function cliHints(port: number, words: string[]): Map<string, string> {
  const out = execFileSync('redis-cli', ['-p', String(port), 'help', ...words], { encoding: 'latin1' });
  const hints = new Map<string, string>();
  // Each entry's first line: ESC[1m name ESC[0m ESC[90m hint ESC[0m (escapes replaced to keep the regex plain).
  // latin1 text never holds U+FFFF, so it can stand in for ESC.
  const plain = out.replaceAll('\u001b', '\uffff');
  for (const m of plain.matchAll(/\uffff\[1m(.*?)\uffff\[0m \uffff\[90m(.*?)\uffff\[0m/g))
    hints.set(m[1]!, m[2]!);
  return hints;
}

describe('argument hints vs redis-cli help', () => {
  let redis: RealRedis;
  let conn: RespConnection;
  beforeAll(async () => {
    redis = await startRedis();
    conn = await RespConnection.open(redis.port);
  });
  afterAll(async () => {
    conn.close();
    await redis.stop();
  });

  it('renders every Redis command the way redis-cli does', async () => {
    const docs = mapEntries(shape(await conn.call('COMMAND', 'DOCS')));
    const entries: [string, Shape][] = [];
    for (const [name, d] of docs) {
      entries.push([name, d]);
      const subs = mapEntries(d).find(([k]) => k === 'subcommands')?.[1];
      if (subs !== undefined) entries.push(...mapEntries(subs));
    }
    // One `help @group` per group prints every entry of the group (subcommands included).
    const groups = new Set(entries.map(([, d]) => String(mapEntries(d).find(([k]) => k === 'group')?.[1])));
    const cli = new Map<string, string>();
    for (const g of groups) for (const [k, v] of cliHints(redis.port, [`@${g}`])) cli.set(k, v);
    const mismatches: string[] = [];
    for (const [name, d] of entries) {
      const args = mapEntries(d).find(([k]) => k === 'arguments')?.[1] as Shape[] | undefined;
      const ours = argumentsHint((args ?? []).map(toArgSpec));
      const shown = name.toUpperCase().replace('|', ' ');
      const theirs = cli.get(shown);
      if (ours !== theirs)
        mismatches.push(`${shown}: ours ${JSON.stringify(ours)} redis-cli ${JSON.stringify(theirs)}`);
    }
    console.log(
      `[command-info-hints] ${entries.length - mismatches.length}/${entries.length} hints identical`,
    );
    expect(mismatches).toEqual([]);
  }, 120_000);
});
