/*
 * Command-specific key extractors (Redis's getkeys_proc functions in db.c). They run when the key
 * specs cannot answer: specs flagged INCOMPLETE (SORT, MIGRATE), specs with VARIABLE_FLAGS (SET,
 * BITFIELD: the access depends on a GET option), or specs that failed on this argv (a bad numkeys).
 *
 * They follow Redis's parsing exactly, quirks included: numkeys is read with atoi() (so "2abc" is 2),
 * the last STORE of SORT wins, GEORADIUS takes the last STORE/STOREDIST. Extractors for commands whose
 * specs are otherwise complete report keys without flags, as Redis does.
 */
import { type Bytes, lowerBin } from '../bytes.ts';
import type { KeyRef } from './keys-extract.ts';

export type SpecialExtractor = (argv: readonly Bytes[]) => KeyRef[];

const NO_FLAGS: readonly string[] = [];

/** C's atoi: optional spaces and sign, then digits; anything else ends the number (0 if none). */
function atoi(b: Bytes): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]*)/.exec(lowerBin(b));
  const digits = m?.[2] ?? '';
  if (digits === '') return 0;
  const n = Number(digits.slice(0, 12));
  return m?.[1] === '-' ? -n : n;
}

/**
 * Redis's genericGetKeys: `numkeys` at keyCountOfs, keys from firstKeyOfs, then the destination key
 * (when storeKeyOfs is not 0) last. No keys when numkeys is below 1 or larger than what follows.
 */
function numkeysExtractor(storeKeyOfs: number, keyCountOfs: number, firstKeyOfs: number): SpecialExtractor {
  return (argv) => {
    const num = atoi(argv[keyCountOfs]!);
    if (num < 1 || num > argv.length - firstKeyOfs) return [];
    const keys: KeyRef[] = [];
    for (let i = 0; i < num; i++) keys.push({ pos: firstKeyOfs + i, flags: NO_FLAGS });
    if (storeKeyOfs) keys.push({ pos: storeKeyOfs, flags: NO_FLAGS });
    return keys;
  };
}

function sortKeys(argv: readonly Bytes[]): KeyRef[] {
  const keys: KeyRef[] = [{ pos: 1, flags: ['RO', 'ACCESS'] }];
  let store: KeyRef | undefined;
  const skips: Record<string, number> = { limit: 2, get: 1, by: 1 };
  for (let i = 2; i < argv.length; i++) {
    const arg = lowerBin(argv[i]!);
    const skip = skips[arg];
    if (skip !== undefined) i += skip;
    else if (arg === 'store' && i + 1 < argv.length) store = { pos: i + 1, flags: ['OW', 'UPDATE'] };
  }
  if (store) keys.push(store);
  return keys;
}

function migrateKeys(argv: readonly Bytes[]): KeyRef[] {
  let first = 3;
  let num = 1;
  const skips: Record<string, number> = { copy: 0, replace: 0, auth: 1, auth2: 2 };
  if (argv.length > 6) {
    for (let i = 6; i < argv.length; i++) {
      const arg = lowerBin(argv[i]!);
      if (arg === 'keys') {
        // A non-empty key argument together with KEYS is a syntax error left to MIGRATE itself.
        if (argv[3]!.length > 0) num = 0;
        else {
          first = i + 1;
          num = argv.length - first;
        }
        break;
      }
      i += skips[arg] ?? 0;
    }
  }
  const keys: KeyRef[] = [];
  for (let i = 0; i < num; i++) keys.push({ pos: first + i, flags: ['RW', 'ACCESS', 'DELETE'] });
  return keys;
}

function georadiusKeys(argv: readonly Bytes[]): KeyRef[] {
  let stored = -1;
  for (let i = 5; i < argv.length; i++) {
    const arg = lowerBin(argv[i]!);
    if ((arg === 'store' || arg === 'storedist') && i + 1 < argv.length) {
      stored = i + 1;
      i++;
    }
  }
  const keys: KeyRef[] = [{ pos: 1, flags: NO_FLAGS }];
  if (stored !== -1) keys.push({ pos: stored, flags: NO_FLAGS });
  return keys;
}

/** XREAD / XREADGROUP: options up to STREAMS, then as many keys as IDs. */
function xreadKeys(argv: readonly Bytes[]): KeyRef[] {
  const skips: Record<string, number> = { block: 1, count: 1, group: 2, noack: 0 };
  let streamsPos = -1;
  for (let i = 1; i < argv.length; i++) {
    const arg = lowerBin(argv[i]!);
    if (arg === 'streams') {
      streamsPos = i;
      break;
    }
    const skip = skips[arg];
    if (skip === undefined) break;
    i += skip;
  }
  const rest = streamsPos === -1 ? 0 : argv.length - streamsPos - 1;
  if (streamsPos === -1 || rest === 0 || rest % 2 !== 0) return [];
  const keys: KeyRef[] = [];
  for (let i = 0; i < rest / 2; i++) keys.push({ pos: streamsPos + 1 + i, flags: NO_FLAGS });
  return keys;
}

/** SET reads the old value only with GET (exactly "get", any case, after the value). */
function setKeys(argv: readonly Bytes[]): KeyRef[] {
  for (let i = 3; i < argv.length; i++) {
    if (lowerBin(argv[i]!) === 'get') return [{ pos: 1, flags: ['RW', 'ACCESS', 'UPDATE'] }];
  }
  return [{ pos: 1, flags: ['OW', 'UPDATE'] }];
}

/** BITFIELD is read-only when it only has GET (and OVERFLOW) operations with their arguments. */
function bitfieldKeys(argv: readonly Bytes[]): KeyRef[] {
  let readonly = true;
  for (let i = 2; i < argv.length; i++) {
    const remaining = argv.length - i - 1;
    const arg = lowerBin(argv[i]!);
    if (arg === 'get' && remaining >= 2) i += 2;
    else if (arg === 'overflow' && remaining >= 1) i += 1;
    else {
      // SET / INCRBY write; anything else is a syntax error, safer assumed to write.
      readonly = false;
      break;
    }
  }
  return [{ pos: 1, flags: readonly ? ['RO', 'ACCESS'] : ['RW', 'ACCESS', 'UPDATE'] }];
}

const afterNumkeys = numkeysExtractor(0, 1, 2);
const afterScriptNumkeys = numkeysExtractor(0, 2, 3);
const storeThenNumkeys = numkeysExtractor(1, 2, 3);

/** Extractors by full command name. */
export const SPECIAL_EXTRACTORS: Readonly<Record<string, SpecialExtractor>> = {
  set: setKeys,
  bitfield: bitfieldKeys,
  sort: sortKeys,
  sort_ro: () => [{ pos: 1, flags: ['RO', 'ACCESS'] }],
  migrate: migrateKeys,
  georadius: georadiusKeys,
  georadiusbymember: georadiusKeys,
  xread: xreadKeys,
  xreadgroup: xreadKeys,
  eval: afterScriptNumkeys,
  evalsha: afterScriptNumkeys,
  eval_ro: afterScriptNumkeys,
  evalsha_ro: afterScriptNumkeys,
  fcall: afterScriptNumkeys,
  fcall_ro: afterScriptNumkeys,
  lmpop: afterNumkeys,
  blmpop: afterScriptNumkeys,
  zmpop: afterNumkeys,
  bzmpop: afterScriptNumkeys,
  sintercard: afterNumkeys,
  zdiff: afterNumkeys,
  zinter: afterNumkeys,
  zintercard: afterNumkeys,
  zunion: afterNumkeys,
  zdiffstore: storeThenNumkeys,
  zinterstore: storeThenNumkeys,
  zunionstore: storeThenNumkeys,
};
