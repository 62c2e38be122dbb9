/*
 * Placeholders in bot strings, so a producer can write varied but reproducible entries:
 *   {seq}          the bot's operation number (1, 2, 3 ...)
 *   {rand}         an integer in 0..999 from the bot's own seeded PRNG
 *   {rand:A-B}     an integer in A..B (inclusive; A <= B, both non-negative)
 *   {bot}          the bot's name
 *   {now}          the virtual clock in unix ms
 * Anything else in braces is left as written. Draws happen left to right, so a spec and a seed give
 * the same strings on every run.
 */
import type { Random } from '../../engine/ports.ts';

export interface TemplateContext {
  seq: number;
  bot: string;
  nowMs: number;
  random: Random;
}

const PLACEHOLDER = /\{(seq|rand|bot|now)(?::(\d{1,15})-(\d{1,15}))?\}/g;

export function expandTemplate(template: string, ctx: TemplateContext): string {
  if (!template.includes('{')) return template;
  return template.replace(PLACEHOLDER, (whole, name: string, lo?: string, hi?: string) => {
    switch (name) {
      case 'seq':
        return lo === undefined ? String(ctx.seq) : whole;
      case 'bot':
        return lo === undefined ? ctx.bot : whole;
      case 'now':
        return lo === undefined ? String(ctx.nowMs) : whole;
      default:
        return randomIn(ctx.random, lo, hi) ?? whole;
    }
  });
}

function randomIn(random: Random, lo?: string, hi?: string): string | null {
  const min = lo === undefined ? 0 : Number(lo);
  const max = hi === undefined ? 999 : Number(hi);
  if (min > max) return null;
  return String(min + random.int(max - min + 1));
}
