/*
 * Shared pieces of the AOF differential tests: a node whose PersistPort keeps files in a map (names
 * relative to its dir, like the Node host's), a real redis-server with appendonly yes in a temp dir,
 * and the normalisation that makes two incr files comparable (absolute times and auto stream IDs
 * depend on the moment each server ran the command).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, concatBytes, utf8 } from '../../src/engine/bytes.ts';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import type { PersistPort } from '../../src/engine/ports.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import type { Client } from '../../src/engine/server/client.ts';
import { ServerNode } from '../../src/engine/server/node.ts';
import { realClock } from './harness.ts';
import { type RealRedis, startRedis } from './redis.ts';

export class MemoryFiles {
  readonly files = new Map<string, Uint8Array>();
  readonly port: PersistPort = {
    persist: (n, d) => (this.files.set(n, d.slice()), true),
    append: (n, d) => (this.files.set(n, concatBytes([this.files.get(n) ?? new Uint8Array(0), d])), true),
    sync: () => undefined,
    remove: (n) => void this.files.delete(n),
  };
  text(name: string): string {
    return bin(this.files.get(name) ?? new Uint8Array(0));
  }
  /** appendonlydir's files by bare name, as a host hands them to a node at start. */
  aofFiles(): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const [k, v] of this.files)
      if (k.startsWith('appendonlydir/')) out.set(k.slice('appendonlydir/'.length), v);
    return out;
  }
}

export class OurSide {
  replies: Reply[] = [];
  client: Client;
  constructor(readonly node: ServerNode) {
    this.client = node.connect({ write: (r) => this.replies.push(r), close: () => undefined });
  }
  call(...args: string[]): Reply | undefined {
    const before = this.replies.length;
    this.node.execute(
      this.client,
      args.map((a) => utf8(a)),
    );
    return this.replies.length > before ? this.replies[this.replies.length - 1] : undefined;
  }
}

export function ourNode(
  mem: MemoryFiles,
  config: Record<string, string>,
  aofFiles?: Map<string, Uint8Array>,
): OurSide {
  const node = new ServerNode({
    clock: realClock,
    random: new SeededRandom(11),
    config: { 'enable-debug-command': 'yes', save: '', ...config },
    persist: mem.port,
    aofFiles,
  });
  return new OurSide(node);
}

export async function aofRedis(extra: string[] = []): Promise<{ redis: RealRedis; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'aof-diff-'));
  const redis = await startRedis(['--dir', dir, '--appendonly', 'yes', ...extra]);
  return { redis, dir };
}

export function readRedisFile(dir: string, name: string): string {
  try {
    return readFileSync(join(dir, name)).toString('latin1');
  } catch {
    return '';
  }
}

/**
 * Times and auto IDs made from the clock: 13-digit millisecond values (PXAT/PEXPIREAT arguments,
 * XCLAIM TIME, XADD "*" IDs) become <ms>, "#TS:" annotations' seconds <s>, keeping every length
 * prefix and the rest byte for byte.
 */
export function normalise(aof: string): string {
  return aof.replace(/\b1\d{12}\b/g, '<ms>').replace(/#TS:\d+\r\n/g, '#TS:<s>\r\n');
}
