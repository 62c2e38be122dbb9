import { describe, expect, it } from 'vitest';
import { arr, bulkStr, err, int } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';

describe('CLUSTER', () => {
  it('refuses every subcommand while cluster support is disabled', () => {
    const t = testClient(testNode().node);
    for (const argv of [['KEYSLOT', 'foo'], ['INFO'], ['HELP'], ['ADDSLOTS', '1']])
      expect(t.call('CLUSTER', ...argv)).toEqual(err('ERR This instance has cluster support disabled'));
    expect(t.call('CLUSTER', 'KEYSLOT')).toEqual(
      err("ERR wrong number of arguments for 'cluster|keyslot' command"),
    );
  });

  it('computes slots and finds keys by slot in cluster mode', () => {
    const t = testClient(testNode({ config: { 'cluster-enabled': 'yes' } }).node);
    expect(t.call('CLUSTER', 'KEYSLOT', 'foo')).toEqual(int(12182));
    expect(t.call('CLUSTER', 'KEYSLOT', '{foo}.bar')).toEqual(int(12182));
    t.call('SET', '{foo}a', '1');
    t.call('SET', '{foo}b', '1');
    t.call('SET', 'bar', '1');
    expect(t.call('CLUSTER', 'COUNTKEYSINSLOT', '12182')).toEqual(int(2));
    expect(t.call('CLUSTER', 'GETKEYSINSLOT', '5061', '10')).toEqual(arr([bulkStr('bar')]));
    expect(t.call('CLUSTER', 'COUNTKEYSINSLOT', '16384')).toEqual(err('ERR Invalid slot'));
    expect(t.call('CLUSTER', 'GETKEYSINSLOT', '1', '-1')).toEqual(err('ERR Invalid slot or number of keys'));
    expect(t.call('CLUSTER', 'GETKEYSINSLOT', 'x', '1')).toEqual(
      err('ERR value is not an integer or out of range'),
    );
  });
});
