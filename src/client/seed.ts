/*
 * The `?seed=N` page parameter that makes a session reproducible: N is an unsigned 32-bit integer in
 * decimal (what hello reports back). Anything else is ignored, so a typo gives a random seed rather
 * than a silently different fixed one.
 */
const MAX_SEED = 0xffffffff;

/** The seed in a URL query string (location.search), or undefined when absent or invalid. */
export function seedFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('seed');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= MAX_SEED ? n : undefined;
}
