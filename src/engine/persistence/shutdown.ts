/*
 * Shutting a node down (Redis 7.0's prepareForShutdown / finishShutdown), for SHUTDOWN and for a
 * host's SIGTERM: a running RDB child is killed; an AOF rewrite child is killed too, except while it
 * writes the initial AOF (appendonly just turned on), which blocks the shutdown unless FORCE; the AOF
 * is flushed and fsynced; then the final RDB save when save points exist (and not NOSAVE) or SAVE was
 * asked. A failed final save blocks the shutdown unless FORCE. On success the host is told to exit
 * (PersistPort.exit); the caller answers nothing to the client (the connection just closes).
 * There are no replicas to wait for, so NOW changes nothing here.
 */
import type { ServerNode } from '../server/node.ts';

export interface ShutdownFlags {
  save: boolean;
  nosave: boolean;
  force: boolean;
}

/** finishShutdown; true when the node may exit. Logs as Redis does. */
export function finishShutdown(node: ServerNode, flags: ShutdownFlags, log: (line: string) => void): boolean {
  const aof = node.aof;
  if (node.rdb.child !== null) {
    log('There is a child saving an .rdb. Killing it!');
    node.rdb.killChild();
  }
  if (aof.child !== null) {
    if (aof.state === 'wait_rewrite') {
      if (!flags.force) {
        log("Writing initial AOF, can't exit.");
        return shutdownError(log);
      }
      log('Writing initial AOF. Exit anyway.');
    }
    log('There is a child rewriting the AOF. Killing it!');
    aof.child.kill();
  }
  if (aof.state !== 'off') {
    aof.log('notice', 'Calling fsync() on the AOF file.');
    aof.flush(true);
    aof.sync('always');
  }
  const savePoints = node.config.get('save').trim() !== '';
  if ((savePoints && !flags.nosave) || flags.save) {
    aof.log('notice', 'Saving the final RDB snapshot before exiting.');
    if (!node.rdb.saveNow()) {
      if (!flags.force) {
        log("Error trying to save the DB, can't exit.");
        return shutdownError(log);
      }
      log('Error trying to save the DB. Exit anyway.');
    }
  }
  log('Redis is now ready to exit, bye bye...');
  return true;
}

function shutdownError(log: (line: string) => void): boolean {
  log('Errors trying to shut down the server. Check the logs for more information.');
  return false;
}
