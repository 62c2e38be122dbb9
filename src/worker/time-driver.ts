/*
 * Virtual time that follows real time. While playing, each sync() advances the world by the real time
 * elapsed since the previous sync times the speed factor; while paused, real time passes unseen. The
 * host syncs before every command (so a TTL observed by a command is as precise as the real clock) and
 * on a periodic tick (so crons, timeouts and pushes happen while the user is idle).
 *
 * The world stays deterministic given its advances: all real-time nondeterminism is confined to the
 * amounts passed to world.advance(), which is what a replay would record.
 */
import type { World } from '../sim/world.ts';

export const SPEED_MIN = 0.001;
export const SPEED_MAX = 10_000;

export class TimeDriver {
  private lastRealMs: number;
  private pausedFlag = false;
  private speedFactor = 1;

  constructor(
    private readonly world: World,
    private readonly realNowMs: () => number,
  ) {
    this.lastRealMs = realNowMs();
  }

  get paused(): boolean {
    return this.pausedFlag;
  }

  get speed(): number {
    return this.speedFactor;
  }

  /** Brings virtual time up to date with real time; returns the virtual ms advanced. */
  sync(): number {
    const now = this.realNowMs();
    const elapsed = now - this.lastRealMs;
    this.lastRealMs = now;
    if (this.pausedFlag || !(elapsed > 0)) return 0;
    const virtualMs = elapsed * this.speedFactor;
    this.world.advance(virtualMs);
    return virtualMs;
  }

  pause(): void {
    this.sync();
    this.pausedFlag = true;
  }

  play(): void {
    this.sync();
    this.pausedFlag = false;
  }

  /** Advances virtual time by `ms` at once, playing or paused. */
  step(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new Error(`step must be a non-negative number of ms, got ${ms}`);
    this.sync();
    this.world.advance(ms);
  }

  setSpeed(factor: number): void {
    if (!Number.isFinite(factor) || factor < SPEED_MIN || factor > SPEED_MAX) {
      throw new Error(`speed factor must be between ${SPEED_MIN} and ${SPEED_MAX}, got ${factor}`);
    }
    this.sync();
    this.speedFactor = factor;
  }
}
