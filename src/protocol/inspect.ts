/*
 * Plain-data snapshots the pictures and the keyspace browser read (DESIGN.md "Pictures read
 * snapshots"): the worker builds them from the engine, the UI draws them and never sees the engine.
 *
 * Keys, members, field names and values are binary strings (one char per byte, as the engine keeps
 * dictionary keys); the UI decides how to show bytes. Every list here is bounded by the request, and
 * the true size travels alongside so the UI can say "showing 200 of 100,000".
 */

/** The six types TYPE reports. */
export type KeyType = 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream';

export interface KeyspaceQuery {
  db: number;
  /** Glob pattern as KEYS / SCAN MATCH take it ('*' when absent). */
  pattern?: string;
  /** Only keys of this type. */
  type?: KeyType;
  /** Rows returned at most (default 500, at most 5,000). */
  limit?: number;
  /** Also group the database's live keys by cluster hash slot (KeyspaceSnapshot.slots). */
  slots?: boolean;
}

/** One non-empty hash slot: how many keys CRC16 (with {hash tags}) puts there, and a few of them. */
export interface SlotCell {
  slot: number;
  count: number;
  /** Up to SLOT_SAMPLE keys of the slot, in byte order. */
  sample: string[];
}

/** Keys shown per slot in a SlotCell (the count says how many there are). */
export const SLOT_SAMPLE = 5;

export interface KeyRow {
  key: string;
  type: KeyType;
  /** What OBJECT ENCODING reports. */
  encoding: string;
  /** Absolute unix ms of the deadline on the virtual clock, or null for a persistent key. */
  expiresAtMs: number | null;
  /** Elements (string: bytes), as the type's length command counts them. */
  length: number;
  /** Rough memory estimate in bytes (sampled for big values; not MEMORY USAGE's exact figure). */
  approxBytes: number;
}

export interface KeyspaceSnapshot {
  db: number;
  /** Virtual time the snapshot was taken at, and the clock's state then (for TTL countdowns). */
  nowMs: number;
  paused: boolean;
  speed: number;
  /** Live keys in the database (before filtering). */
  dbSize: number;
  /** Keys that match the filter (rows holds at most `limit` of them, in key order). */
  matched: number;
  rows: KeyRow[];
  /** With query.slots: every non-empty slot of the database (all live keys, not only `rows`), by slot. */
  slots?: SlotCell[];
}

export interface InspectQuery {
  db: number;
  key: string;
  /** Elements drawn at most (zset nodes, stream entries, generic items); default 64, at most 500. */
  limit?: number;
}

/** One skiplist node; ids are ranks (0 is the header). A link's `to` beyond the window is not drawn. */
export interface SkipNodeSnap {
  id: number;
  member: string;
  score: number;
  levels: { to: number | null; span: number }[];
}

/** A member of a geo set: its score decoded from the 52-bit geohash (what GEOPOS answers). */
export interface GeoPoint {
  member: string;
  lon: number;
  lat: number;
}

export interface ZsetSkiplistView {
  kind: 'zset-skiplist';
  /** When every drawn score is a 52-bit geohash: the members as points (a geo set). */
  geo?: GeoPoint[];
  length: number;
  /** Height of the list (the header's level count). */
  level: number;
  /** Header and the first nodes by rank (window: ranks 1..nodes.length-1). */
  nodes: SkipNodeSnap[];
}

export interface ZsetListpackView {
  kind: 'zset-listpack';
  geo?: GeoPoint[];
  length: number;
  entries: { member: string; score: number }[];
}

export interface PendingSnap {
  id: string;
  consumer: string;
  deliveryCount: number;
  idleMs: number;
  exists: boolean;
}

export interface StreamGroupSnap {
  name: string;
  lastDeliveredId: string;
  entriesRead: number | null;
  lag: number | null;
  pendingCount: number;
  consumers: { name: string; idleMs: number; pendingCount: number; pending: PendingSnap[] }[];
}

export interface StreamSnapView {
  kind: 'stream';
  length: number;
  firstId: string;
  lastId: string;
  entriesAdded: string;
  /** The newest entries, oldest first. */
  entries: { id: string; fields: [string, string][] }[];
  groups: StreamGroupSnap[];
}

export interface GenericView {
  kind: 'generic';
  length: number;
  /** First items: list elements, set members, hash [field, value] pairs, or the string itself. */
  items: (string | [string, string])[];
  /** Quicklist nodes of a list: entries per node. */
  listNodes?: number[];
}

/** One cell of a CellsView: a list entry, set member, hash field or value, byte or bit. */
export interface CellSnap {
  /** The bytes (binary string) or the figure shown. */
  text: string;
  /** What the cell holds: drawn differently per role. */
  role: 'entry' | 'member' | 'field' | 'value' | 'byte' | 'bit';
}

/** A row of cells: one quicklist node, the intset, a listpack, a hashtable's entries, a string's bytes. */
export interface CellGroup {
  label: string;
  /** Entries the group really holds (cells may show fewer). */
  size: number;
  cells: CellSnap[];
}

/**
 * Lists (quicklist nodes), sets (intset / hashtable), hashes (listpack / hashtable) and strings
 * (bytes and bits) as rows of cells, from the engine's real structure for the current encoding.
 */
export interface CellsView {
  kind: 'cells';
  /** 'list-quicklist', 'set-intset', 'set-hashtable', 'hash-listpack', 'hash-hashtable', 'string'. */
  layout: string;
  length: number;
  /** Groups the structure has in all (quicklist nodes); groups holds the first ones. */
  groupCount: number;
  groups: CellGroup[];
}

/** A HyperLogLog string: its 16,384 six-bit registers, whatever the representation. */
export interface HllView {
  kind: 'hll';
  /** The string's representation: run-length opcodes (sparse) or packed registers (dense). */
  representation: 'sparse' | 'dense';
  /** Bytes of the string (header included). */
  bytes: number;
  /** Sparse only: ZERO / XZERO / VAL opcodes in the string. */
  opcodes: number | null;
  /** Register values (0..63) by index: 16,384 of them, as one binary string (a char per register). */
  registers: string;
}

export type KeyPicture =
  ZsetSkiplistView | ZsetListpackView | StreamSnapView | GenericView | CellsView | HllView;

/**
 * One skiplist search a command made, as t_zset.c walks it (ids are ranks, 0 = the header):
 *   'rank-of-member'  zslGetRank: forward while next <= target, stops on reaching it;
 *   'update'          zslInsert / zslDelete's update[]: forward while next < target on every level;
 *   'by-rank'         zslGetElementByRank; 'range-start' / 'range-end' zsl{First,Last}In(Lex)Range.
 */
export interface SkipSearchSnap {
  rule: 'rank-of-member' | 'update' | 'by-rank' | 'range-start' | 'range-end';
  /** What the search looked for, as a binary string: a member, a rank, a bound ("(5", "[a"). */
  target: string;
  /** Top level first: the ranks stood on at each level (where it starts, every node moved to). */
  visited: { level: number; ids: number[] }[];
  /** Rank of the node found (after ZREM: the rank the removed node had), or null. */
  found: number | null;
  /** Levels of that node (its tower's height). */
  foundLevel: number | null;
  /** Forward links followed. */
  links: number;
  /** 'update': per level below the node's height, the rank whose forward link was rewritten. */
  changed?: { level: number; id: number }[];
  /** ZADD / ZINCRBY inserted this node (a new tower); ZREM removed it. */
  inserted?: boolean;
  /** ZADD / ZINCRBY changed the member's order: zslUpdateScore removed its node and inserted a new one. */
  moved?: boolean;
  removed?: boolean;
}

/** What a command did on a listpack-encoded zset instead: a linear scan from the head. */
export interface ListpackScanSnap {
  /** Entries read before the command found its place (from the head, or from the tail). */
  scanned: number;
  /** The scan started at the tail (reverse ranges): it read the last `scanned` entries. */
  fromTail?: boolean;
  /** Index of the entry found, inserted, or (ZREM) where the removed one was; null when none. */
  found: number | null;
  inserted?: boolean;
  removed?: boolean;
}

/** A geo query (GEOSEARCH, GEORADIUS...): its shape on the earth and the members it returned. */
export interface GeoQuerySnap {
  lon: number;
  lat: number;
  /** BYRADIUS: metres; BYBOX: width and height in metres. */
  radiusM?: number;
  widthM?: number;
  heightM?: number;
  /** Members the query returned (or stored), in reply order. */
  members: string[];
}

/**
 * The last command that read or wrote this zset (kept until the key changes in another way): the
 * searches it made in the skiplist, or its listpack scan, or its geo query.
 */
export interface KeyAccess {
  /** Command name, upper case ("ZSCORE"). */
  command: string;
  /** Its arguments after the key, as a binary string, shortened. */
  args: string;
  encoding: 'skiplist' | 'listpack';
  /** Skiplist searches, the first few of `searchCount`. */
  searches: SkipSearchSnap[];
  searchCount: number;
  scan?: ListpackScanSnap;
  geo?: GeoQuerySnap;
}

export interface KeyInspection {
  db: number;
  key: string;
  nowMs: number;
  /** null when the key does not exist (anymore). */
  type: KeyType | null;
  encoding: string | null;
  expiresAtMs: number | null;
  picture: KeyPicture | null;
  /** zsets: the last command that searched or changed this key, to draw its path. */
  lastAccess?: KeyAccess;
}
