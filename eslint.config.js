// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The server's layers, top to bottom: `cli` and `server` (wiring) → `http` → the domains →
 * `model`, `store`, `errors`, `clock`. A file may import its own layer and those below it, never above.
 */
const SERVER = 'packages/server/src';
const DOMAINS = [
  'analytics',
  'auth',
  'connectors',
  'conversations',
  'instances',
  'intake',
  'intents',
  'knowledge',
  'metrics',
  'quality',
  'routing',
  'runtime',
  'sources',
  'workflows',
];
const BOTTOM = ['model', 'store', 'errors', 'clock'];

/** A restriction on imports of the server's `folders` from a sibling folder. */
const above = (folders, why, allowTypeImports = false) => ({
  regex: `^\\.\\./(${folders.join('|')})/`,
  message: `Layers point one way (CONTRIBUTING.md): ${why}`,
  allowTypeImports,
});

const CONSOLE_MESSAGE =
  "Show short messages with useConsoleMessage() (app/use-console-message.ts): it names their icons in the console's language.";

const layerRule = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  // bench/runtime/runtime-load.mjs is the shared load harness, kept byte for byte as measured with.
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      'bench/runtime/runtime-load.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: [`${SERVER}/{${DOMAINS.join(',')}}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: layerRule(
      above(['http', 'cli'], 'a domain module must not import the HTTP layer or the CLI.'),
      // The configuration's types live beside the wiring in server/.
      above(['server'], 'a domain module imports only types from server/.', true),
    ),
  },
  {
    files: [`${SERVER}/{${BOTTOM.join(',')}}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: layerRule(
      above(
        ['http', 'cli', 'server', ...DOMAINS],
        'model/, store/, errors/ and clock/ are below every domain and must not import one.',
      ),
    ),
  },
  {
    files: [`${SERVER}/http/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: layerRule(
      above(['cli'], 'the HTTP layer must not import the CLI.'),
      above(['server'], 'the HTTP layer imports only types from the wiring in server/.', true),
    ),
  },
  {
    files: ['packages/engine/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@xiaoer/server', '@xiaoer/server/*', '**/server/src/**'],
              message: 'The engine is pure: it must not import the server.',
            },
          ],
        },
      ],
    },
  },
  {
    // Ant Design names a short message's icon by its English file name ("check-circle"):
    // the console shows its messages through useConsoleMessage, which names it in its language.
    files: ['packages/builder-ui/src/**/*.{ts,tsx}'],
    ignores: ['packages/builder-ui/src/app/use-console-message.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "VariableDeclarator[init.callee.property.name='useApp'] > ObjectPattern > Property[key.name='message']",
          message: CONSOLE_MESSAGE,
        },
        {
          selector:
            "MemberExpression[object.callee.property.name='useApp'][property.name='message']",
          message: CONSOLE_MESSAGE,
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'antd', importNames: ['message'], message: CONSOLE_MESSAGE }] },
      ],
    },
  },
  {
    // The chat widget runs in shop pages' browsers.
    files: ['packages/builder-ui/public/**/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
);
