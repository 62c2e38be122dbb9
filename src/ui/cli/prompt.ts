/*
 * The interactive prompt as redis-cli 7 builds it: "host:port", then "[db]" unless the DB is 0, then
 * "(TX)" while a MULTI is open, then "> ". A closed connection shows "not connected> ".
 */

export interface PromptState {
  host: string;
  port: number;
  db: number;
  inMulti: boolean;
  connected: boolean;
}

export function formatPrompt(s: PromptState): string {
  if (!s.connected) return 'not connected> ';
  const host = s.host.includes(':') ? `[${s.host}]` : s.host;
  return `${host}:${s.port}${s.db !== 0 ? `[${s.db}]` : ''}${s.inMulti ? '(TX)' : ''}> `;
}
