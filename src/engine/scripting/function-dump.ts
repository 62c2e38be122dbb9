/*
 * FUNCTION DUMP / FUNCTION RESTORE payloads and the libraries' place in RDB files (Redis 7.0's
 * functionDumpCommand, functionRestoreCommand, rdbSaveFunctions, rdbFunctionLoad).
 *
 *   payload = ( 0xF5 (RDB_OPCODE_FUNCTION2) <library code as an RDB string> )*
 *             <RDB version: u16 LE> <CRC-64 of everything before: u64 LE>
 *
 * The code strings follow rdbSaveRawString, so with rdbcompression on a long library is LZF-compressed
 * exactly as Redis writes it. Restoring reads records until only the 10 trailer bytes are left; the old
 * FUNCTION (0xF6) record of 7.0 release candidates (name, engine, optional description, code) is read too
 * and turned into a "#!<engine> name=<name>" payload, as Redis does.
 */
import { bin, type Bytes, unbin } from '../bytes.ts';
import { crc64LE } from '../ds/crc64.ts';
import { RdbReader, RdbWriter } from '../persistence/rdb-io.ts';
import { RDB_VERSION } from '../persistence/rdb-types.ts';
import { verifyDumpPayload } from '../persistence/dump-payload.ts';
import { FunctionLibraries, type FunctionStore } from './functions.ts';

export const RDB_OPCODE_FUNCTION = 246;
export const RDB_OPCODE_FUNCTION2 = 245;

/** Library payloads in the order a dump lists them (the current libraries' insertion order). */
export function libraryCodes(store: FunctionStore): Bytes[] {
  return [...store.current.libraries.values()].map((lib) => unbin(lib.code));
}

export function dumpFunctions(store: FunctionStore, compression: boolean): Uint8Array {
  const w = new RdbWriter(compression);
  for (const code of libraryCodes(store)) {
    w.byte(RDB_OPCODE_FUNCTION2);
    w.string(code);
  }
  w.byte(RDB_VERSION & 0xff);
  w.byte((RDB_VERSION >> 8) & 0xff);
  const body = w.result();
  const out = new Uint8Array(body.length + 8);
  out.set(body);
  out.set(crc64LE(body), body.length);
  return out;
}

export type RestorePolicy = 'append' | 'replace' | 'flush';

/** FUNCTION RESTORE: undefined on success, else the error text (with its ERR code). */
export function restoreFunctions(
  store: FunctionStore,
  payload: Uint8Array,
  policy: RestorePolicy,
): string | undefined {
  if (!verifyDumpPayload(payload)) return 'ERR DUMP payload version or checksum are wrong';
  const loaded = new FunctionLibraries();
  const r = new RdbReader(payload);
  try {
    while (payload.length - r.pos > 10) {
      const type = r.byte();
      if (type !== RDB_OPCODE_FUNCTION && type !== RDB_OPCODE_FUNCTION2)
        return 'ERR given type is not a function';
      const code = readLibraryCode(r, type);
      const created = store.create(code, false, loaded, 0);
      if (typeof created !== 'string') return `ERR ${created.error}`;
    }
  } catch {
    return 'ERR failed loading the given functions payload';
  }
  if (policy === 'flush') {
    store.current = loaded;
    return undefined;
  }
  const error = store.join(loaded, policy === 'replace');
  return error === undefined ? undefined : `ERR ${error}`;
}

/** One FUNCTION2 (or legacy FUNCTION) record's library payload, as a binary string. */
export function readLibraryCode(r: RdbReader, type: number): string {
  if (type === RDB_OPCODE_FUNCTION2) return bin(r.string());
  const name = bin(r.string());
  const engine = bin(r.string());
  if (r.len() !== 0) r.string();
  const blob = bin(r.string());
  return `#!${engine} name=${name}\n${blob}`;
}

/**
 * Loads libraries from an RDB file's FUNCTION2 records into the current set; an existing library of the
 * same name is an error unless `replace` (DEBUG RELOAD MERGE, Redis's RDBFLAGS_ALLOW_DUP).
 */
export function loadRdbFunctions(
  store: FunctionStore,
  codes: readonly Bytes[],
  replace: boolean,
): string | undefined {
  for (const code of codes) {
    const created = store.create(bin(code), replace, store.current, 0);
    if (typeof created !== 'string') return created.error;
  }
  return undefined;
}
