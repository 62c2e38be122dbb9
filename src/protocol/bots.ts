/*
 * Bot clients as the UI sees them (types only): the spec it sends to start one and the status the
 * worker reports. The worker validates specs (src/sim/bots/spec.ts has the same shapes and the rules);
 * all strings are UTF-8 text, and may hold the placeholders {seq}, {rand}, {rand:A-B}, {bot}, {now}.
 */

interface BotCommon {
  /** CLIENT SETNAME value (no spaces); "bot-<kind>-<id>" when absent. */
  name?: string;
  db?: number;
}

export type BotSpec = BotCommon &
  (
    | { kind: 'producer'; stream: string; perSecond: number; fields: [string, string][]; maxLen?: number }
    | {
        kind: 'consumer';
        stream: string;
        group: string;
        consumer: string;
        perSecond: number;
        count?: number;
        createGroup?: boolean;
        /** Acked entries after which the next batch is left pending and the bot crashes. */
        crashAfter?: number;
        crashMode?: 'disconnect' | 'hang';
      }
    | {
        kind: 'claimer';
        stream: string;
        group: string;
        consumer: string;
        everyMs: number;
        minIdleMs: number;
        count?: number;
      }
    | { kind: 'publisher'; channel: string; perSecond: number; message: string }
    | { kind: 'script'; everyMs: number; commands: string[][] }
  );

export type BotKind = BotSpec['kind'];

export interface BotStatus {
  id: number;
  name: string;
  kind: BotKind;
  /** crashed: a consumer's scripted crash; closed: the server closed it (CLIENT KILL). */
  state: 'running' | 'stopped' | 'crashed' | 'closed';
  clientId: number;
  /** What the bot does in a few words, e.g. "XADD orders at 10/s". */
  summary: string;
  /** The spec it was started with (start it again to restart the bot). */
  spec: BotSpec;
  sent: number;
  received: number;
  errors: number;
  /** Entries added or acked, messages published, script rounds. */
  processed: number;
  lastReply: string | null;
  lastError: string | null;
}
