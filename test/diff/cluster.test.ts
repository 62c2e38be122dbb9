/*
 * CLUSTER on a node started without cluster support (redis-server's default): every subcommand's
 * reply and error, arity errors, unknown subcommands, and COMMAND INFO / COUNT with the container.
 */
import { describe, expect, it } from 'vitest';
import { useDifferential } from './harness.ts';

describe('CLUSTER vs redis-server (cluster support disabled)', () => {
  const d = useDifferential('cluster');

  it('answers like Redis for each subcommand', async () => {
    // The reference server may still answer LOADING right after its start.
    await d.check(['FLUSHALL']).catch(() => undefined);
    await d.checkAll([
      ['CLUSTER', 'KEYSLOT', 'foo'],
      ['CLUSTER', 'KEYSLOT', '{user}.a'],
      ['CLUSTER', 'KEYSLOT'],
      ['CLUSTER', 'KEYSLOT', 'a', 'b'],
      ['CLUSTER'],
      ['CLUSTER', 'HELP'],
      ['CLUSTER', 'FOO'],
      ['CLUSTER', 'INFO'],
      ['CLUSTER', 'INFO', 'x'],
      ['CLUSTER', 'NODES'],
      ['CLUSTER', 'SLOTS'],
      ['CLUSTER', 'SHARDS'],
      ['CLUSTER', 'MYID'],
      ['CLUSTER', 'LINKS'],
      ['CLUSTER', 'COUNTKEYSINSLOT', '1'],
      ['CLUSTER', 'COUNTKEYSINSLOT', 'x'],
      ['CLUSTER', 'GETKEYSINSLOT', '1', '2'],
      ['CLUSTER', 'ADDSLOTS', '1', '2'],
      ['CLUSTER', 'ADDSLOTSRANGE', '1', '2'],
      ['CLUSTER', 'ADDSLOTSRANGE', '1'],
      ['CLUSTER', 'SETSLOT', '1', 'STABLE'],
      ['CLUSTER', 'RESET'],
      ['CLUSTER', 'MEET', '127.0.0.1', '7000'],
      ['CLUSTER', 'FAILOVER', 'FORCE'],
      ['CLUSTER', 'REPLICAS', 'abc'],
      ['CLUSTER', 'SLAVES', 'abc'],
      ['CLUSTER', 'BUMPEPOCH'],
      ['CLUSTER', 'SAVECONFIG'],
      ['CLUSTER', 'FLUSHSLOTS'],
      ['CLUSTER', 'FORGET', 'abc'],
      ['CLUSTER', 'SET-CONFIG-EPOCH', '1'],
      ['CLUSTER', 'COUNT-FAILURE-REPORTS', 'abc'],
      ['CLUSTER', 'DELSLOTS', '1'],
      ['CLUSTER', 'DELSLOTSRANGE', '1', '2'],
      ['CLUSTER', 'REPLICATE', 'abc'],
      ['COMMAND', 'INFO', 'cluster|keyslot', 'cluster|getkeysinslot', 'cluster|reset'],
      ['COMMAND', 'GETKEYS', 'CLUSTER', 'KEYSLOT', 'foo'],
    ]);
    expect(d.mismatches.filter((m) => !m.startsWith('FLUSHALL'))).toEqual([]);
  });
});
