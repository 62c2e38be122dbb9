/*
 * The effective colour scheme as reactive state, for pictures drawn on a canvas: they read the colour
 * variables when they draw, so an effect that reads `themeScheme.current` redraws on a theme change.
 * (SVG pictures and the page use the variables directly and need nothing.)
 */
import { currentScheme, onSchemeChange, type Scheme } from './theme.ts';

export const themeScheme = $state<{ current: Scheme }>({ current: currentScheme() });

// One listener for the page's lifetime.
onSchemeChange((s) => (themeScheme.current = s));
