/*
 * The Node host's AOF files: the PersistPort methods the multi-part AOF needs (append, sync,
 * remove), on top of the RDB port's atomic whole-file writes, and the read of appenddirname at start.
 *
 * Names arrive relative to `dir` ("appendonlydir/appendonly.aof.2.incr.aof"); the parent folder is
 * created on first use, as Redis's dirCreateIfMissing does. Appends go through one open descriptor
 * per file (O_APPEND), written synchronously, so every byte the engine appended is in the kernel
 * before the command's reply is produced; sync() is fsync on that descriptor. With appendfsync
 * always the engine calls sync() before the reply exists, which makes the guarantee of ports.ts hold
 * trivially here: the reply cannot reach the socket before fsync returned. A whole-file write or a
 * removal of a name closes its descriptor first (a replaced incr file starts afresh).
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PersistPort } from '../engine/ports.ts';
import type { LogAt } from './rdb-files.ts';

/** Adds append/sync/remove to `base` (the RDB port), for files under `dir()`. */
export function withAofFiles(base: PersistPort, dir: () => string, log: LogAt): PersistPort {
  const fds = new Map<string, number>();
  const pathOf = (name: string): string => join(resolve(dir()), name);
  const close = (name: string): void => {
    const fd = fds.get(name);
    if (fd === undefined) return;
    fds.delete(name);
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  };
  const fdOf = (name: string): number => {
    let fd = fds.get(name);
    if (fd === undefined) {
      mkdirSync(dirname(pathOf(name)), { recursive: true });
      fd = openSync(pathOf(name), 'a', 0o644);
      fds.set(name, fd);
    }
    return fd;
  };
  return {
    ...base,
    persist(name, data) {
      close(name);
      try {
        mkdirSync(dirname(pathOf(name)), { recursive: true });
      } catch (e) {
        log(`Can't open or create append-only dir ${dirname(name)}: ${(e as Error).message}`, 'warning');
        return false;
      }
      return base.persist(name, data);
    },
    append(name, data) {
      try {
        const fd = fdOf(name);
        for (let off = 0; off < data.length;) off += writeSync(fd, data, off, data.length - off);
        return true;
      } catch (e) {
        log(`Error writing to the AOF file: ${(e as Error).message}`, 'warning');
        return false;
      }
    },
    sync(name) {
      const fd = fds.get(name);
      if (fd === undefined) return;
      try {
        fsyncSync(fd);
      } catch (e) {
        log(`Fail to fsync the AOF file: ${(e as Error).message}`, 'warning');
      }
    },
    remove(name) {
      close(name);
      try {
        unlinkSync(pathOf(name));
      } catch {
        // nothing to remove
      }
    },
  };
}

/** Every regular file of dir/appenddirname, by name; an empty map when the folder is missing. */
export function readAofFiles(dir: string, appendDirname: string): Map<string, Uint8Array> {
  const folder = join(resolve(dir), appendDirname);
  const out = new Map<string, Uint8Array>();
  if (!existsSync(folder)) return out;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (!statSync(path).isFile()) continue;
    const b = readFileSync(path);
    out.set(name, new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
  }
  return out;
}
