/*
 * Scripts in the browser: an endless script in one tab, BUSY and SCRIPT KILL from another tab, and
 * both tabs carry on (issue #7's browser test). Also plain EVAL output as redis-cli prints it.
 */
import { expect, test } from '@playwright/test';
import { expectLastLine, lines, open, PROMPT, run } from './console-helpers';

test('an endless script is killed from another tab; both tabs carry on', async ({ page }) => {
  // The script keeps the worker's core busy by design (as Redis's main thread): allow slow machines.
  test.setTimeout(90_000);
  await open(page);
  expect(await run(page, 'config set busy-reply-threshold 300')).toContain('OK');
  await page.keyboard.type('eval "while true do end" 0');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await lines(page)).at(-1)).toBe(`${PROMPT} eval "while true do end" 0`);
  await page.getByTestId('add-tab').click();
  await expectLastLine(page, PROMPT, 1);
  await page.waitForTimeout(400);
  expect(await run(page, 'get k', 1)).toContain(
    '(error) BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.',
  );
  expect(await run(page, 'script kill', 1)).toContain('OK');
  await page.getByTestId('tab').first().click();
  await expectLastLine(page, PROMPT);
  // The error, then redis-cli's elapsed-time line (the script ran for more than half a second).
  const out = await lines(page);
  expect(out.slice(-3, -1)).toEqual([
    expect.stringMatching(
      /^\(error\) ERR Script killed by user with SCRIPT KILL\.\.\. script: [0-9a-f]{40}, on @user_script:1\.$/,
    ),
    expect.stringMatching(/^\(\d+\.\d\ds\)$/),
  ]);
  const printed = await run(page, 'eval "return {1, 2, \'three\'}" 0');
  expect(printed.slice(0, 3)).toEqual(['1) (integer) 1', '2) (integer) 2', '3) "three"']);
  await page.getByTestId('tab').nth(1).click();
  expect(await run(page, 'ping', 1)).toContain('PONG');
});
