/*
 * Transition length for picture updates: short, and zero when the user asks for reduced motion.
 */
export const UPDATE_MS = 300;

export function motionMs(ms = UPDATE_MS): number {
  if (typeof matchMedia !== 'function') return 0;
  return matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : ms;
}
