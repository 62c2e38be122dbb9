/*
 * The caption under a picture that shows a command's path: what Redis did, in plain words, from the
 * worker's KeyAccess (pure, unit-tested). Members are shown with displayBytes and put in the DOM as
 * text by the caller.
 *
 * Wording follows what t_zset.c really does (a score update keeps the node only when the order holds): ZSCORE is a dict lookup (the path shown is where the
 * member sits, the walk ZRANK makes); ZRANGE from rank 0 needs no search; a listpack is scanned
 * entry by entry; ZCOUNT makes four searches.
 */
import type { KeyAccess, SkipSearchSnap } from '../../protocol/inspect.ts';
import { displayBytes } from './text.ts';

export const MAX_LEVEL = 32;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function quoted(bin: string): string {
  return `'${displayBytes(bin)}'`;
}

/** "walks 4 levels and 6 links" */
function walked(s: SkipSearchSnap): string {
  return `walks ${plural(s.visited.length, 'level')} and ${plural(s.links, 'link')}`;
}

function levelText(s: SkipSearchSnap): string {
  return s.foundLevel === null ? '' : `, level ${s.foundLevel} of ${MAX_LEVEL}`;
}

function lookupCaption(a: KeyAccess, s: SkipSearchSnap | undefined): string {
  if (!s) return `${a.command}: the member is not in the dict, so no skiplist search is made.`;
  const where = `${walked(s)} to reach ${quoted(s.target)} (rank ${s.found}${levelText(s)})`;
  if (a.command === 'ZSCORE' || a.command === 'ZMSCORE') {
    return `${a.command} reads the score from the dict in O(1); in the skiplist, zslGetRank ${where}.`;
  }
  return `${a.command} ${where}.`;
}

function updateCaption(a: KeyAccess, s: SkipSearchSnap): string {
  const member = quoted(s.target);
  if (s.removed) {
    const ptrs = plural(s.changed?.length ?? 0, 'forward pointer');
    return `${a.command} ${walked(s)} to the nodes before ${member} and unlinks it (it had ${plural(s.foundLevel ?? 0, 'level')}) from ${ptrs}.`;
  }
  if (s.inserted) {
    const n = s.changed?.length ?? 0;
    const ptrs = `${plural(n, 'forward pointer')} now ${n === 1 ? 'points' : 'point'} to it`;
    return `${a.command} ${walked(s)} to the insert position and adds ${member} as a new node at rank ${s.found}: level ${s.foundLevel} of ${MAX_LEVEL}; ${ptrs}.`;
  }
  if (s.moved) {
    return `${a.command} ${walked(s)} to ${member}: its new score changes its place, so zslUpdateScore unlinks the node and inserts a new one at rank ${s.found}, level ${s.foundLevel} of ${MAX_LEVEL} (drawn afresh).`;
  }
  return `${a.command} ${walked(s)} to ${member}, already a member: its place in the order holds, so the node stays (rank ${s.found}${levelText(s)}).`;
}

function rangeCaption(a: KeyAccess, s: SkipSearchSnap | undefined): string {
  if (!s) {
    const byRank = !/BYSCORE|BYLEX/i.test(a.args) && /^Z(REV)?RANGE(STORE)?$/.test(a.command);
    return byRank
      ? `${a.command} starts at the first (or last) node: no search is needed.`
      : `${a.command}: the range lies outside the set, so no search is made.`;
  }
  if (a.command === 'ZCOUNT' || a.command === 'ZLEXCOUNT') {
    const last = a.searches[2]?.found;
    const ranks = last ? ` (ranks ${s.found} to ${last})` : '';
    return `${a.command} makes ${a.searchCount} searches: the first and last nodes in range${ranks} and the rank of each.`;
  }
  const whereTo =
    s.rule === 'by-rank'
      ? `to rank ${s.target}`
      : s.rule === 'range-end'
        ? 'to the last node in range'
        : 'to the first node in range';
  const hit = s.found === null ? ', which holds nothing in range' : ` (rank ${s.found})`;
  return `${a.command} ${walked(s)} ${whereTo}${hit}, then follows level 0.`;
}

function listpackCaption(a: KeyAccess): string {
  const scan = a.scan;
  if (!scan) return `${a.command}: listpack, no scan needed.`;
  const from = scan.fromTail ? 'the tail' : 'the head';
  const read = `${a.command} reads ${plural(scan.scanned, 'entry', 'entries')} of the listpack from ${from}`;
  if (scan.inserted) return `${read} (the member is new), then inserts it at index ${scan.found}.`;
  if (scan.removed) return `${read} to find the member at index ${scan.found} and deletes it.`;
  if (scan.found === null) return `${read} and finds nothing.`;
  return `${read}, stopping at index ${scan.found}. A small set is a flat list: no levels to skip.`;
}

function geoCaption(a: KeyAccess): string {
  const n = a.geo!.members.length;
  return `${a.command} ${displayBytes(a.args)}: ${plural(n, 'member')}`;
}

/** The sentence for a command's access; '' when there is nothing to say. */
export function accessCaption(a: KeyAccess): string {
  if (a.geo) return geoCaption(a);
  if (a.encoding === 'listpack') return listpackCaption(a);
  const s = a.searches[0];
  let text: string;
  if (['ZSCORE', 'ZMSCORE', 'ZRANK', 'ZREVRANK'].includes(a.command)) text = lookupCaption(a, s);
  else if (s?.rule === 'update') text = updateCaption(a, s);
  else if (['ZADD', 'ZINCRBY', 'ZREM'].includes(a.command)) text = `${a.command} changed no member.`;
  else text = rangeCaption(a, s);
  const more = a.searchCount - 1;
  if (more > 0 && a.command !== 'ZCOUNT' && a.command !== 'ZLEXCOUNT') {
    const drawn = a.searches.length - 1;
    const which = more > drawn ? `${drawn} of the searches` : 'The searches';
    text += ` ${which} for ${plural(more, 'other member')} are drawn too.`;
  }
  return text;
}

/** Ranks a skiplist path stands on past the drawn window (ranks 0..lastRank): a note, or ''. */
export function beyondNote(a: KeyAccess, lastRank: number): string {
  const past = a.searches.some((s) => s.visited.some((l) => l.ids.some((id) => id > lastRank)));
  const foundPast = a.searches.some((s) => s.found !== null && s.found > lastRank);
  if (!past && !foundPast) return '';
  return `The path goes on past rank ${lastRank}, beyond the drawn nodes: dashed strokes leave the window there.`;
}
