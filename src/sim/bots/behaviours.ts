/*
 * What one operation of each bot kind sends (see spec.ts for the kinds). Behaviours hold only their
 * own progress (a consumer's crash, a claimer's cursor); counters live on the Bot.
 *
 * A consumer starts as a restarted worker should: it first reads its own pending entries (XREADGROUP
 * ... 0), acking them, and once that backlog is empty reads new entries (XREADGROUP ... >). So a
 * consumer restarted under a crashed one's name finishes that one's work.
 *
 * Consumer crash, step by step: it acks what it reads until `crashAfter` entries are acked; the batch
 * that crosses that line is acked only up to it, and the rest of that batch stays in its pending
 * entries list (PEL); then it crashes. With COUNT 1 and crashAfter 3, entries 1..3 are acked and entry
 * 4 is left pending. A claimer's XAUTOCLAIM later takes such entries over once they are idle long
 * enough, and acks them.
 */
import type { Bot, Behaviour } from './bot.ts';
import { idsOfRead, readAutoclaim } from './replies.ts';
import type { BotSpec, ClaimerSpec, ConsumerSpec, ProducerSpec, PublisherSpec, ScriptSpec } from './spec.ts';

export function behaviourFor(spec: BotSpec): Behaviour {
  switch (spec.kind) {
    case 'producer':
      return producer(spec);
    case 'consumer':
      return new Consumer(spec);
    case 'claimer':
      return new Claimer(spec);
    case 'publisher':
      return publisher(spec);
    case 'script':
      return script(spec);
  }
}

function producer(spec: ProducerSpec): Behaviour {
  const trim = spec.maxLen !== undefined ? ['MAXLEN', '~', String(spec.maxLen)] : [];
  return {
    summary: `XADD ${spec.stream} at ${spec.perSecond}/s`,
    op(bot) {
      const fields = spec.fields.flatMap(([f, v]) => [bot.expand(f), bot.expand(v)]);
      const r = bot.call(['XADD', spec.stream, ...trim, '*', ...fields]);
      if (r && r.t !== 'error') bot.processed++;
    },
  };
}

/** Reads with XREADGROUP and acks; may crash on purpose (see the header). */
class Consumer implements Behaviour {
  readonly summary: string;
  /** Still reading its own pending entries (id 0) before new ones ('>'). */
  private backlog = true;

  constructor(private readonly spec: ConsumerSpec) {
    const crash = spec.crashAfter !== undefined ? `, crashes after ${spec.crashAfter}` : '';
    this.summary = `XREADGROUP ${spec.group}/${spec.consumer} on ${spec.stream} at ${spec.perSecond}/s${crash}`;
  }

  op(bot: Bot): void {
    const s = this.spec;
    let ids = this.read(bot, this.backlog ? '0' : '>');
    if (ids === null) return;
    if (ids.length === 0 && this.backlog) {
      this.backlog = false;
      ids = this.read(bot, '>');
      if (ids === null) return;
    }
    if (ids.length === 0) return;
    const room = s.crashAfter === undefined ? ids.length : Math.max(0, s.crashAfter - bot.processed);
    const toAck = ids.slice(0, room);
    if (toAck.length > 0) {
      const acked = bot.call(['XACK', s.stream, s.group, ...toAck]);
      if (acked?.t === 'int') bot.processed += Number(acked.n);
    }
    if (toAck.length < ids.length) {
      const hang = s.crashMode === 'hang';
      bot.lastError = `crashed (${hang ? 'hung' : 'disconnected'}) with ${ids.length - toAck.length} entries pending`;
      bot.halt('crashed', hang);
    }
  }

  /** The IDs one XREADGROUP from `from` returned, or null after an error (a missing group is created). */
  private read(bot: Bot, from: '0' | '>'): string[] | null {
    const s = this.spec;
    const argv = ['XREADGROUP', 'GROUP', s.group, s.consumer, 'COUNT', String(s.count ?? 1)];
    const r = bot.call([...argv, 'STREAMS', s.stream, from]);
    if (r?.t !== 'error') return idsOfRead(r, s.stream);
    if (r.s.startsWith('NOGROUP') && s.createGroup !== false) {
      bot.call(['XGROUP', 'CREATE', s.stream, s.group, '0', 'MKSTREAM']);
    }
    return null;
  }
}

/** Takes over idle pending entries with XAUTOCLAIM, walking the PEL with its cursor, and acks them. */
class Claimer implements Behaviour {
  readonly summary: string;
  private cursor = '0-0';

  constructor(private readonly spec: ClaimerSpec) {
    this.summary = `XAUTOCLAIM ${spec.group}/${spec.consumer} on ${spec.stream} every ${spec.everyMs} ms (idle ${spec.minIdleMs} ms)`;
  }

  op(bot: Bot): void {
    const s = this.spec;
    const r = bot.call([
      'XAUTOCLAIM',
      s.stream,
      s.group,
      s.consumer,
      String(s.minIdleMs),
      this.cursor,
      'COUNT',
      String(s.count ?? 10),
    ]);
    const claimed = readAutoclaim(r);
    if (!claimed) return;
    this.cursor = claimed.cursor;
    if (claimed.ids.length === 0) return;
    const acked = bot.call(['XACK', s.stream, s.group, ...claimed.ids]);
    if (acked?.t === 'int') bot.processed += Number(acked.n);
  }
}

function publisher(spec: PublisherSpec): Behaviour {
  return {
    summary: `PUBLISH ${spec.channel} at ${spec.perSecond}/s`,
    op(bot) {
      const r = bot.call(['PUBLISH', spec.channel, bot.expand(spec.message)]);
      if (r && r.t !== 'error') bot.processed++;
    },
  };
}

function script(spec: ScriptSpec): Behaviour {
  const names = spec.commands.map((c) => c[0]!.toUpperCase()).join(', ');
  return {
    summary: `${names} every ${spec.everyMs} ms`,
    op(bot) {
      for (const c of spec.commands) bot.call(c.map((a) => bot.expand(a)));
      bot.processed++;
    },
  };
}
