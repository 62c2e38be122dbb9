import { describe, expect, it } from 'vitest';
import type { KeyInspection } from '../../protocol/inspect.ts';
import { startedHost } from '../testenv.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('cell pictures of big values', () => {
  it('window a long list to `limit` cells over its first nodes, with the true node count', () => {
    const { req } = startedHost(9);
    const c = req({ type: 'connect' });
    const clientId = c.type === 'connected' ? c.state.clientId : -1;
    const run = (...a: string[]) => req({ type: 'command', clientId, argv: a.map(enc) });
    run('CONFIG', 'SET', 'list-max-listpack-size', '10');
    run('RPUSH', 'l', ...Array.from({ length: 1000 }, (_, i) => String(i)));
    run('SADD', 's', ...Array.from({ length: 1000 }, (_, i) => `m${i}`));
    const inspect = (key: string) =>
      (req({ type: 'inspectKey', query: { db: 0, key, limit: 25 } }) as { inspection: KeyInspection })
        .inspection.picture;
    const list = inspect('l');
    if (list?.kind !== 'cells') throw new Error(String(list?.kind));
    expect(list.groupCount).toBe(100);
    expect(list.groups.map((g) => g.cells.length)).toEqual([10, 10, 5]);
    expect(list.groups.map((g) => g.size)).toEqual([10, 10, 10]);
    const set = inspect('s');
    if (set?.kind !== 'cells') throw new Error(String(set?.kind));
    expect(set.layout).toBe('set-hashtable');
    expect(set.groups[0]!.size).toBe(1000);
    expect(set.groups[0]!.cells).toHaveLength(25);
  });
});
