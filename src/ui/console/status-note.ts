/*
 * The line under a console tab's terminal that explains what the terminal cannot: that the tab is in
 * subscribed or MONITOR mode (typing is off, Ctrl-C leaves), and after Ctrl-C that the tab now has a
 * new connection. The terminal itself stays byte-for-byte what redis-cli prints.
 */
import type { ClientState } from '../../protocol/messages.ts';
import type { SessionStatus } from './types.ts';

/** What the status line says after Ctrl-C left subscribed or MONITOR mode. */
export function leftModeNotice(mode: 'pubsub' | 'monitor', state: ClientState | undefined): string {
  const what = mode === 'monitor' ? 'MONITOR' : 'subscribed mode';
  if (!state) return `Left ${what}; the tab is not connected.`;
  const db = state.db !== 0 ? `, DB ${state.db}` : '';
  const resp = state.resp === 3 ? ', RESP3' : '';
  return `Left ${what}: this tab reconnected as client ${state.clientId}${db}${resp}, as redis-cli does.`;
}

/** The status line for a tab, or null when there is nothing to say. */
export function statusNote(s: SessionStatus | null): string | null {
  if (!s) return null;
  if (s.reading === 'pubsub')
    return 'Subscribed mode: messages print as they arrive and typing is off. Ctrl-C leaves it (the tab reconnects).';
  if (s.reading === 'monitor')
    return 'MONITOR: every command the server runs prints here and typing is off. Ctrl-C stops it (the tab reconnects).';
  return s.notice ?? null;
}
