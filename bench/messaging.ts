/*
 * `npm run bench`, part (d): streams and Pub/Sub (the "streams, Pub/Sub, many clients" issue). Reports,
 * never asserts:
 *   (d1) in-process, through node.execute(): XADD with '*' and 5 field/value pairs; XREADGROUP + XACK
 *        one message at a time and 100 at a time (cost per message); PUBLISH to 1,000 subscribed clients
 *        whose sinks count deliveries (cost per PUBLISH and per delivered message);
 *   (d2) over TCP against our server and a real redis-server in the same run: redis-benchmark XADD and
 *        PUBLISH to 1,000 subscriber sockets, with the server CPU time per request and the ratio
 *        ours/real (CPU time is steadier than wall time on a shared machine).
 * BENCH_SKIP_TCP=1 skips (d2).
 */
import net from 'node:net';
import type { Bytes } from '../src/engine/bytes.ts';
import { SeededRandom } from '../src/engine/ds/prng.ts';
import { ServerNode } from '../src/engine/server/node.ts';
import { RealClock } from '../src/node/clock.ts';
import { startRedis } from '../test/diff/redis.ts';
import { findPid, processTreeCpuMs } from './cpu.ts';
import { argv, bestRounds, formatNs, newBenchNode, timeBatch, type Cost } from './dt-timing.ts';
import { formatOps, formatTable } from './table.ts';
import { redisBenchmark, startOurServer } from './tcp.ts';

const SUBSCRIBERS = 1000;
const FIELDS = ['sensor', 'a1', 'temp', '21.5', 'hum', '40', 'unit', 'C', 'seq', '12345'];

function xaddCost(n: number): Cost {
  return bestRounds(3, () => {
    const b = newBenchNode();
    const cmds = Array.from({ length: n }, () => argv('XADD', 's', '*', ...FIELDS));
    const cost = timeBatch(b, cmds);
    b.close();
    return cost;
  });
}

/**
 * Cost per message of consuming `total` entries with XREADGROUP COUNT `batch` followed by one XACK of
 * the IDs read. The IDs are explicit (1-1, 1-2, ...) so the XACK argv can be built before timing.
 */
function consumeCost(total: number, batch: number): Cost {
  return bestRounds(3, () => {
    const b = newBenchNode();
    for (let i = 1; i <= total; i++) b.run('XADD', 's', `1-${i}`, ...FIELDS);
    b.run('XGROUP', 'CREATE', 's', 'g', '0');
    const cmds: Bytes[][] = [];
    for (let i = 1; i <= total; i += batch) {
      cmds.push(argv('XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', String(batch), 'STREAMS', 's', '>'));
      const ids: string[] = [];
      for (let j = i; j < i + batch && j <= total; j++) ids.push(`1-${j}`);
      cmds.push(argv('XACK', 's', 'g', ...ids));
    }
    const cost = timeBatch(b, cmds);
    b.close();
    const perCommandToPerMessage = cmds.length / total;
    return { wallNs: cost.wallNs * perCommandToPerMessage, cpuNs: cost.cpuNs * perCommandToPerMessage };
  });
}

/** Cost per PUBLISH to SUBSCRIBERS in-process clients; also checks every message was delivered. */
function publishCost(publishes: number): Cost {
  return bestRounds(3, () => {
    const node = new ServerNode({ clock: new RealClock(), random: new SeededRandom(1) });
    let delivered = 0;
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const c = node.connect({ write: () => void delivered++, close: () => undefined });
      node.execute(c, argv('SUBSCRIBE', 'news'));
    }
    delivered = 0;
    const pub = node.connect({ write: () => undefined, close: () => undefined });
    const cmd = argv('PUBLISH', 'news', 'hello subscribers');
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < publishes; i++) node.execute(pub, cmd);
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (delivered !== publishes * SUBSCRIBERS)
      throw new Error(`PUBLISH delivered ${delivered}, expected ${publishes * SUBSCRIBERS}`);
    return { wallNs: (wallMs * 1e6) / publishes, cpuNs: ((cpu.user + cpu.system) * 1000) / publishes };
  });
}

function inProcess(): void {
  const xadd = xaddCost(300_000);
  const one = consumeCost(100_000, 1);
  const hundred = consumeCost(300_000, 100);
  const pub = publishCost(2000);
  const row = (name: string, c: Cost, unit: string): string[] => [
    name,
    formatNs(c.cpuNs),
    `${formatOps(1e9 / c.cpuNs)} ${unit}/s`,
    `${formatOps(1e9 / c.wallNs)} ${unit}/s`,
  ];
  console.log('(d1) Streams and Pub/Sub in-process (best of 3, CPU time)');
  console.log(
    formatTable(
      ['operation', 'cost (cpu)', 'rate (cpu)', 'rate (wall)'],
      [
        row('XADD * (5 fields)', xadd, 'entries'),
        row('XREADGROUP COUNT 1 + XACK, per message', one, 'msgs'),
        row('XREADGROUP COUNT 100 + XACK, per message', hundred, 'msgs'),
        row(`PUBLISH to ${SUBSCRIBERS} subscribers`, pub, 'publishes'),
        row(
          '  per delivered message',
          { cpuNs: pub.cpuNs / SUBSCRIBERS, wallNs: pub.wallNs / SUBSCRIBERS },
          'msgs',
        ),
      ],
    ),
  );
  console.log();
}

/** SUBSCRIBERS raw sockets subscribed to `channel`, counting the bytes they receive. */
async function subscribeSockets(port: number, channel: string): Promise<{ bytes(): number; close(): void }> {
  const sockets: net.Socket[] = [];
  let bytes = 0;
  const cmd = `*2\r\n$9\r\nSUBSCRIBE\r\n$${channel.length}\r\n${channel}\r\n`;
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const s = net.createConnection({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.once('data', () => resolve());
      s.write(cmd);
    });
    s.on('data', (d: Buffer) => void (bytes += d.length));
    s.on('error', () => undefined);
    sockets.push(s);
  }
  return { bytes: () => bytes, close: () => sockets.forEach((s) => s.destroy()) };
}

interface TcpFigure {
  rps: number;
  cpuUs: number;
}

async function tcpFigures(port: number, pid: number | undefined): Promise<Record<string, TcpFigure>> {
  const out: Record<string, TcpFigure> = {};
  const measure = async (name: string, n: number, args: string[]): Promise<void> => {
    const cpu0 = pid === undefined ? NaN : processTreeCpuMs(pid);
    const { rps } = await redisBenchmark(port, ['-n', String(n), ...args]);
    const cpuMs = pid === undefined ? NaN : processTreeCpuMs(pid) - cpu0;
    out[name] = { rps: Object.values(rps)[0] ?? NaN, cpuUs: (cpuMs * 1000) / n };
  };
  await measure('XADD * (-P 16)', 200_000, ['-c', '50', '-P', '16', 'XADD', 'bench:s', '*', ...FIELDS]);
  const subs = await subscribeSockets(port, 'news');
  try {
    await measure(`PUBLISH to ${SUBSCRIBERS} subs`, 5000, [
      '-c',
      '10',
      'PUBLISH',
      'news',
      'hello subscribers',
    ]);
  } finally {
    subs.close();
  }
  return out;
}

async function overTcp(): Promise<void> {
  const ours = await startOurServer();
  const real = await startRedis();
  const realPid = findPid(['redis-server', `:${real.port}`]);
  try {
    const a = await tcpFigures(ours.port, ours.pid);
    const b = await tcpFigures(real.port, realPid);
    const rows = Object.keys(a).map((k) => {
      const x = a[k]!;
      const y = b[k]!;
      return [
        k,
        formatOps(x.rps),
        formatOps(y.rps),
        x.cpuUs.toFixed(1),
        y.cpuUs.toFixed(1),
        (y.cpuUs / x.cpuUs).toFixed(2),
      ];
    });
    console.log('(d2) Over TCP: redis-benchmark against our server and redis-server 7.0 (same run)');
    console.log(
      formatTable(
        ['test', 'ours req/s', 'redis req/s', 'ours cpu us/req', 'redis cpu us/req', 'speed ours/real (cpu)'],
        rows,
      ),
    );
  } finally {
    await ours.stop();
    await real.stop();
  }
}

export async function benchMessaging(): Promise<void> {
  inProcess();
  if (process.env.BENCH_SKIP_TCP !== '1') await overTcp();
}
