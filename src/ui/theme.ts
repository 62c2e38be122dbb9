/*
 * The colour theme: "system" (the default: follow prefers-color-scheme), or "light" / "dark" chosen by
 * the user and remembered in localStorage.
 *
 * How it reaches each part of the page:
 * - CSS: a chosen theme sets data-theme on <html>; app.css defines the colour variables for
 *   [data-theme=light|dark] and, without the attribute, by the media query. The SVG pictures use those
 *   variables, so they follow with no redraw.
 * - xterm draws its own colours: it gets one of the ITheme objects below and is told again on change.
 * - Canvas pictures read the variables when they draw: they redraw on change (onSchemeChange).
 *
 * Invariant: effectiveScheme(choice, systemDark) is the scheme everything shows; every change of the
 * choice or of the system scheme notifies each listener once with the new effective scheme.
 */
import type { ITheme } from '@xterm/xterm';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Scheme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const THEME_STORAGE_KEY = 'redis-playground:theme';

export const darkTheme: ITheme = {
  background: '#16181d',
  foreground: '#e6e6e6',
  cursor: '#f0f0f0',
  selectionBackground: '#3a4a66',
  brightBlack: '#8a8f98',
  yellow: '#e5c07b',
};

export const lightTheme: ITheme = {
  background: '#fbfbfc',
  foreground: '#1d1f24',
  cursor: '#1d1f24',
  cursorAccent: '#fbfbfc',
  selectionBackground: '#c9d7f2',
  // Hints (ANSI bright black) and help's yellow keep 4.5:1 on the light background.
  brightBlack: '#676c75',
  yellow: '#8a5d00',
};

/** The scheme shown for a choice, given whether the system prefers dark. */
export function effectiveScheme(choice: ThemeChoice, systemDark: boolean): Scheme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** A stored choice read back; anything unknown is "system". */
export function parseChoice(raw: string | null | undefined): ThemeChoice {
  return raw === 'light' || raw === 'dark' ? raw : 'system';
}

export function terminalTheme(scheme: Scheme): ITheme {
  return scheme === 'dark' ? darkTheme : lightTheme;
}

const query = (): MediaQueryList | null =>
  typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const listeners = new Set<(s: Scheme) => void>();
let choice: ThemeChoice = parseChoice(storage()?.getItem(THEME_STORAGE_KEY));

export function currentChoice(): ThemeChoice {
  return choice;
}

export function currentScheme(): Scheme {
  // Without matchMedia the stylesheet's default (light) applies.
  return effectiveScheme(choice, query()?.matches === true);
}

/** Puts the choice on <html> (data-theme, or none to follow the system). */
export function applyChoiceToDocument(c: ThemeChoice = choice): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  if (c === 'system') delete root.dataset.theme;
  else root.dataset.theme = c;
}

/** Chooses a theme: remembered, applied to the page, and told to every listener. */
export function chooseTheme(c: ThemeChoice): void {
  choice = c;
  try {
    if (c === 'system') storage()?.removeItem(THEME_STORAGE_KEY);
    else storage()?.setItem(THEME_STORAGE_KEY, c);
  } catch {
    // Storage full or denied: the choice lasts for this page only.
  }
  applyChoiceToDocument(c);
  notify();
}

function notify(): void {
  const s = currentScheme();
  for (const l of listeners) l(s);
}

let systemWatched = false;

/** Calls `apply` on every change of the effective scheme (not now); returns a stop function. */
export function onSchemeChange(apply: (s: Scheme) => void): () => void {
  if (!systemWatched) {
    systemWatched = true;
    query()?.addEventListener('change', notify);
  }
  listeners.add(apply);
  return () => listeners.delete(apply);
}

/** Calls `apply` with the terminal theme now and whenever the effective scheme changes. */
export function followTheme(apply: (t: ITheme) => void): () => void {
  apply(terminalTheme(currentScheme()));
  return onSchemeChange((s) => apply(terminalTheme(s)));
}
