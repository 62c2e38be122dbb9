/*
 * Terminal colours for the system's light and dark schemes. The page itself follows the scheme with
 * CSS (prefers-color-scheme); xterm draws its own canvas/DOM colours, so it gets a matching theme
 * object and is told again whenever the system scheme changes.
 */
import type { ITheme } from '@xterm/xterm';

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
  selectionBackground: '#c9d7f2',
  brightBlack: '#7b808a',
  yellow: '#9a6a00',
};

const query = (): MediaQueryList | null =>
  typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

export function systemTheme(): ITheme {
  return query()?.matches === false ? lightTheme : darkTheme;
}

/** Calls `apply` with the theme now and on every system scheme change; returns a stop function. */
export function followSystemTheme(apply: (t: ITheme) => void): () => void {
  apply(systemTheme());
  const q = query();
  if (!q) return () => {};
  const onChange = (): void => apply(systemTheme());
  q.addEventListener('change', onChange);
  return () => q.removeEventListener('change', onChange);
}
