/*
 * Error replies as exceptions: argument parsers deep in a handler throw ReplyError and the dispatcher
 * turns it into the error reply. Texts are Redis 7.0's own (the shared.* replies of server.c).
 */
import { err, type Reply } from '../resp/reply.ts';

export class ReplyError extends Error {
  constructor(readonly reply: string) {
    super(reply);
  }
}

export function fail(text: string): never {
  throw new ReplyError(text);
}

export const E = {
  syntax: 'ERR syntax error',
  wrongType: 'WRONGTYPE Operation against a key holding the wrong kind of value',
  notInt: 'ERR value is not an integer or out of range',
  notFloat: 'ERR value is not a valid float',
  noSuchKey: 'ERR no such key',
  outOfRange: 'ERR index out of range',
  overflow: 'ERR increment or decrement would overflow',
  dbIndex: 'ERR DB index is out of range',
  sameObject: 'ERR source and destination objects are the same',
  noAuth: 'NOAUTH Authentication required.',
} as const;

export const WRONGTYPE: Reply = err(E.wrongType);
export const SYNTAX: Reply = err(E.syntax);
