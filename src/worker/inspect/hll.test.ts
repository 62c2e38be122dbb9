import { describe, expect, it } from 'vitest';
import type { KeyInspection } from '../../protocol/inspect.ts';
import { startedHost } from '../testenv.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('HyperLogLog picture', () => {
  it('decodes sparse registers, then the same registers once PFADD goes dense', () => {
    const { req } = startedHost(5);
    const c = req({ type: 'connect' });
    const clientId = c.type === 'connected' ? c.state.clientId : -1;
    const run = (...a: string[]) => req({ type: 'command', clientId, argv: a.map(enc) });
    const inspect = () =>
      (req({ type: 'inspectKey', query: { db: 0, key: 'h' } }) as { inspection: KeyInspection }).inspection;
    const setRegisters = (regs: string) => [...regs].filter((ch) => ch !== '\0').length;
    run('PFADD', 'h', 'a', 'b', 'c');
    const sparse = inspect().picture;
    if (sparse?.kind !== 'hll') throw new Error(String(sparse?.kind));
    expect(sparse.representation).toBe('sparse');
    expect(sparse.registers).toHaveLength(16384);
    expect(setRegisters(sparse.registers)).toBe(3);
    run('CONFIG', 'SET', 'hll-sparse-max-bytes', '0');
    run('PFADD', 'h', 'd');
    const dense = inspect().picture;
    if (dense?.kind !== 'hll') throw new Error(String(dense?.kind));
    expect(dense.representation).toBe('dense');
    expect(dense.opcodes).toBeNull();
    expect(setRegisters(dense.registers)).toBe(4);
    for (let i = 0; i < 16384; i++)
      if (sparse.registers.charCodeAt(i) !== 0) expect(dense.registers.charCodeAt(i)).toBeGreaterThan(0);
  });
});
