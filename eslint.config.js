// ESLint flat config. The import rules here enforce DESIGN.md's one rule:
// the runtime never depends on Electron or the renderer, and the browser-safe
// contracts (runtime/shared, node definitions) import nothing Node-only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeOnly = [
  'node:*',
  'express',
  'lowdb',
  'lowdb/*',
  '@ngrok/ngrok',
  'busboy',
  'fs',
  'path',
  'crypto',
  'http',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'test-artifacts/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (DESIGN.md naming).' },
      ],
    },
  },
  {
    files: ['runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The runtime runs without Electron.' },
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'The runtime never imports main/ or renderer/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'runtime/shared/**/*.ts',
      'runtime/paths/**/*.ts',
      'runtime/nodes/*/definition.ts',
      'runtime/nodes/definitions.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'Browser-safe file: no Node-only imports.' },
            {
              group: ['electron', 'electron/*', '**/main/**', '**/renderer/**'],
              message: 'Browser-safe file.',
            },
            {
              group: ['**/server/**', '**/store/**', '**/engine/**', '**/execute'],
              message: 'Browser-safe file: runtime internals are Node-only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'The designer runs in a browser.' },
            {
              group: ['electron', 'electron/*', '**/main/**'],
              message: 'The designer talks to the runtime over HTTP, never IPC.',
            },
            {
              regex:
                '^(\\.\\./)+runtime/(?!shared/|paths/|nodes/[a-z0-9-]+/definition$|nodes/definitions$)',
              message:
                'The designer imports only runtime/shared/**, runtime/paths/** and node definitions.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/renderer/**'], message: 'main/ does not import the renderer.' }],
        },
      ],
    },
  },
  {
    files: [
      '**/*.config.{js,ts}',
      'scripts/**/*.mjs',
      'bin/**/*.js',
      'renderer/vite.config.ts',
      'playwright.config.ts',
    ],
    rules: { 'no-restricted-syntax': 'off', 'no-restricted-imports': 'off' },
  },
  {
    // Playwright fixtures that need no other fixture take `{}` by its API's design.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
