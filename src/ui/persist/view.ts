/*
 * What the Persistence panel says about a PersistState: the role banner, the facts from INFO
 * persistence in words, sizes in human units. Pure functions, so the wording is unit-tested and the
 * component only lays them out.
 */
import type { PersistMode, PersistState } from '../../client/persist.ts';
import { formatClock } from '../clock-format.ts';

export type Tone = 'ok' | 'warn' | 'off';

export interface Banner {
  tone: Tone;
  text: string;
}

export const MODES: readonly { mode: PersistMode; label: string; explain: string }[] = [
  {
    mode: 'rdb',
    label: 'RDB only',
    explain: 'Snapshots on SAVE, BGSAVE and save points; a crash loses every write since the last one.',
  },
  {
    mode: 'everysec',
    label: 'AOF everysec',
    explain:
      'Every write is appended to the AOF and made durable about once a second; a crash loses up to a second.',
  },
  {
    mode: 'always',
    label: 'AOF always',
    explain: 'Every write is durable before its reply is shown; a crash loses nothing acknowledged.',
  },
];

export function roleBanner(s: PersistState): Banner {
  if (s.role === 'follower') {
    return {
      tone: 'warn',
      text: s.writerChanged
        ? 'Read-only tab: another tab owns the saved data and has saved since this tab loaded it. Restart to load its latest files.'
        : 'Read-only tab: another tab owns the saved data. This tab loaded a copy; its own saves stay in memory.',
    };
  }
  if (s.role === 'memory') {
    return { tone: 'off', text: 'Not saved: this browser offers no storage, nothing survives a reload.' };
  }
  return { tone: 'ok', text: 'This tab saves to browser storage (IndexedDB): a reload finds the data.' };
}

/** "1.5 KB" style sizes (1024 based, as Redis's bytesToHuman, but with spelled units). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  for (const u of units) {
    if (v < 1024 || u === 'GB') return `${v.toFixed(v < 10 ? 1 : 0)} ${u}`;
    v /= 1024;
  }
  return `${n} B`;
}

export interface Fact {
  id: string;
  label: string;
  value: string;
}

/** The facts shown as a list, from INFO persistence. */
export function facts(s: PersistState): Fact[] {
  const i = s.info;
  const num = (k: string): number => Number(i[k] ?? 0);
  const out: Fact[] = [
    {
      id: 'last-save',
      label: 'Last save',
      value: `${formatClock(num('rdb_last_save_time') * 1000).slice(0, 8)} UTC`,
    },
    { id: 'changes', label: 'Changes since last save', value: String(num('rdb_changes_since_last_save')) },
    {
      id: 'bgsave',
      label: 'Background save',
      value: num('rdb_bgsave_in_progress')
        ? 'in progress'
        : `idle (last: ${i.rdb_last_bgsave_status ?? 'ok'})`,
    },
    { id: 'aof', label: 'AOF', value: aofFact(s) },
  ];
  if (s.appendonly && i.aof_current_size !== undefined) {
    out.push({ id: 'aof-size', label: 'AOF size', value: formatBytes(num('aof_current_size')) });
  }
  return out;
}

function aofFact(s: PersistState): string {
  if (!s.appendonly) return 'off';
  const rewrite = Number(s.info.aof_rewrite_in_progress ?? 0)
    ? ', rewrite in progress'
    : Number(s.info.aof_rewrite_scheduled ?? 0)
      ? ', rewrite scheduled'
      : '';
  return `on (appendfsync ${s.appendfsync})${rewrite}`;
}
