/*
 * For differential tests that drive our node directly (no Differential harness): send the same command
 * to our side and to redis-server, compare the replies as text, and keep the tally the report line
 * prints. Also reads one field of an INFO reply.
 */
import { bin } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { replyText, type RespConnection } from './redis.ts';

export interface OursCall {
  call(...args: string[]): Reply | undefined;
}

/** The value of `name:` in an INFO reply, undefined when absent. */
export function infoField(r: Reply | undefined, name: string): string | undefined {
  if (r === undefined || (r.t !== 'bulk' && r.t !== 'verbatim')) return undefined;
  const line = bin(r.b)
    .split('\r\n')
    .find((l) => l.startsWith(`${name}:`));
  return line?.slice(name.length + 1);
}

export class ReplyTally {
  matched = 0;
  readonly mismatches: string[] = [];

  /** One command on both sides, replies compared as text. */
  async call(ours: OursCall, real: RespConnection, args: string[]): Promise<void> {
    const a = replyText(ours.call(...args));
    const b = replyText(await real.call(...args));
    if (a === b) this.matched++;
    else this.mismatches.push(`${args.join(' ')}\n    ours:  ${a}\n    redis: ${b}`);
  }

  /** INFO persistence on both sides, the given fields compared one by one. */
  async info(ours: OursCall, real: RespConnection, fields: readonly string[]): Promise<void> {
    const a = ours.call('INFO', 'persistence');
    const b = await real.call('INFO', 'persistence');
    for (const f of fields) {
      if (infoField(a, f) === infoField(b, f)) this.matched++;
      else this.mismatches.push(`INFO ${f}\n    ours:  ${infoField(a, f)}\n    redis: ${infoField(b, f)}`);
    }
  }

  /** The report line, and the mismatches when there are any. */
  report(label: string): string {
    const line = `[differential] ${label}: ${this.matched}/${this.matched + this.mismatches.length} replies matched`;
    return this.mismatches.length > 0 ? `${line}\n${this.mismatches.join('\n')}` : line;
  }
}
