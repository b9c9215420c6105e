// Lint errors stay errors (`--max-warnings=0` in package.json, and no rule is downgraded
// to a warning here).
// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const teamsOnly = ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai'];
const cosmosOnly = ['@azure/cosmos', '@vercel/cosmosdb-server'];

/** The layers (docs/architecture.md), enforced: who may import Teams, Azure and card code. */
const restrict = (patterns, message, regex) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }, ...(regex ? [{ regex, message }] : [])] }],
});

/** Any import of the card templates and their render functions (cards/ at the root). */
const cardsCode = '(^|/)cards/';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'coverage/', 'docs/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.js', 'bench/*.js', 'bot/data/cosmos/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['bot/domain/**/*.ts'],
    rules: restrict(
      [...teamsOnly, ...cosmosOnly, '@azure/*', 'restify', 'pino'],
      'bot/domain is plain TypeScript: no Teams, Azure, server or card imports (renderers are passed in, see bot/start.ts).',
      cardsCode,
    ),
  },
  {
    files: ['bot/delivery/**/*.ts'],
    rules: restrict(
      [...teamsOnly, ...cosmosOnly, '@azure/*', 'restify'],
      'bot/delivery is sending machinery: no Teams, Azure, server or card imports (it sends through the Messenger port).',
      cardsCode,
    ),
  },
  {
    files: ['bot/data/**/*.ts'],
    rules: restrict([...teamsOnly, 'restify'], 'bot/data talks to Cosmos only; Teams code lives in bot/teams, cards in cards/.', cardsCode),
  },
  {
    files: ['bot/*.ts', 'bot/jobs/**/*.ts', 'cards/**/*.ts'],
    ignores: ['bot/start.ts'],
    rules: restrict([...teamsOnly, ...cosmosOnly], 'Only bot/teams imports botbuilder/teams-ai, and only bot/data imports Cosmos.'),
  },
  {
    files: ['bot/tab-api/**/*.ts'],
    rules: restrict([...teamsOnly, ...cosmosOnly], 'bot/tab-api is the tab\'s entry point beside bot/teams: domain services only, no Teams SDK, Cosmos or cards.', cardsCode),
  },
  {
    // The tab runs in the browser: it may read the API's types, never run server code.
    files: ['tab/**/*.ts', 'tab/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/bot/**'], allowTypeImports: true, message: 'tab/ imports only types from bot/ (bot/tab-api/contract.ts); it calls the API instead.' }] }],
    },
  },
  {
    files: ['bot/teams/**/*.ts'],
    rules: restrict(cosmosOnly, 'Only bot/data imports Cosmos.'),
  },
  {
    files: ['bot/pages/**/*.ts'],
    rules: restrict([...teamsOnly, ...cosmosOnly], 'bot/pages draws public pages from domain views: no Teams or Cosmos imports.'),
  },
  {
    files: ['scripts/*.js', 'bench/*.js', 'bot/data/cosmos/*.js', '*.mjs'],
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { require: 'readonly', process: 'readonly', console: 'readonly', module: 'writable', __dirname: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setTimeout: 'readonly' },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
);
