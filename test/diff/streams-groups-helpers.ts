/*
 * Projections for the consumer-group differential tests. Delivery times, seen times and idle times
 * come from each server's own wall clock, so the two servers never agree on them to the millisecond:
 *   - absolute times (XINFO STREAM FULL's delivery and seen times: integers of 13 digits, anything at
 *     or past 10^12 ms) become "T";
 *   - idle times (XINFO CONSUMERS "idle", the third column of XPENDING's extended rows) become a
 *     bucket: "recent" under IDLE_RECENT_MS, else "old". Tests make idle times either fresh (a few ms)
 *     or far apart (XCLAIM ... IDLE 500000), so a bucket boundary is never near.
 * Everything else is compared exactly: the projection keeps every other value, type and order.
 */
import { bin } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';

export const IDLE_RECENT_MS = 60_000;

type Plain = string | number | null | Plain[] | { err: string } | { map: [Plain, Plain][] };

/**
 * The reply as plain data: bulk -> string, int -> number, nil -> null; maps as key/value pairs in
 * RESP3 and as the flat arrays a RESP2 client receives otherwise.
 */
export function plain(r: Reply, resp: 2 | 3): Plain {
  switch (r.t) {
    case 'bulk':
    case 'verbatim':
      return bin(r.b);
    case 'simple':
      return `+${r.s}`;
    case 'error':
      return { err: r.s };
    case 'int':
      return Number(r.n);
    case 'nil':
    case 'nilarray':
      return null;
    case 'array':
    case 'set':
    case 'push':
      return r.a.map((x) => plain(x, resp));
    case 'map':
      if (resp === 2) return r.m.flatMap(([k, v]) => [plain(k, resp), plain(v, resp)]);
      return { map: r.m.map(([k, v]) => [plain(k, resp), plain(v, resp)] as [Plain, Plain]) };
    default:
      return `${r.t}?`;
  }
}

function idleBucket(v: Plain): Plain {
  return typeof v === 'number' ? (v < IDLE_RECENT_MS ? 'recent' : 'old') : v;
}

/** Absolute times -> "T", values after an "idle" name -> bucket (flat RESP2 maps and RESP3 maps). */
export function timeless(r: Reply, resp: 2 | 3): Plain {
  return blankTimes(plain(r, resp));
}

function blankTimes(p: Plain): Plain {
  if (typeof p === 'number') return p >= 1e12 ? 'T' : p;
  if (Array.isArray(p)) {
    const out = p.map(blankTimes);
    for (let i = 0; i + 1 < p.length; i++) if (p[i] === 'idle') out[i + 1] = idleBucket(p[i + 1]!);
    return out;
  }
  if (p !== null && typeof p === 'object' && 'map' in p) {
    return {
      map: p.map.map(([k, v]) => [k, k === 'idle' ? idleBucket(v) : blankTimes(v)] as [Plain, Plain]),
    };
  }
  return p;
}

/** XPENDING's extended rows [id, consumer, idle, deliveries] with the idle column bucketed. */
export function pendingRows(r: Reply, resp: 2 | 3): Plain {
  const p = plain(r, resp);
  if (!Array.isArray(p)) return p;
  return p.map((row) =>
    Array.isArray(row) && row.length === 4 ? [row[0]!, row[1]!, idleBucket(row[2]!), row[3]!] : row,
  );
}
