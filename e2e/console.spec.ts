/*
 * The console in a real browser, against the built site: type like a user, read the terminal buffer
 * (window.__consoleLines) and expect what redis-cli would print.
 */
import { expect, test } from '@playwright/test';
import { PROMPT, lines, expectLastLine, open, run } from './console-helpers.ts';

test('loads without console errors and shows the server address', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page);
  await expect(page.getByTestId('server-address')).toContainText('127.0.0.1:6379');
  await expect(page).toHaveTitle(/Redis Playground/);
  expect(errors).toEqual([]);
});

test('prints replies the way redis-cli does', async ({ page }) => {
  await open(page);
  expect(await run(page, 'set n 41')).toContain('OK');
  expect(await run(page, 'incr n')).toContain('(integer) 42');
  expect(await run(page, 'get nosuchkey')).toContain('(nil)');
  expect(await run(page, 'incr')).toContain("(error) ERR wrong number of arguments for 'incr' command");
  expect(await run(page, 'set v "hello world \\x00\\xff"')).toContain('OK');
  expect(await run(page, 'get v')).toContain('"hello world \\x00\\xff"');
  expect(await run(page, 'get "unbalanced')).toContain('Invalid argument(s)');
  // RESP2 scores arrive as bulk strings, as redis-cli shows them (not as RESP3 doubles).
  await run(page, 'zadd lb 10 ann 2.5 bob');
  expect(await run(page, 'zrange lb 0 -1 withscores')).toEqual(
    expect.arrayContaining(['1) "bob"', '2) "2.5"', '3) "ann"', '4) "10"']),
  );
});

test('renders a nested array from EXEC and shows (TX) while in MULTI', async ({ page }) => {
  await open(page);
  await run(page, 'mset a 1 b 2');
  await run(page, 'multi', 0, '127.0.0.1:6379(TX)>');
  await run(page, 'mget a b', 0, '127.0.0.1:6379(TX)>');
  await run(page, 'get a', 0, '127.0.0.1:6379(TX)>');
  const out = await run(page, 'exec');
  expect(out.slice(0, 3)).toEqual(['1) 1) "1"', '   2) "2"', '2) "1"']);
});

test('two tabs keep separate connections and databases', async ({ page }) => {
  await open(page);
  await run(page, 'select 2', 0, '127.0.0.1:6379[2]>');
  await run(page, 'set where first', 0, '127.0.0.1:6379[2]>');
  await page.getByTestId('add-tab').click();
  await expectLastLine(page, PROMPT, 1);
  await run(page, 'set where second', 1);
  expect(await run(page, 'get where', 1)).toContain('"second"');
  await page.getByTestId('tab').first().click();
  expect(await run(page, 'get where', 0, '127.0.0.1:6379[2]>')).toContain('"first"');
  await expect(page.getByTestId('tab').first()).toContainText('db2');
});

test('history survives a reload', async ({ page }) => {
  await open(page);
  await run(page, 'echo "remember me"');
  await page.reload();
  await expectLastLine(page, PROMPT);
  await page.keyboard.press('ArrowUp');
  await expectLastLine(page, `${PROMPT} echo "remember me"`);
});

test('quit disconnects the tab; the next command reconnects', async ({ page }) => {
  await open(page);
  await run(page, 'quit', 0, 'not connected>');
  await expect(page.getByTestId('tab').first()).toContainText('off');
  expect(await run(page, 'ping')).toContain('PONG');
});

test('help describes a command', async ({ page }) => {
  await open(page);
  const out = await run(page, 'help set');
  expect(out.some((l) => l.startsWith('  SET key value'))).toBe(true);
  expect(out.some((l) => l.startsWith('  group: string'))).toBe(true);
});

test('tabs can be renamed and closed', async ({ page }) => {
  await open(page);
  await page.getByTestId('add-tab').click();
  await expectLastLine(page, PROMPT, 1);
  await page.getByTestId('tab').nth(1).dblclick();
  await page.getByLabel('Console name').fill('writer');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tab').nth(1)).toHaveText('writer');
  await page.getByTestId('close-tab').nth(1).click();
  await expect(page.getByTestId('tab')).toHaveCount(1);
});

test('TAB completes command names and hints show arguments', async ({ page }) => {
  await open(page);
  await page.keyboard.type('getra');
  await page.keyboard.press('Tab');
  await expectLastLine(page, `${PROMPT} GETRANGE key start end`);
  await page.keyboard.type(' k');
  await expectLastLine(page, `${PROMPT} GETRANGE k start end`);
});

/** Hints captured from redis-cli 7.0.15 (linenoise, in a pty) after typing each line. */
const REDIS_CLI_HINTS: [string, string][] = [
  [
    'set k',
    ' value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]',
  ],
  [
    'set k v ',
    '[NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]',
  ],
  ['getrange', ' key start end'],
  ['client list ', '[TYPE NORMAL|MASTER|REPLICA|PUBSUB] [ID client-id [client-id ...]]'],
  ['zadd z ', '[NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]'],
  ['xadd s', ' [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value [field value ...]'],
  ['config set ', 'parameter value [parameter value ...]'],
  ['hset h f', ' value [field value ...]'],
  [
    'set k v ex',
    ' [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]',
  ],
  [
    'client kill ',
    'ip:port|[ID client-id]|[TYPE NORMAL|MASTER|SLAVE|REPLICA|PUBSUB]|[USER username]|[ADDR ip:port]|[LADDR ip:port]|[SKIPME yes/no] [[ID client-id]|[TYPE NORMAL|MASTER|SLAVE|REPLICA|PUBSUB]|[USER username]|[ADDR ip:port]|[LADD',
  ],
  ['expire k 1', ' [NX|XX|GT|LT]'],
  ['incrbyfloat', ' key increment'],
  ['object encoding k', ' '],
];

test('argument hints match redis-cli for the commands we serve', async ({ page }) => {
  await open(page);
  const names = await page.evaluate(async () =>
    (await window.__playground!.commandDocs()).map((d) => d.name),
  );
  let checked = 0;
  for (const [line, hint] of REDIS_CLI_HINTS) {
    const words = line.trim().toUpperCase().split(/ +/);
    if (!names.includes(words[0]!) && !names.includes(words.slice(0, 2).join(' '))) continue;
    await page.keyboard.type(line);
    const expected = `${PROMPT} ${line}${hint}`;
    await expect
      .poll(async () => {
        const shown = (await lines(page)).at(-1) ?? '';
        return (
          expected.startsWith(shown.trimEnd()) &&
          shown.trimEnd().length >= Math.min(expected.trimEnd().length, 80)
        );
      })
      .toBe(true);
    await page.keyboard.press('Control+U');
    checked++;
  }
  expect(checked).toBeGreaterThan(4);
});

test('fits a 360 px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await open(page);
  expect(await run(page, 'echo "a fairly long value that wraps on a phone screen"')).toContain(
    '"a fairly long value that wraps on a phone screen"',
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('add-tab')).toBeInViewport();
});

test('a subscribed tab prints messages as they arrive until Ctrl-C', async ({ page }) => {
  await open(page);
  await page.keyboard.type('subscribe news');
  await page.keyboard.press('Enter');
  await expectLastLine(page, '3) (integer) 1');
  expect((await lines(page)).at(-4)).toBe('Reading messages... (press Ctrl-C to quit)');
  await page.getByTestId('add-tab').click();
  await expectLastLine(page, PROMPT, 1);
  expect(await run(page, 'publish news "hello there"', 1)).toContain('(integer) 1');
  await page.getByTestId('tab').first().click();
  await expectLastLine(page, '3) "hello there"');
  await page.keyboard.press('Control+C');
  await expectLastLine(page, PROMPT);
  expect(await run(page, 'ping')).toContain('PONG');
});

test('a command held by CLIENT PAUSE gets its reply once another tab unpauses', async ({ page }) => {
  await open(page);
  await page.getByTestId('add-tab').click();
  await expectLastLine(page, PROMPT, 1);
  expect(await run(page, 'client pause 600000 write', 1)).toContain('OK');
  await page.getByTestId('tab').first().click();
  await page.keyboard.type('set held 1');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await lines(page)).at(-1)).toBe('127.0.0.1:6379> set held 1');
  // Hold it for longer than redis-cli's 0.5 s threshold, so the elapsed-time line is always printed.
  await page.waitForTimeout(800);
  await page.getByTestId('tab').nth(1).click();
  expect(await run(page, 'client unpause', 1)).toContain('OK');
  await page.getByTestId('tab').first().click();
  await expectLastLine(page, PROMPT);
  // The reply came after more than half a second, so redis-cli's elapsed-time line follows it.
  expect((await lines(page)).slice(-4, -1)).toEqual([
    '127.0.0.1:6379> set held 1',
    'OK',
    expect.stringMatching(/^\(\d+\.\d\ds\)$/),
  ]);
});
