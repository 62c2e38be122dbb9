/*
 * The persistence part of the facade: the state the worker pushes (persistChanged), and the requests
 * of the Persistence panel. The last state seen is kept, so a panel opened late draws at once.
 */
import type { PersistAction, PersistMode, PersistState } from '../protocol/persist.ts';
import type { Answer, Rpc } from './rpc.ts';

export type { PersistAction, PersistMode, PersistState, StoredFile } from '../protocol/persist.ts';

export interface PersistOutcome {
  ok: boolean;
  /** Redis's reply or error text, or why a file was refused. */
  message: string;
}

export class PersistenceClient {
  /** The last state received (undefined until the first). */
  state: PersistState | undefined;
  private readonly listeners = new Set<(s: PersistState) => void>();

  constructor(private readonly rpc: Rpc) {}

  /** Asks the worker for the state now (also delivered to listeners). */
  async refresh(): Promise<PersistState> {
    const a = await this.rpc.request({ type: 'persistState' }, 'persistState');
    this.receive(a.state);
    return a.state;
  }

  /** SAVE, BGSAVE, BGREWRITEAOF, crash and restart, restart. */
  action(action: PersistAction): Promise<PersistOutcome> {
    return this.outcome(this.rpc.request({ type: 'persistAction', action }, 'persistResult'));
  }

  /** Sets appendonly/appendfsync now and for every later start. */
  setMode(mode: PersistMode): Promise<PersistOutcome> {
    return this.outcome(this.rpc.request({ type: 'persistMode', mode }, 'persistResult'));
  }

  /** The stored files' bytes (all of them when `names` is absent). */
  async files(names?: string[]): Promise<{ name: string; data: Uint8Array }[]> {
    return (await this.rpc.request({ type: 'persistFiles', names }, 'persistFiles')).files;
  }

  /** Replaces the dataset with an RDB file (nothing changes when it is refused). */
  loadRdb(data: Uint8Array): Promise<PersistOutcome> {
    return this.outcome(this.rpc.request({ type: 'persistLoadRdb', data }, 'persistResult'));
  }

  /** Called with every new state. Returns an unsubscribe function. */
  onChange(cb: (s: PersistState) => void): () => void {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  }

  /** @internal A state from the worker (pushed or answered). */
  receive(state: PersistState): void {
    this.state = state;
    for (const cb of [...this.listeners]) {
      try {
        cb(state);
      } catch (e) {
        console.error('[playground] persistence listener failed:', e);
      }
    }
  }

  private async outcome(p: Promise<Answer<'persistResult'>>): Promise<PersistOutcome> {
    const a = await p;
    this.receive(a.state);
    return { ok: a.ok, message: a.message };
  }
}
