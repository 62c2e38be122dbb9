import { describe, expect, it } from 'vitest';
import { scriptingCode } from '../../scripting/late-bound.ts';
import '../../scripting/install-static.ts';
import { scriptingCommands, scriptingHandlerNames } from './index.ts';

describe('scripting family bound late', () => {
  it('forwards exactly the handlers the scripting code has', () => {
    const real = Object.keys(scriptingCode().handlers).sort();
    expect(scriptingHandlerNames().sort()).toEqual(real);
    expect(Object.keys(scriptingCommands.handlers).sort()).toEqual(real);
  });
});
