import { describe, expect, it } from 'vitest';
import type { PersistState } from '../../client/persist.ts';
import { facts, formatBytes, roleBanner } from './view.ts';

function state(over: Partial<PersistState> = {}): PersistState {
  return {
    role: 'writer',
    stopped: false,
    startupMode: 'rdb',
    appendonly: false,
    appendfsync: 'everysec',
    savePoints: '3600 1 300 100 60 10000',
    info: {
      rdb_changes_since_last_save: '3',
      rdb_bgsave_in_progress: '0',
      rdb_last_save_time: '1750000000',
      rdb_last_bgsave_status: 'ok',
    },
    files: [],
    pendingWrites: 0,
    storageError: null,
    loadError: null,
    writerChanged: false,
    ...over,
  };
}

describe('persistence panel wording', () => {
  it('says which tab owns the saved data', () => {
    expect(roleBanner(state()).tone).toBe('ok');
    expect(roleBanner(state({ role: 'follower' })).text).toMatch(/^Read-only tab: another tab owns/);
    expect(roleBanner(state({ role: 'follower', writerChanged: true })).text).toMatch(/Restart to load/);
    expect(roleBanner(state({ role: 'memory' })).tone).toBe('off');
  });

  it('turns INFO persistence into facts', () => {
    expect(facts(state()).map((f) => [f.id, f.value])).toEqual([
      ['last-save', '15:06:40 UTC'],
      ['changes', '3'],
      ['bgsave', 'idle (last: ok)'],
      ['aof', 'off'],
    ]);
    const aof = state({ appendonly: true, appendfsync: 'always' });
    aof.info = {
      ...aof.info,
      aof_current_size: '2048',
      aof_rewrite_in_progress: '1',
      rdb_bgsave_in_progress: '1',
    };
    expect(
      facts(aof)
        .slice(2)
        .map((f) => f.value),
    ).toEqual(['in progress', 'on (appendfsync always), rewrite in progress', '2.0 KB']);
  });

  it('sizes in human units', () => {
    expect([formatBytes(0), formatBytes(1023), formatBytes(1536), formatBytes(20 * 1024 * 1024)]).toEqual([
      '0 B',
      '1023 B',
      '1.5 KB',
      '20 MB',
    ]);
  });
});
