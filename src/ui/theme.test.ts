/*
 * The theme choice (system / light / dark) and the palettes in app.css: the dark palette's two copies
 * (chosen and system) are equal, both palettes define the same variables, and every text colour keeps
 * WCAG AA contrast (4.5:1) on every background it is drawn on, in both schemes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { effectiveScheme, lightTheme, darkTheme, parseChoice } from './theme.ts';

const css = readFileSync(new URL('./app.css', import.meta.url), 'utf8');

/** The custom properties declared in the first block whose selector line matches `selector`. */
function palette(selector: RegExp): Map<string, string> {
  const start = css.search(selector);
  if (start < 0) throw new Error(`no block ${selector}`);
  const open = css.indexOf('{', start);
  const body = css.slice(open + 1, css.indexOf('}', open));
  const vars = new Map<string, string>();
  for (const m of body.matchAll(/(--[\w-]+):\s*([^;]+);/g)) vars.set(m[1]!, m[2]!.trim());
  return vars;
}

function channel(hex: string, i: number): number {
  const s = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const light = palette(/^:root \{/m);
const dark = palette(/^:root\[data-theme='dark'\] \{/m);
const systemDark = palette(/:root:not\(\[data-theme='light'\]\) \{/);

/** Text colour variables and the backgrounds each is drawn on somewhere in the UI. */
const PAIRS: [string, string[]][] = [
  ['--fg', ['--bg', '--term-bg', '--hover', '--badge-bg']],
  ['--muted', ['--bg', '--term-bg', '--hover']],
  ['--badge-fg', ['--badge-bg', '--bg', '--term-bg']],
  ['--off-fg', ['--off-bg', '--bg', '--term-bg']],
];

describe('theme choice', () => {
  it('follows the system unless light or dark is chosen', () => {
    expect(effectiveScheme('system', true)).toBe('dark');
    expect(effectiveScheme('system', false)).toBe('light');
    expect(effectiveScheme('light', true)).toBe('light');
    expect(effectiveScheme('dark', false)).toBe('dark');
  });

  it('reads anything unknown back as system', () => {
    expect(parseChoice('dark')).toBe('dark');
    expect(parseChoice('light')).toBe('light');
    expect(parseChoice(null)).toBe('system');
    expect(parseChoice('purple')).toBe('system');
  });
});

describe('palettes in app.css', () => {
  it('writes the dark palette the same way twice and both palettes name the same variables', () => {
    expect(dark.size).toBeGreaterThan(8);
    expect([...systemDark]).toEqual([...dark]);
    const colours = (m: Map<string, string>) => [...m.keys()].filter((k) => k !== '--mono').sort();
    expect(colours(dark)).toEqual(colours(light));
  });

  for (const [name, vars] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`keeps 4.5:1 contrast for text in the ${name} palette`, () => {
      const low: string[] = [];
      for (const [fg, bgs] of PAIRS) {
        for (const bg of bgs) {
          const ratio = contrast(vars.get(fg)!, vars.get(bg)!);
          if (ratio < 4.5) low.push(`${fg} on ${bg}: ${ratio.toFixed(2)}`);
        }
      }
      expect(low).toEqual([]);
    });
  }

  it('gives the terminal the page palette’s background and readable hints', () => {
    expect(lightTheme.background).toBe(light.get('--term-bg'));
    expect(darkTheme.background).toBe(dark.get('--term-bg'));
    expect(contrast(lightTheme.brightBlack!, lightTheme.background!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(darkTheme.brightBlack!, darkTheme.background!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(lightTheme.yellow!, lightTheme.background!)).toBeGreaterThanOrEqual(4.5);
  });
});
