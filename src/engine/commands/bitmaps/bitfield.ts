/*
 * BITFIELD and BITFIELD_RO (Redis's bitfieldGeneric): a list of GET / SET / INCRBY operations on
 * integer fields of 1..64 bits (signed) or 1..63 bits (unsigned, since a u64 could not be answered as
 * a RESP integer), with OVERFLOW WRAP|SAT|FAIL changing the mode of the operations after it.
 *
 * Every operation is parsed before anything runs, so a syntax error anywhere leaves the value alone.
 * Only GETs: the key is read (missing = zeros). Any write: the string is created or zero-extended up to
 * the highest bit written, then the operations run in order. SET answers the old value, INCRBY the new
 * one, and an overflow under FAIL answers nil and writes nothing. One "setbit" event and one dirty
 * count per operation that changed something (or any write when the string was created or grew).
 */
import { bin, type Bytes, eqIgnoreCase } from '../../bytes.ts';
import { arr, int, NIL, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { bigIntArg, parseI64 } from '../../util/parse.ts';
import { asString, readKey } from '../strings/value.ts';
import type { Handler } from '../types.ts';
import { bitOffsetArg, openForBits } from './access.ts';
import { fieldAdd, getSigned, getUnsigned, type OverflowMode, setBits } from './bits.ts';

const TYPE_ERR =
  'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.';

interface FieldOp {
  op: 'get' | 'set' | 'incrby';
  signed: boolean;
  bits: number;
  offset: number;
  value: bigint;
  mode: OverflowMode;
}

/** getBitfieldTypeFromArgument: "i1".."i64" or "u1".."u63". */
function fieldType(arg: Bytes): { signed: boolean; bits: number } {
  const signed = arg[0] === 105;
  if (!signed && arg[0] !== 117) fail(TYPE_ERR);
  const n = parseI64(arg.subarray(1));
  if (n === null || n < 1n || n > (signed ? 64n : 63n)) fail(TYPE_ERR);
  return { signed, bits: Number(n) };
}

function overflowMode(arg: Bytes): OverflowMode {
  if (eqIgnoreCase(arg, 'wrap')) return 'wrap';
  if (eqIgnoreCase(arg, 'sat')) return 'sat';
  if (eqIgnoreCase(arg, 'fail')) return 'fail';
  return fail('ERR Invalid OVERFLOW type specified');
}

function parseOps(c: Client, argv: Bytes[]): FieldOp[] {
  const ops: FieldOp[] = [];
  let mode: OverflowMode = 'wrap';
  for (let j = 2; j < argv.length; j++) {
    const rest = argv.length - j - 1;
    const name = argv[j]!;
    let op: FieldOp['op'];
    if (eqIgnoreCase(name, 'get') && rest >= 2) op = 'get';
    else if (eqIgnoreCase(name, 'set') && rest >= 3) op = 'set';
    else if (eqIgnoreCase(name, 'incrby') && rest >= 3) op = 'incrby';
    else if (eqIgnoreCase(name, 'overflow') && rest >= 1) {
      mode = overflowMode(argv[++j]!);
      continue;
    } else fail(E.syntax);
    const { signed, bits } = fieldType(argv[j + 1]!);
    const offset = bitOffsetArg(c, argv[j + 2]!, bits);
    const value = op === 'get' ? 0n : bigIntArg(argv[j + 3]!);
    ops.push({ op, signed, bits, offset, value, mode });
    j += op === 'get' ? 2 : 3;
  }
  return ops;
}

function readField(p: Uint8Array, op: FieldOp): bigint {
  return op.signed ? getSigned(p, op.offset, op.bits) : getUnsigned(p, op.offset, op.bits);
}

function bitfieldGeneric(c: Client, argv: Bytes[], readOnlyCommand: boolean): Reply {
  const ops = parseOps(c, argv);
  const key = bin(argv[1]!);
  const writes = ops.filter((o) => o.op !== 'get');
  if (writes.length === 0) {
    const o = readKey(c, key);
    const p = o === undefined ? new Uint8Array(0) : asString(o).v;
    return arr(ops.map((op) => int(readField(p, op))));
  }
  if (readOnlyCommand) fail('ERR BITFIELD_RO only supports the GET subcommand');
  const highest = Math.max(...writes.map((o) => o.offset + o.bits - 1));
  const bm = openForBits(c, key, highest);
  let changes = 0;
  const replies = ops.map((op): Reply => {
    const old = readField(bm.bytes, op);
    if (op.op === 'get') return int(old);
    const r = op.op === 'set' ? fieldAdd(op.value, 0n, op.bits, op.signed, op.mode) : null;
    const next = r ?? fieldAdd(old, op.value, op.bits, op.signed, op.mode);
    if (next.overflow && op.mode === 'fail') return NIL;
    setBits(bm.bytes, op.offset, op.bits, next.value);
    if (bm.grew || old !== next.value) changes++;
    return int(op.op === 'set' ? old : next.value);
  });
  if (changes > 0) {
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('$', 'setbit', key, c.db);
    c.node.dirty += changes;
  }
  return arr(replies);
}

export const bitfieldHandlers: Record<string, Handler> = {
  bitfield: (c, argv) => bitfieldGeneric(c, argv, false),
  bitfield_ro: (c, argv) => bitfieldGeneric(c, argv, true),
};
