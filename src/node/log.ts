/*
 * Server log lines in Redis's format: "pid:M 26 Nov 2026 03:56:06.123 * message", where the mark
 * after the time is the level (. debug, - verbose, * notice, # warning). Lines below the configured
 * loglevel are dropped; logfile "" means standard output, otherwise lines are appended to the file.
 */
import { appendFileSync } from 'node:fs';

export type LogLevel = 'debug' | 'verbose' | 'notice' | 'warning';

const MARKS: Record<LogLevel, string> = { debug: '.', verbose: '-', notice: '*', warning: '#' };
const RANK: Record<LogLevel, number> = { debug: 0, verbose: 1, notice: 2, warning: 3 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatLogLine(pid: number, level: LogLevel, msg: string, d: Date): string {
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const time = `${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}`;
  const ms = String(d.getMilliseconds()).padStart(3, '0');
  const date = `${p2(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
  return `${pid}:M ${date} ${time}.${ms} ${MARKS[level]} ${msg}\n`;
}

export class ServerLog {
  constructor(
    private readonly minLevel: () => string,
    private readonly file: () => string,
  ) {}

  log(level: LogLevel, msg: string): void {
    const min = RANK[this.minLevel() as LogLevel] ?? RANK.notice;
    if (RANK[level] < min) return;
    const line = formatLogLine(process.pid, level, msg, new Date());
    const file = this.file();
    if (file === '') process.stdout.write(line);
    else {
      try {
        appendFileSync(file, line);
      } catch {
        process.stdout.write(line);
      }
    }
  }
}
