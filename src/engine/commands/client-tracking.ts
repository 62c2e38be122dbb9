/*
 * CLIENT TRACKING / CACHING / TRACKINGINFO / GETREDIR (Redis's client-side caching switches in
 * networking.c). This file keeps each connection's tracking mode with Redis's option checks and error
 * texts; the key tables and invalidation messages live in server/tracking.ts.
 */
import { bin, type Bytes, lowerBin } from '../bytes.ts';
import { arr, bulkBin, bulkStr, int, map, OK, type Reply, set } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import { E, fail } from '../server/errors.ts';
import type { TrackingOptions, TrackingState } from '../server/tracking.ts';
import { byteOrder } from '../server/tracking-bcast.ts';
import { parseI64Num } from '../util/parse.ts';

export function trackingOf(c: Client): TrackingState | undefined {
  return c.node.tracking.stateOf(c);
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
    else if (opt === 'prefix' && more) o.prefixes.push(bin(argv[++j]!));
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
    const cur = trackingOf(c);
    checkEnable(o, cur);
    if (o.bcast) {
      const collision = c.node.tracking.prefixCollision(c, o.prefixes);
      if (collision !== null) fail(collision);
    }
    c.node.tracking.enable(c, o);
  } else if (mode === 'off') {
    disableTracking(c);
  } else {
    fail(E.syntax);
  }
  return OK;
}

export function clientCaching(c: Client, argv: Bytes[]): Reply {
  const t = trackingOf(c);
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
  const t = trackingOf(c);
  const flags = [t ? 'on' : 'off'];
  if (t?.bcast) flags.push('bcast');
  if (t?.optin) flags.push('optin', ...(t.caching ? ['caching-yes'] : []));
  if (t?.optout) flags.push('optout', ...(t.caching ? ['caching-no'] : []));
  if (t?.noloop) flags.push('noloop');
  if (t?.brokenRedirect) flags.push('broken_redirect');
  return map([
    [bulkStr('flags'), set(flags.map(bulkStr))],
    [bulkStr('redirect'), int(t ? t.redirect : -1)],
    [bulkStr('prefixes'), arr([...(t?.prefixes ?? [])].sort(byteOrder).map(bulkBin))],
  ]);
}

/** RESET and disconnection: tracking off. */
export function disableTracking(c: Client): void {
  c.node.tracking.disable(c);
}

export function clientGetRedir(c: Client): Reply {
  const t = trackingOf(c);
  return int(t ? t.redirect : -1);
}
