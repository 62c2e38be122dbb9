/*
 * CLIENT TRACKING / CACHING / TRACKINGINFO / GETREDIR (Redis's client-side caching switches in
 * networking.c). This file keeps each connection's tracking mode with Redis's option checks and error
 * texts; invalidation messages are not sent yet (the key tables of tracking.c are not modelled).
 */
import { type Bytes, lowerBin } from '../bytes.ts';
import { arr, bulk, bulkStr, int, map, OK, type Reply, set } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { E, fail } from '../server/errors.ts';
import { parseI64Num } from '../util/parse.ts';

export interface TrackingState {
  redirect: number;
  bcast: boolean;
  optin: boolean;
  optout: boolean;
  noloop: boolean;
  /** CLIENT CACHING yes (optin) / no (optout) for the next command. */
  caching: boolean;
  prefixes: Bytes[];
}

const states = new WeakMap<Client, TrackingState>();

export function trackingOf(c: Client): TrackingState | undefined {
  return states.get(c);
}

interface TrackingOptions {
  redirect: number;
  bcast: boolean;
  optin: boolean;
  optout: boolean;
  noloop: boolean;
  prefixes: Bytes[];
}

function parseOptions(c: Client, argv: Bytes[]): TrackingOptions {
  const o: TrackingOptions = {
    redirect: 0,
    bcast: false,
    optin: false,
    optout: false,
    noloop: false,
    prefixes: [],
  };
  for (let j = 3; j < argv.length; j++) {
    const opt = lowerBin(argv[j]!);
    const more = argv.length - 1 - j;
    if (opt === 'redirect' && more) {
      j++;
      if (o.redirect !== 0) fail('ERR A client can only redirect to a single other client');
      const id = parseI64Num(argv[j]!);
      if (id === null) fail(E.notInt);
      if (!c.node.clients.has(id)) fail('ERR The client ID you want redirect to does not exist');
      o.redirect = id;
    } else if (opt === 'bcast') o.bcast = true;
    else if (opt === 'optin') o.optin = true;
    else if (opt === 'optout') o.optout = true;
    else if (opt === 'noloop') o.noloop = true;
    else if (opt === 'prefix' && more) o.prefixes.push(argv[++j]!);
    else fail(E.syntax);
  }
  return o;
}

function checkEnable(o: TrackingOptions, cur: TrackingState | undefined): void {
  if (!o.bcast && o.prefixes.length) fail('ERR PREFIX option requires BCAST mode to be enabled');
  if (cur && cur.bcast !== o.bcast) {
    fail(
      "ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then " +
        're-enabling it with a different mode.',
    );
  }
  if (o.bcast && (o.optin || o.optout)) fail('ERR OPTIN and OPTOUT are not compatible with BCAST');
  if (o.optin && o.optout) fail("ERR You can't specify both OPTIN mode and OPTOUT mode");
  if (cur && ((o.optin && cur.optout) || (o.optout && cur.optin))) {
    fail(
      "ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, and then " +
        're-enabling it with a different mode.',
    );
  }
}

export function clientTracking(c: Client, argv: Bytes[]): Reply {
  const o = parseOptions(c, argv);
  const mode = lowerBin(argv[2]!);
  if (mode === 'on') {
    const cur = states.get(c);
    checkEnable(o, cur);
    states.set(c, {
      redirect: o.redirect,
      bcast: o.bcast,
      optin: (cur?.optin ?? false) || o.optin,
      optout: (cur?.optout ?? false) || o.optout,
      noloop: (cur?.noloop ?? false) || o.noloop,
      caching: false,
      prefixes: [...(cur?.prefixes ?? []), ...o.prefixes],
    });
    c.flags.add('tracking');
  } else if (mode === 'off') {
    disableTracking(c);
  } else {
    fail(E.syntax);
  }
  return OK;
}

export function clientCaching(c: Client, argv: Bytes[]): Reply {
  const t = states.get(c);
  if (!t) {
    fail(
      'ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or OPTOUT mode enabled',
    );
  }
  const opt = lowerBin(argv[2]!);
  if (opt === 'yes') {
    if (!t.optin) fail('ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.');
  } else if (opt === 'no') {
    if (!t.optout) fail('ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.');
  } else {
    fail(E.syntax);
  }
  t.caching = true;
  return OK;
}

export function clientTrackingInfo(c: Client): Reply {
  const t = states.get(c);
  const flags = [t ? 'on' : 'off'];
  if (t?.bcast) flags.push('bcast');
  if (t?.optin) flags.push('optin', ...(t.caching ? ['caching-yes'] : []));
  if (t?.optout) flags.push('optout', ...(t.caching ? ['caching-no'] : []));
  if (t?.noloop) flags.push('noloop');
  return map([
    [bulkStr('flags'), set(flags.map(bulkStr))],
    [bulkStr('redirect'), int(t ? t.redirect : -1)],
    [bulkStr('prefixes'), arr((t?.prefixes ?? []).map((p) => bulk(p)))],
  ]);
}

/** RESET and disconnection: tracking off. */
export function disableTracking(c: Client): void {
  states.delete(c);
  c.flags.delete('tracking');
}

export function clientGetRedir(c: Client): Reply {
  const t = states.get(c);
  return int(t ? t.redirect : -1);
}
