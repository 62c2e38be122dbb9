/*
 * SSCAN key cursor [MATCH pattern] [COUNT count] (t_set.c sscanCommand + db.c scanGenericCommand).
 * An intset answers all its members at once with cursor 0; a hashtable set walks its HashTable cursor.
 * See collection-scan.ts for the shared option rules.
 */
import { bulkBin, type Reply } from '../../resp/reply.ts';
import { keyArg } from '../keys-lookup.ts';
import type { Handler } from '../types.ts';
import {
  EMPTY_SCAN,
  parseCollectionScanOptions,
  parseScanCursor,
  scanMatches,
  scanReply,
} from './collection-scan.ts';
import { setForRead } from './members.ts';
import { setMembers } from './value.ts';

const sscan: Handler = (c, argv) => {
  const cursor = parseScanCursor(argv[2]!);
  const s = setForRead(c, keyArg(argv, 1));
  if (s === undefined) return EMPTY_SCAN;
  const o = parseCollectionScanOptions(argv, 3);
  let members: Iterable<string>;
  let next = 0n;
  if (s.table === null) {
    members = setMembers(s);
  } else {
    const page = s.table.scan(cursor, o.count);
    members = page.keys;
    next = page.next;
  }
  const items: Reply[] = [];
  for (const m of members) if (scanMatches(o, m)) items.push(bulkBin(m));
  return scanReply(next, items);
};

export const scanHandlers: Record<string, Handler> = { sscan };
