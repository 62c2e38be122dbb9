/*
 * PFDEBUG and PFSELFTEST (Redis's hyperloglog.c testing commands).
 *
 * PFDEBUG looks the key up for writing and unshares it (the value turns 'raw') before looking at the
 * subcommand, so even an unknown subcommand on an existing HLL leaves it raw. GETREG and TODENSE
 * convert a sparse value to dense and count one change (no event, no key signal), as Redis does.
 *
 * PFSELFTEST repeats Redis's two checks with randomness from the node: 1000 rounds of writing and
 * reading back random 6-bit registers, then 10 million distinct elements added to a dense and a sparse
 * HLL side by side, comparing both estimates and the error at each power of ten.
 */
import { bin, lowerBin } from '../../bytes.ts';
import { arr, bulkBin, err, int, OK, type Reply, simple } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import {
  denseGet,
  denseSet,
  Hll,
  HLL_DENSE_SIZE,
  HLL_HDR_SIZE,
  HLL_REGISTERS,
  HLL_SPARSE,
} from '../../ds/hll.ts';
import { writeKey } from '../strings/value.ts';
import type { Handler } from '../types.ts';
import { INVALID_HLL, openHll, storeHll } from './commands.ts';

const pfdebug: Handler = (c, argv): Reply => {
  const sub = lowerBin(argv[1]!);
  const key = bin(argv[2]!);
  const o = writeKey(c, key);
  if (o === undefined) fail('ERR The specified key does not exist');
  const h = openHll(o);
  storeHll(c, key, h, true);
  switch (sub) {
    case 'getreg': {
      if (h.encoding === HLL_SPARSE) toDense(c, key, h);
      const regs: Reply[] = [];
      for (let j = 0; j < HLL_REGISTERS; j++) regs.push(int(denseGet(h.buf, HLL_HDR_SIZE, j)));
      return arr(regs);
    }
    case 'decode':
      if (h.encoding !== HLL_SPARSE) fail('ERR HLL encoding is not sparse');
      return bulkBin(h.decode());
    case 'encoding':
      return simple(h.encoding === HLL_SPARSE ? 'sparse' : 'dense');
    case 'todense': {
      if (h.encoding !== HLL_SPARSE) return int(0);
      toDense(c, key, h);
      return int(1);
    }
    default:
      return err(`ERR Unknown PFDEBUG subcommand '${bin(argv[1]!)}'`);
  }
};

function toDense(c: Client, key: string, h: Hll): void {
  if (!h.toDense()) fail(INVALID_HLL);
  storeHll(c, key, h, true);
  c.node.dirty++;
}

/** The amount of work PFSELFTEST does: Redis's figures by default, smaller ones in unit tests. */
export interface SelfTestSize {
  registerRounds: number;
  elements: number;
}

const REDIS_SIZE: SelfTestSize = { registerRounds: 1000, elements: 10_000_000 };

/** C's rand(): 31 random bits. */
function rand(c: Client): number {
  return c.node.random.int(0x80000000);
}

/** Test 1 of PFSELFTEST: dense registers keep what was written and don't disturb their neighbours. */
function registerRoundTrip(c: Client, rounds: number): Reply | undefined {
  const regs = new Uint8Array(HLL_DENSE_SIZE + 1);
  const expected = new Uint8Array(HLL_REGISTERS);
  for (let j = 0; j < rounds; j++) {
    for (let i = 0; i < HLL_REGISTERS; i++) {
      const r = rand(c) & 63;
      expected[i] = r;
      denseSet(regs, HLL_HDR_SIZE, i, r);
    }
    for (let i = 0; i < HLL_REGISTERS; i++) {
      const v = denseGet(regs, HLL_HDR_SIZE, i);
      if (v !== expected[i]) return err(`TESTFAILED Register ${i} should be ${expected[i]} but is ${v}`);
    }
  }
  return undefined;
}

/** Test 2 of PFSELFTEST: estimates of dense and sparse HLLs agree and stay within 6 standard errors. */
function approximation(c: Client, elements: number): Reply | undefined {
  const sparseMax = c.node.config.getInt('hll-sparse-max-bytes');
  const dense = Hll.empty();
  dense.toDense();
  const sparse = Hll.empty();
  const relErr = 1.04 / Math.sqrt(HLL_REGISTERS);
  const seedLo = rand(c);
  const seedHi = rand(c);
  const ele = new Uint8Array(8);
  const view = new DataView(ele.buffer);
  let checkpoint = 1;
  for (let j = 1; j <= elements; j++) {
    view.setUint32(0, (j ^ seedLo) >>> 0, true);
    view.setUint32(4, seedHi, true);
    dense.add(ele, sparseMax);
    sparse.add(ele, sparseMax);
    if (j !== checkpoint) continue;
    if (j < sparseMax / 2 && sparse.encoding !== HLL_SPARSE)
      return err('TESTFAILED sparse encoding not used');
    const card = dense.count()!;
    if (card !== sparse.count()) return err('TESTFAILED dense/sparse disagree');
    const maxErr = j === 10 ? 1 : Math.ceil(relErr * 6 * checkpoint);
    const absErr = Math.abs(checkpoint - card);
    if (absErr > maxErr) return err(`TESTFAILED Too big error. card:${checkpoint} abserr:${absErr}`);
    checkpoint *= 10;
  }
  return undefined;
}

/** Both PFSELFTEST checks; undefined when they pass, else the failure reply. */
export function selfTest(c: Client, size: SelfTestSize = REDIS_SIZE): Reply | undefined {
  return registerRoundTrip(c, size.registerRounds) ?? approximation(c, size.elements);
}

const pfselftest: Handler = (c) => selfTest(c) ?? OK;

export const hllDebugHandlers: Record<string, Handler> = { pfdebug, pfselftest };
