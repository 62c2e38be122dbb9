/*
 * The way out of a console with the keyboard. Tab completes commands inside the terminal (as in
 * redis-cli), so Tab alone cannot move focus on (that would take completion away); Escape then Tab (or
 * Shift+Tab) leaves it, the convention of code editors on the web. This avoids a keyboard trap (WCAG
 * 2.1.2).
 *
 * The handler sees every keydown the terminal gets; it returns false for the Tab that follows Escape,
 * which tells xterm not to handle that key, so the browser moves focus as usual. Any other key in
 * between cancels the escape.
 */
export type KeyFilter = (e: Pick<KeyboardEvent, 'type' | 'key'>) => boolean;

/** A filter for xterm's attachCustomKeyEventHandler: true lets the terminal handle the event. */
export function tabEscapeFilter(): KeyFilter {
  let armed = false;
  return (e) => {
    if (e.type !== 'keydown') return !(armed && e.key === 'Tab');
    if (e.key === 'Escape') {
      armed = true;
      return true;
    }
    if (e.key === 'Tab' && armed) {
      armed = false;
      return false;
    }
    // Modifier keys alone (Shift of Shift+Tab) keep the escape armed.
    if (e.key !== 'Shift') armed = false;
    return true;
  };
}
