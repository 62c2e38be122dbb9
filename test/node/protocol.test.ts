/*
 * Malformed and unusual input, byte for byte against a real redis-server: every case is sent to both
 * servers over a fresh connection and the full byte stream received, plus whether the server closed
 * the connection, must be identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RespConnection, startRedis, type RealRedis } from '../diff/redis.ts';
import { exchange, useOurServer } from './helpers.ts';

const ours = useOurServer();
let real: RealRedis;
beforeAll(async () => {
  real = await startRedis();
});
afterAll(async () => {
  await real?.stop();
});

const big = 'x'.repeat(100_000);
const pipeline1000 = Array.from({ length: 500 }, (_, i) =>
  i % 2
    ? `*3\r\n$3\r\nSET\r\n$4\r\np${String(i).padStart(3, '0')}\r\n$1\r\n${i % 10}\r\n`
    : `GET p${i - 1}\r\n`,
).join('');

/** [label, chunks sent with a pause between them]. */
const CASES: [string, string[]][] = [
  ['inline ping', ['PING\r\n']],
  ['multibulk ping', ['*1\r\n$4\r\nPING\r\n']],
  ['pipelined mix', ['PING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\nECHO there\r\nping\n']],
  ['split across chunks', ['*2\r\n$4\r\nEC', 'HO\r\n$3\r\nabc', '\r', '\n']],
  ['incomplete request waits', ['*2\r\n$4\r\nECHO\r\n']],
  ['empty requests skipped', ['\r\n\r\n   \r\n*0\r\n*-1\r\nPING\r\n']],
  ['LF-only and padded inline', ['ECHO a\nECHO b\r\n   PING   \r\n']],
  ['inline quoting', ["SET q1 \"a\\x00b\\n\" \r\nGET q1\r\nSET q2 'it\\'s'\r\nGET q2\r\n"]],
  ['unbalanced double quote', ['SET "a\r\nPING\r\n']],
  ['closing quote followed by a char', ['"PING"x\r\n']],
  ['unbalanced single quote', ["ECHO 'abc\r\n"]],
  ['invalid multibulk length', ['*x\r\nPING\r\n']],
  ['empty multibulk length', ['*\r\n']],
  ['multibulk length over INT_MAX', ['*2147483648\r\n']],
  ['expected $', ['*1\r\nx\r\n']],
  ['expected $, got CR', ['*1\r\n\r\r\n']],
  ['negative bulk length', ['*1\r\n$-1\r\n']],
  ['non-numeric bulk length', ['*1\r\n$abc\r\n']],
  ['bulk length over proto-max-bulk-len', ['*1\r\n$536870913\r\n']],
  ['bulk length with plus sign', ['*1\r\n$+4\r\nPING\r\n']],
  ['too big inline request', ['x'.repeat(70_000)]],
  ['inline line of 70000 bytes', [`ECHO ${'a'.repeat(70_000)}\r\n`]],
  ['inline line of 100000 bytes', [`ECHO ${'a'.repeat(100_000)}\r\n`]],
  ['too big mbulk count string', ['*' + '1'.repeat(70_000)]],
  ['too big bulk count string', ['*1\r\n$' + '1'.repeat(70_000)]],
  ['commands before an error run', ['PING\r\n*1\r\nx\r\nPING\r\n']],
  ['error in a later chunk', ['PING\r\n', '*1\r\n$x\r\n', 'PING\r\n']],
  ['NUL before the line end waits', ['PI\x00NG\r\nPING\r\n']],
  ['NUL at the start waits', ['\x00\r\n']],
  ['unchecked CRLF bytes', ['*1\rX$4\rYPINGzz']],
  [
    'big argument',
    [`*3\r\n$3\r\nSET\r\n$2\r\nbg\r\n$${big.length}\r\n${big}\r\n*2\r\n$3\r\nGET\r\n$2\r\nbg\r\n`],
  ],
  [
    'big argument in pieces',
    [`*2\r\n$4\r\nECHO\r\n$${big.length}\r\n`, big.slice(0, 50_000), big.slice(50_000) + '\r', '\nPING\r\n'],
  ],
  ['1000 pipelined commands in two chunks', [pipeline1000, pipeline1000]],
  ['QUIT closes after its reply', ['PING\r\nQUIT\r\nPING\r\n']],
  ['unknown command and arity errors', ['FOO bar\r\nGET\r\n*1\r\n$3\r\nGET\r\n']],
];

describe('protocol handling matches redis-server', () => {
  let matched = 0;
  afterAll(() => console.log(`[differential] protocol: ${matched}/${CASES.length} cases byte-identical`));
  it.each(CASES)('%s', async (_label, chunks) => {
    const [a, b] = await Promise.all([exchange(ours.port, chunks), exchange(real.port, chunks)]);
    expect(JSON.stringify(a.received)).toBe(JSON.stringify(b.received));
    expect(a.closed).toBe(b.closed);
    matched++;
  });
});

describe('limits changed with CONFIG SET match redis-server', () => {
  async function configSet(port: number, name: string, value: string): Promise<void> {
    const c = await RespConnection.open(port);
    expect(await c.call('CONFIG', 'SET', name, value)).toEqual({ t: 'simple', s: 'OK' });
    c.close();
  }
  async function both(name: string, value: string): Promise<void> {
    await configSet(ours.port, name, value);
    await configSet(real.port, name, value);
  }

  it('proto-max-bulk-len', async () => {
    await both('proto-max-bulk-len', '1mb');
    try {
      for (const len of [1_048_576, 1_048_577]) {
        const chunks = [`*2\r\n$4\r\nECHO\r\n$${len}\r\n`];
        const [a, b] = await Promise.all([exchange(ours.port, chunks), exchange(real.port, chunks)]);
        expect(a).toEqual(b);
      }
    } finally {
      await both('proto-max-bulk-len', '512mb');
    }
  });

  it('maxclients rejects extra connections with an error line', async () => {
    const held = await Promise.all([RespConnection.open(ours.port), RespConnection.open(real.port)]);
    await both('maxclients', '1');
    try {
      const [a, b] = await Promise.all([
        exchange(ours.port, ['PING\r\n']),
        exchange(real.port, ['PING\r\n']),
      ]);
      expect(a).toEqual(b);
      expect(a).toEqual({ received: '-ERR max number of clients reached\r\n', closed: true });
    } finally {
      await held[0].call('CONFIG', 'SET', 'maxclients', '10000');
      await held[1].call('CONFIG', 'SET', 'maxclients', '10000');
      for (const c of held) c.close();
    }
  });

  it('client-query-buffer-limit closes the connection without a reply', async () => {
    await both('client-query-buffer-limit', '1mb');
    try {
      // No reply precedes the close: the reset that unread input causes could overtake it.
      const chunks = ['*2\r\n$4\r\nECHO\r\n$3000000\r\n', 'q'.repeat(1_200_000)];
      const [a, b] = await Promise.all([exchange(ours.port, chunks), exchange(real.port, chunks)]);
      expect(a).toEqual(b);
      expect(a).toEqual({ received: '', closed: true });
    } finally {
      await both('client-query-buffer-limit', '1gb');
    }
  });
});
