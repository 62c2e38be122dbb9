/*
 * Protocol limits that apply only before authentication (requirepass set): multibulk counts above 10
 * and bulk lengths above 16384 are protocol errors until AUTH succeeds, even later in the same chunk.
 * Compared byte for byte with a real redis-server started with the same password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RealRedis } from '../diff/redis.ts';
import { exchange, useOurServer } from './helpers.ts';

const ours = useOurServer({ requirepass: 'secret' });
let real: RealRedis;
beforeAll(async () => {
  real = await startRedis(['--requirepass', 'secret']);
});
afterAll(async () => {
  await real?.stop();
});

const echo11 = '*11\r\n$4\r\nECHO\r\n' + '$1\r\na\r\n'.repeat(10);
const long = 'y'.repeat(16_385);
const bigBulk = `*2\r\n$4\r\nECHO\r\n$${long.length}\r\n${long}\r\n`;

const CASES: [string, string[]][] = [
  ['count above 10 before AUTH', [echo11]],
  ['count of 10 before AUTH', ['*10\r\n$4\r\nECHO\r\n' + '$1\r\na\r\n'.repeat(9)]],
  ['bulk above 16384 before AUTH', [bigBulk]],
  ['bulk of 16384 before AUTH', [`*2\r\n$4\r\nECHO\r\n$16384\r\n${'z'.repeat(16_384)}\r\n`]],
  ['AUTH then large requests in the same chunk', ['AUTH secret\r\n' + echo11 + bigBulk]],
  ['wrong AUTH keeps the limits', ['AUTH nope\r\n' + echo11]],
  ['NOAUTH for ordinary commands', ['PING\r\nGET k\r\n']],
];

describe('unauthenticated protocol limits match redis-server', () => {
  it.each(CASES)('%s', async (_label, chunks) => {
    const [a, b] = await Promise.all([exchange(ours.port, chunks), exchange(real.port, chunks)]);
    expect(JSON.stringify(a.received)).toBe(JSON.stringify(b.received));
    expect(a.closed).toBe(b.closed);
  });
});
