/*
 * What a console session needs from its surroundings, as small interfaces so the session can run on a
 * fake terminal and a fake connection in unit tests, and on xterm + the worker's Connection in the app.
 */
import type { ClientState, CommandDoc } from '../../protocol/messages.ts';
import type { WireReply } from '../../protocol/reply.ts';

/** The terminal surface: xterm.js in the app. */
export interface TerminalPort {
  /** Strings are written as they are; byte arrays are decoded as UTF-8 by the terminal. */
  write(data: string | Uint8Array): void;
  readonly cols: number;
}

/** One client connection (src/client's Connection has this shape). */
export interface ConsoleConnection {
  readonly clientId: number;
  readonly state: ClientState;
  send(argv: Uint8Array[]): Promise<WireReply[]>;
  onPush(cb: (r: WireReply) => void): () => void;
  onClose(cb: () => void): () => void;
  /** Closing is asynchronous in the app; a failure to close is of no interest to the console. */
  close(): void | Promise<void>;
}

export interface ServerInfo {
  host: string;
  port: number;
  version: string;
}

export interface SessionDeps {
  term: TerminalPort;
  server: ServerInfo;
  connect(): Promise<ConsoleConnection>;
  /** Command docs for help, hints and completion (loaded once, shared by tabs). */
  docs: Promise<readonly CommandDoc[]>;
  /** Milliseconds on a real clock, to print "(1.52s)" after slow commands as redis-cli does. */
  nowMs(): number;
  /** `viz <key>`: opens the picture of a key (binary string) in this session's DB; absent: no pictures. */
  openPicture?(key: string, db: number): void;
  /** A line was entered (called before it runs) or Ctrl-C interrupted a command: for sharing links. */
  onEntered?(input: EnteredInput): void;
}

export type EnteredInput = { kind: 'line'; line: string } | { kind: 'interrupt' };

/** What the tab strip shows about a session. */
export interface SessionStatus {
  connected: boolean;
  clientId: number | null;
  db: number;
  inMulti: boolean;
  subscribed: boolean;
  /** Waiting for a reply or reading pushes (no prompt shown). */
  busy: boolean;
  /** Subscribed or MONITOR mode: only Ctrl-C does anything. Absent means null. */
  reading?: 'pubsub' | 'monitor' | null;
  /** A line for the status bar about what the tab just did (e.g. reconnecting after Ctrl-C). */
  notice?: string | null;
}
