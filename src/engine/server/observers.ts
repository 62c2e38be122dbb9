/*
 * Observers of executed commands: how a host explains what the server just did (the worker's pictures
 * note which sorted set a command searched and how) without the engine knowing about pictures.
 *
 * call() (dispatch.ts) tells every observer before a handler runs and after it returned, with its
 * reply; signalModifiedKey tells them when a key's value changed. Observers only read: they must not
 * change the keyspace, reply to clients or throw. Nothing in the engine depends on them, so a node
 * without observers behaves exactly the same, and the loops over an empty list cost nothing.
 */
import type { Bytes } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import type { Reply } from '../resp/reply.ts';
import type { Client } from './client.ts';
import type { Database } from './db.ts';

export interface CallObserver {
  /** A command is about to run (after every check passed; also each command EXEC or a script runs). */
  beforeCall(c: Client, cmd: Command, argv: readonly Bytes[]): void;
  /** The command ran; `reply` is what it answered (an error reply when it failed). */
  afterCall(c: Client, cmd: Command, argv: readonly Bytes[], reply: Reply | undefined): void;
  /** A key's value (or presence) changed: by a command, expiry or eviction. */
  keyModified(db: Database, key: string): void;
}
