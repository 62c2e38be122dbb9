/*
 * The Node host's RDB files: the node's PersistPort writing into its `dir`, and the read at start.
 *
 * Writes are synchronous and atomic as Redis's rdbSave makes them: the bytes go to temp-<pid>.rdb in
 * the same folder, then rename() puts them in place, so a reader never sees half a file. A failed
 * write removes the temp file and reports false (the node then answers SAVE with an error and marks
 * the background save as failed). Relative `dir` values resolve against the process's working folder,
 * as Redis's chdir(dir) makes them.
 */
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PersistPort } from '../engine/ports.ts';

export type LogAt = (line: string, level: 'notice' | 'warning') => void;

/** A PersistPort writing `name` under the folder `dir()` returns at the time of each write. */
export function filePersistPort(dir: () => string, log: LogAt): PersistPort {
  return {
    persist(name: string, data: Uint8Array): boolean {
      const folder = resolve(dir());
      const tmp = join(folder, `temp-${process.pid}.rdb`);
      try {
        writeFileSync(tmp, data);
        renameSync(tmp, join(folder, name));
        return true;
      } catch (e) {
        log(
          `Failed opening the temp RDB file ${tmp} (in server root dir ${folder}) for saving: ${(e as Error).message}`,
          'warning',
        );
        try {
          unlinkSync(tmp);
        } catch {
          // nothing to remove
        }
        return false;
      }
    },
    log: (level, line) => log(line, level),
    read(name: string): Uint8Array | string {
      try {
        const b = readFileSync(resolve(dir(), name));
        return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      } catch (e) {
        return STRERROR[(e as NodeJS.ErrnoException).code ?? ''] ?? (e as Error).message;
      }
    },
  };
}

/** strerror() texts for the errors reading a file may meet. */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
};

/** The RDB file at dir/name if there is one (Redis loads nothing, silently, when it is missing). */
export function readInitialRdb(dir: string, name: string): Uint8Array | undefined {
  const path = join(resolve(dir), name);
  if (!existsSync(path)) return undefined;
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
