/*
 * A contract across layers, so it lives outside src/ (the UI may not import the simulation): every bot
 * preset the Bots panel offers passes the validation the worker's fleet applies to incoming specs.
 */
import { describe, expect, it } from 'vitest';
import { validateBotSpec } from '../src/sim/bots/spec.ts';
import { BOT_PRESETS } from '../src/ui/bots/presets.ts';

describe('bot presets', () => {
  it('are all specs the fleet accepts unchanged', () => {
    for (const p of BOT_PRESETS) expect(validateBotSpec(p.spec)).toEqual(p.spec);
  });
});
