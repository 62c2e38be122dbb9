import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/*
 * Layering (DESIGN.md): engine imports nothing of ours but itself; sim imports engine; worker and node
 * import engine, sim, protocol; client imports protocol; ui and viz import client, protocol and each
 * other, never engine or sim. The engine and the simulation never touch global time or randomness.
 */
const layer = (from, banned) => ({
  files: [`src/${from}/**/*.{ts,svelte}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((b) => ({
          group: [`**/${b}/*`, `**/${b}`],
          message: `src/${from} must not import src/${b} (see DESIGN.md layering).`,
        })),
      },
    ],
  },
});

const pureGlobals = {
  files: ['src/engine/**/*.ts', 'src/sim/**/*.ts', 'src/protocol/**/*.ts'],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-globals': [
      'error',
      ...[
        'setTimeout',
        'setInterval',
        'setImmediate',
        'performance',
        'window',
        'document',
        'localStorage',
        'indexedDB',
        'process',
        'Buffer',
        'require',
      ].map((name) => ({ name, message: 'Pure code: inject time, storage and host APIs through ports.' })),
    ],
    'no-restricted-properties': [
      'error',
      { object: 'Math', property: 'random', message: 'Use the injected Random port.' },
      { object: 'Date', property: 'now', message: 'Use the injected Clock port.' },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: "NewExpression[callee.name='Date']", message: 'Use the injected Clock port.' },
      { selector: 'ImportDeclaration[source.value=/^node:/]', message: 'No Node APIs in pure code.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  layer('engine', ['sim', 'protocol', 'worker', 'node', 'client', 'ui', 'viz']),
  layer('sim', ['protocol', 'worker', 'node', 'client', 'ui', 'viz']),
  layer('protocol', ['engine', 'sim', 'worker', 'node', 'client', 'ui', 'viz']),
  layer('worker', ['client', 'ui', 'viz']),
  layer('node', ['client', 'ui', 'viz', 'worker']),
  layer('client', ['engine', 'sim', 'worker', 'node', 'ui', 'viz']),
  layer('ui', ['engine', 'sim', 'worker', 'node']),
  layer('viz', ['engine', 'sim', 'worker', 'node']),
  pureGlobals,
);
