import { expect, it } from 'vitest';
import { registerReplayTarget, replayTarget } from './replay-targets.ts';

const target = { typeLine: async () => {}, typeInterrupt: async () => {} };

it('hands out a tab console now or once it registers', async () => {
  const later = replayTarget(7);
  const unregister = registerReplayTarget(7, target);
  expect(await later).toBe(target);
  expect(await replayTarget(7)).toBe(target);
  unregister();
  let resolved = false;
  void replayTarget(7).then(() => (resolved = true));
  await Promise.resolve();
  expect(resolved).toBe(false);
  registerReplayTarget(7, target)();
  await Promise.resolve();
  expect(resolved).toBe(true);
});
