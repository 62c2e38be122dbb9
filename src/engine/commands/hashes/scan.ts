/*
 * HSCAN key cursor [MATCH pattern] [COUNT count] (t_hash.c hscanCommand + db.c scanGenericCommand).
 * A listpack hash answers all its field/value pairs at once with cursor 0; a hashtable hash walks its
 * HashTable cursor, COUNT fields (each with its value) per call. MATCH applies to fields only.
 * See sets/collection-scan.ts for the shared option rules.
 */
import { bulk, bulkBin, type Reply } from '../../resp/reply.ts';
import { keyArg } from '../keys-lookup.ts';
import {
  EMPTY_SCAN,
  parseCollectionScanOptions,
  parseScanCursor,
  scanMatches,
  scanReply,
} from '../sets/collection-scan.ts';
import type { Handler } from '../types.ts';
import { hashForRead } from './value.ts';

const hscan: Handler = (c, argv) => {
  const cursor = parseScanCursor(argv[2]!);
  const h = hashForRead(c, keyArg(argv, 1));
  if (h === undefined) return EMPTY_SCAN;
  const o = parseCollectionScanOptions(argv, 3);
  let fields: Iterable<string>;
  let next = 0n;
  if (h.enc === 'listpack') {
    fields = h.fields.keys();
  } else {
    const page = h.fields.scan(cursor, o.count);
    fields = page.keys;
    next = page.next;
  }
  const items: Reply[] = [];
  for (const f of fields) {
    if (scanMatches(o, f)) items.push(bulkBin(f), bulk(h.fields.get(f)!));
  }
  return scanReply(next, items);
};

export const scanHandlers: Record<string, Handler> = { hscan };
