/*
 * Loading a .rdb file from the user's disk (one made by real Redis, or downloaded earlier) into the
 * running node, the way DEBUG RELOAD replaces a dataset: flush every database, then load the file.
 *
 * Validation comes first and is complete: the file is parsed whole (signature, version, every value,
 * CRC64 trailer) and its database indexes and keys are checked against what the load would refuse
 * (a database beyond `databases`, a key twice in one database). Only a file that passes touches the
 * dataset, so a bad file changes nothing. The error texts are those Redis logs when it refuses the
 * file at start.
 */
import { crc64 } from '../engine/ds/crc64.ts';
import { RdbFormatError } from '../engine/persistence/rdb-io.ts';
import { readRdbFile, type RdbFile } from '../engine/persistence/rdb-file.ts';
import { loadContextOf, loadIntoNode, type LoadCounts } from '../engine/persistence/snapshot.ts';
import type { ServerNode } from '../engine/server/node.ts';

/** The parsed file, or Redis's reason for refusing it. */
export function validateRdb(node: ServerNode, bytes: Uint8Array): RdbFile | { error: string } {
  let file: RdbFile;
  try {
    file = readRdbFile(bytes, loadContextOf(node));
  } catch (e) {
    if (e instanceof RdbFormatError) return { error: redisLoadError(e.message, bytes) };
    return { error: `Internal error in RDB reading: ${e instanceof Error ? e.message : String(e)}` };
  }
  for (const db of file.databases) {
    if (db.index >= node.dbs.length) {
      return {
        error:
          'FATAL: Data file was created with a Redis server configured to handle more than ' +
          `${node.dbs.length} databases. Exiting`,
      };
    }
    const seen = new Set<string>();
    for (const e of db.entries) {
      if (seen.has(e.key)) return { error: 'Internal error in RDB reading: Duplicate key found in RDB file' };
      seen.add(e.key);
    }
  }
  return file;
}

/** The log line Redis writes when a file fails to load (rdbReportError's forms). */
function redisLoadError(message: string, bytes: Uint8Array): string {
  if (message.startsWith('Wrong RDB checksum')) {
    const end = bytes.length - 8;
    const expected = crc64(bytes.subarray(0, end)).toString(16);
    const got = new DataView(bytes.buffer, bytes.byteOffset + end, 8).getBigUint64(0, true).toString(16);
    return `Wrong RDB checksum expected: (${expected}) but got (${got}). Aborting now.`;
  }
  if (message.startsWith('Short read') || message === 'unexpected end of data') {
    return 'Short read or OOM loading DB. Unrecoverable error, aborting now.';
  }
  if (message.startsWith("Can't handle RDB format version") || message.startsWith('Wrong signature')) {
    return message;
  }
  return `Internal error in RDB reading: ${message}`;
}

/** Flushes every database (WATCHers and tracking clients told) and loads a validated file. */
export function replaceDataset(node: ServerNode, file: RdbFile): LoadCounts {
  for (const db of node.dbs) {
    node.watches.touchAllInDb(db);
    db.clear();
  }
  node.tracking.invalidateAll();
  const counts = loadIntoNode(node, file, false);
  node.rdb.lastLoadKeysLoaded = counts.loaded;
  node.rdb.lastLoadKeysExpired = counts.expired;
  return counts;
}
