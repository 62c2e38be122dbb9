/*
 * The built site keeps working offline after the first visit (build/offline.ts's service worker).
 */
import { expect, test } from '@playwright/test';
import { expectLastLine, open, PROMPT, run } from './console-helpers';

test('opens and runs commands offline after the first visit', async ({ page, context }) => {
  await open(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await expectLastLine(page, PROMPT);
  expect(await run(page, 'set offline yes')).toContain('OK');
  expect(await run(page, 'get offline')).toContain('"yes"');
});
