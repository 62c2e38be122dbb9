/*
 * The README's pictures as data: for each, the console lines that make its dataset (typed like a user,
 * with the clock paused so nothing moves), how the picture is opened (`viz <key>` or a view tab), and
 * the element whose presence says it is drawn. Encodings are Redis's own choices for the data typed;
 * where a small example would stay in a compact encoding, a CONFIG SET lowers the threshold first, as
 * a user exploring conversions would.
 */

export interface Scene {
  /** File name stem: docs/screenshots/<name>-<theme>.png. */
  name: string;
  /** Caption in the README. */
  title: string;
  commands: string[];
  /** `viz <key>` typed after the commands, or the view tab clicked. */
  open: { viz: string } | { tab: 'view-slots' | 'view-ratelimit' | 'view-charts' };
  /** CSS selector that exists once the picture is drawn. */
  ready: string;
  /** Clock steps (1 s each, Step button) after opening: pictures that need time to pass. */
  steps?: number;
  /** Buttons (by accessible name) clicked after opening, when present. */
  click?: string[];
  /** Bot specs (protocol/bots.ts) started before the steps: traffic for the charts. */
  bots?: unknown[];
}

const svgKind = (kind: string): string => `[data-testid="picture-svg"][data-kind="${kind}"]`;

export const SCENES: Scene[] = [
  {
    name: 'zset-skiplist',
    title: 'Sorted set as a skiplist',
    commands: [
      'CONFIG SET zset-max-listpack-entries 4',
      'ZADD leaderboard 12 alice 7 bob 31 carol 18 dave 25 erin 3 frank 42 grace',
    ],
    open: { viz: 'leaderboard' },
    ready: svgKind('zset-skiplist'),
  },
  {
    name: 'zset-listpack',
    title: 'Small sorted set as a listpack',
    commands: ['ZADD podium 1 gold 2 silver 3 bronze'],
    open: { viz: 'podium' },
    ready: svgKind('zset-listpack'),
  },
  {
    name: 'stream',
    title: 'Stream with a consumer group and its pending entries',
    commands: [
      'XADD orders 1700000000000-0 item book qty 1',
      'XADD orders 1700000000001-0 item lamp qty 2',
      'XADD orders 1700000000002-0 item pen qty 10',
      'XADD orders 1700000000003-0 item mug qty 4',
      'XADD orders 1700000000004-0 item desk qty 1',
      'XGROUP CREATE orders shipping 0',
      'XREADGROUP GROUP shipping alice COUNT 2 STREAMS orders >',
      'XREADGROUP GROUP shipping bob COUNT 1 STREAMS orders >',
      'XACK orders shipping 1700000000000-0',
    ],
    open: { viz: 'orders' },
    ready: svgKind('stream'),
  },
  {
    name: 'hash-slots',
    title: 'Keys by cluster hash slot',
    commands: ['MSET user:1 ada user:2 bob {cart}:1 x {cart}:2 y order:7 z session:9 s'],
    open: { tab: 'view-slots' },
    ready: '[data-testid="slot-canvas"] canvas',
  },
  {
    name: 'list-quicklist',
    title: 'List as a quicklist of listpack nodes',
    commands: [
      'CONFIG SET list-max-listpack-size 4',
      'RPUSH tasks write test review merge deploy monitor fix release ship',
    ],
    open: { viz: 'tasks' },
    ready: '[data-testid="picture-svg"][data-layout="list-quicklist"]',
  },
  {
    name: 'set',
    title: 'Set of integers as an intset',
    commands: ['SADD primes 2 3 5 7 11 13 17 19'],
    open: { viz: 'primes' },
    ready: '[data-testid="picture-svg"][data-layout^="set"]',
  },
  {
    name: 'hash',
    title: 'Hash as a listpack',
    commands: ['HSET user:42 name Ada lang en visits 42 plan pro'],
    open: { viz: 'user:42' },
    ready: '[data-testid="picture-svg"][data-layout="hash-listpack"]',
  },
  {
    name: 'string-bits',
    title: 'String bytes and bits',
    commands: ['SET flags Hi!', 'SETBIT flags 7 1'],
    open: { viz: 'flags' },
    ready: '[data-testid="picture-svg"][data-layout="string"]',
  },
  {
    name: 'hyperloglog',
    title: 'HyperLogLog registers',
    commands: ['PFADD visitors ada bob cy dee eve fay gus hal ivy jo kim lu mo ned oz pat'],
    open: { viz: 'visitors' },
    ready: '[data-testid="hll"] canvas',
  },
  {
    name: 'geo',
    title: 'Geo set on a lon/lat plane',
    commands: [
      'GEOADD places 13.361389 38.115556 Palermo 15.087269 37.502669 Catania 2.352222 48.856613 Paris 12.496366 41.902782 Rome -0.127758 51.507351 London',
    ],
    open: { viz: 'places' },
    ready: '[data-testid="geo-plane"]',
  },
  {
    name: 'rate-limit-lab',
    title: 'Rate-limit lab',
    commands: [],
    open: { tab: 'view-ratelimit' },
    ready: '[data-testid="ratelimit-lab"]',
    click: ['Start'],
    steps: 5,
  },
  {
    name: 'memory-ops',
    title: 'Memory and ops/s charts',
    commands: ['MSET a 1 b 2 c 3'],
    open: { tab: 'view-charts' },
    ready: '[data-testid="metrics-charts"]',
    bots: [
      {
        kind: 'script',
        everyMs: 50,
        commands: [
          ['INCR', 'hits'],
          ['RPUSH', 'log', 'event:{seq}'],
        ],
      },
    ],
    steps: 12,
  },
];
