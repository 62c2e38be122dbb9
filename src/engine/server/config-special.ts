/*
 * The "special" configuration params, whose values are lists with their own syntax (config.c's
 * set/get pairs for save, client-output-buffer-limit, oom-score-adj-values, notify-keyspace-events,
 * bind, replicaof, latency-tracking-info-percentiles, dir). Each parser validates the whole value first
 * and returns the canonical form CONFIG GET prints, or { error } with Redis's reason text.
 */
import { parseMemory, type Parsed } from './config-values.ts';

export function parseSpecialValue(name: string, raw: string, current: string): Parsed {
  const words = raw.split(' ');
  switch (name) {
    case 'save':
      return parseSave(raw === '' ? [] : words);
    case 'client-output-buffer-limit':
      return parseOutputBufferLimits(words, current);
    case 'oom-score-adj-values':
      return parseOomValues(words);
    case 'notify-keyspace-events':
      return parseKeyspaceEvents(raw);
    case 'bind':
      if (words.length > 16) return { error: 'Too many bind addresses specified.' };
      return raw === '' ? '' : words.join(' ');
    case 'replicaof':
      if (words.length !== 2) return { error: 'wrong number of arguments' };
      if (words[0]!.toLowerCase() === 'no' && words[1]!.toLowerCase() === 'one') return '';
      if (!/^[0-9]+$/.test(words[1]!) || Number(words[1]) > 65535) return { error: 'Invalid master port' };
      return `${words[0]} ${Number(words[1])}`;
    case 'latency-tracking-info-percentiles':
      return parsePercentiles(raw === '' ? [] : words);
    case 'dir':
      return raw;
    default:
      return raw;
  }
}

/** strtoll with an end check: an optional sign and digits (empty is 0, as strtoll gives). */
function cInt(s: string): number | null {
  if (!/^\s*[+-]?[0-9]*$/.test(s)) return null;
  const t = s.trim();
  return t === '' || t === '+' || t === '-' ? 0 : Number(t);
}

function parseSave(words: string[]): Parsed {
  const bad = { error: 'Invalid save parameters' };
  if (words.length % 2 !== 0) return bad;
  const nums: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const v = cInt(words[i]!);
    if (v === null || (i % 2 === 0 && v < 1) || (i % 2 === 1 && v < 0)) return bad;
    nums.push(v);
  }
  return nums.join(' ');
}

const OBUF_CLASSES = ['normal', 'slave', 'pubsub'];

function parseOutputBufferLimits(words: string[], current: string): Parsed {
  if (words.length % 4 !== 0) {
    return { error: 'Wrong number of arguments in buffer limit configuration.' };
  }
  const cur = current.split(' ');
  const limits = new Map<string, string[]>();
  for (let i = 0; i < cur.length; i += 4) limits.set(cur[i]!, cur.slice(i + 1, i + 4));
  for (let i = 0; i < words.length; i += 4) {
    let cls = words[i]!.toLowerCase();
    if (cls === 'replica') cls = 'slave';
    if (!OBUF_CLASSES.includes(cls)) {
      return { error: 'Invalid client class specified in buffer limit configuration.' };
    }
    const hard = parseMemory(words[i + 1]!);
    const soft = parseMemory(words[i + 2]!);
    const secs = cInt(words[i + 3]!);
    if (hard === null || soft === null || secs === null || secs < 0) {
      return { error: 'Error in hard, soft or soft_seconds setting in buffer limit configuration.' };
    }
    limits.set(cls, [String(hard), String(soft), String(secs)]);
  }
  return OBUF_CLASSES.map((c) => [c, ...limits.get(c)!].join(' ')).join(' ');
}

function parseOomValues(words: string[]): Parsed {
  if (words.length !== 3) return { error: 'wrong number of arguments' };
  const out: number[] = [];
  for (const w of words) {
    const v = cInt(w);
    if (v === null || v < -2000 || v > 2000) {
      return { error: 'Invalid oom-score-adj-values, elements must be between -2000 and 2000.' };
    }
    out.push(v);
  }
  return out.join(' ');
}

/** Classes of notify-keyspace-events in the order Redis prints them; 'A' stands for "g$lshzxetd". */
const EVENT_CLASSES = 'g$lshzxetdn';
const ALL_CLASSES = 'g$lshzxetd';

export function parseKeyspaceEvents(raw: string): Parsed {
  const set = new Set<string>();
  for (const ch of raw) {
    if (ch === 'A') for (const a of ALL_CLASSES) set.add(a);
    else if ('g$lshzxetdnKEm'.includes(ch)) set.add(ch);
    else return { error: "Invalid event class character. Use 'Ag$lshzxeKEtmdn'." };
  }
  let out = '';
  // Redis prints 'n' nowhere once 'A' covers the rest, yet keeps it enabled: we store "An" and
  // CONFIG GET shows the value through configValueForDisplay().
  if ([...ALL_CLASSES].every((c) => set.has(c))) out = set.has('n') ? 'An' : 'A';
  else for (const c of EVENT_CLASSES) if (set.has(c)) out += c;
  for (const c of 'KEm') if (set.has(c)) out += c;
  return out;
}

/** A stored value as CONFIG GET prints it (only notify-keyspace-events differs, see above). */
export function configValueForDisplay(name: string, stored: string): string {
  return name === 'notify-keyspace-events' && stored.startsWith('An') ? 'A' + stored.slice(2) : stored;
}

function parsePercentiles(words: string[]): Parsed {
  const out: string[] = [];
  for (const w of words) {
    const v = Number(w);
    if (w.trim() === '' || Number.isNaN(v) || /^\s|\s$/.test(w)) {
      return { error: 'Invalid latency-tracking-info-percentiles parameters' };
    }
    if (v > 100 || v < 0) {
      return { error: 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]' };
    }
    out.push(trimZeros(v.toFixed(6)));
  }
  return out.join(' ');
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
