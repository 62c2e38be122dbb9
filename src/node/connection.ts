/*
 * One TCP connection to the engine: socket bytes -> RequestParser -> node.execute(), and replies ->
 * RespWriter -> socket. This is the ClientSink the node writes to.
 *
 * Output batching: replies are encoded into a per-connection RespWriter (its buffer is reused) and
 * flushed with one socket.write() per batch. A flush runs at the end of every incoming data chunk, so a
 * pipeline of N commands costs one write; replies that arrive outside a data chunk (a push, an
 * unblocked command, another client's CLIENT KILL) are flushed from a microtask. A flush copies the
 * bytes into a fresh Buffer (pooled by Node for small sizes) because the socket may hold it.
 *
 * Closing follows Redis's CLIENT_CLOSE_AFTER_REPLY: sink.close() (QUIT, CLIENT KILL, protocol error)
 * stops running input, flushes what is pending, then closes the socket fully. The node forgets the client when the
 * socket closes, whoever closed it. Nothing here may throw into Node's event loop.
 */
import type { Socket } from 'node:net';
import { RespWriter } from '../engine/resp/encode.ts';
import { err, type Reply } from '../engine/resp/reply.ts';
import { RequestParser, type RequestLimits } from '../engine/resp/request-parser.ts';
import type { Client, ClientSink } from '../engine/server/client.ts';
import type { ServerNode } from '../engine/server/node.ts';

/** client-query-buffer-limit cannot be set below 1 MB, so smaller buffers skip the lookup. */
const MIN_QUERY_BUFFER_LIMIT = 1024 * 1024;
const MAX_KEPT_OUTPUT_BYTES = 1024 * 1024;
/** Redis's PROTO_IOBUF_LEN: the size of its first read from a client. */
const REDIS_READ_BYTES = 16 * 1024;

export interface ConnectionHooks {
  log(msg: string): void;
  /** Called when input arrives, before any command runs (the host refreshes its cached time). */
  onInput(): void;
}

export class Connection implements ClientSink {
  readonly client: Client;
  private readonly parser: RequestParser;
  private readonly out = new RespWriter(16 * 1024);
  private inDataChunk = false;
  private flushQueued = false;
  private closing = false;

  constructor(
    private readonly node: ServerNode,
    private readonly socket: Socket,
    private readonly hooks: ConnectionHooks,
  ) {
    socket.setNoDelay(true);
    this.client = node.connect(this, {
      addr: `${socket.remoteAddress}:${socket.remotePort}`,
      laddr: `${socket.localAddress}:${socket.localPort}`,
    });
    this.parser = new RequestParser(requestLimits(node, this.client));
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => undefined); // 'close' follows; a reset peer is not our problem
    socket.on('close', () => this.node.disconnect(this.client));
  }

  write(r: Reply): void {
    if (this.closing) return;
    this.out.write(r, this.client.resp);
    if (!this.inDataChunk && !this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
  }

  close(): void {
    if (this.closing) return;
    this.flush();
    this.closing = true;
    // Like Redis's close(): once the pending replies are handed to the kernel, the descriptor is
    // closed outright (not half-closed), so a peer that keeps writing gets an error.
    this.socket.end(() => this.socket.destroy());
  }

  private onData(chunk: Buffer): void {
    if (this.closing) return;
    const stats = this.node.stats;
    stats.totalReadsProcessed++;
    stats.netInputBytes += chunk.length;
    this.inDataChunk = true;
    try {
      this.hooks.onInput();
      // Redis reads at most 16 KB per read(2) into a fresh query buffer and checks its 64 KB line
      // limits after each read; feeding Node's (up to 64 KB) chunks in 16 KB slices puts the
      // "too big inline request" threshold where Redis's lands.
      for (let at = 0; at < chunk.length && !this.client.closed; at += REDIS_READ_BYTES) {
        this.parser.feed(
          chunk.length <= REDIS_READ_BYTES ? chunk : chunk.subarray(at, at + REDIS_READ_BYTES),
        );
        this.runCommands();
      }
      this.node.beforeSleep();
    } catch (e) {
      this.hooks.log(`Internal error serving client ${this.client.id}: ${e instanceof Error ? e.stack : e}`);
      this.node.kill(this.client);
    } finally {
      this.inDataChunk = false;
    }
    this.flush();
  }

  /** Executes every complete command in the buffer, as Redis's processInputBuffer does. */
  private runCommands(): void {
    const c = this.client;
    while (!c.closed) {
      const argv = this.parser.next();
      if (argv === undefined) break;
      this.node.execute(c, argv);
    }
    if (c.closed) return;
    const error = this.parser.error;
    if (error !== undefined) {
      this.node.stats.countError(error);
      this.node.reply(c, err(error));
      this.node.kill(c);
    } else if (this.parser.pendingBytes > MIN_QUERY_BUFFER_LIMIT) {
      const limit = this.node.config.getInt('client-query-buffer-limit');
      if (this.parser.pendingBytes > limit) {
        this.hooks.log(`Closing client that reached max query buffer length (id=${c.id})`);
        this.node.kill(c);
      }
    }
  }

  private flush(): void {
    this.flushQueued = false;
    const out = this.out;
    if (out.len === 0 || this.closing) return;
    const bytes = Buffer.allocUnsafe(out.len);
    bytes.set(out.buf.subarray(0, out.len));
    out.len = 0;
    // A huge reply grew the buffer: let it go rather than keep it for the connection's lifetime.
    if (out.buf.length > MAX_KEPT_OUTPUT_BYTES) out.buf = new Uint8Array(16 * 1024);
    const stats = this.node.stats;
    stats.totalWritesProcessed++;
    stats.netOutputBytes += bytes.length;
    this.socket.write(bytes);
  }
}

function requestLimits(node: ServerNode, c: Client): RequestLimits {
  return {
    maxBulkLen: () => node.config.getInt('proto-max-bulk-len'),
    authRequired: () => node.acl.authRequired(c),
  };
}
