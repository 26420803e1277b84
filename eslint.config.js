// ESLint flat config. The import rules below are the layering contract of ARCHITECTURE.md:
// routes → service → (policy, repo) → db, one way; common/ imports nothing of server or web.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', 'e2e/artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'No enums: Node type stripping runs erasable syntax only.' },
        { selector: 'TSModuleDeclaration[kind="namespace"]', message: 'No namespaces: erasable syntax only.' },
        { selector: 'TSParameterProperty', message: 'No parameter properties: erasable syntax only.' },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['common/**/*.ts'],
    ignores: ['common/**/*.test.ts'],
    rules: restrict([
      { group: ['**/server/**', '**/web/**', 'node:*', ...builtinModules, 'fastify', 'kysely', 'pg', 'react', 'antd'], message: 'common/ is shared by server and browser: it imports nothing of server/, web/ or Node.' },
    ]),
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    ignores: ['web/vite.config.ts'],
    rules: restrict([{ group: ['**/server/**', 'node:*'], message: 'The web app talks to the server over HTTP only.' }]),
  },
  {
    files: ['server/domain/**/*.routes.ts'],
    rules: restrict([
      { group: ['**/*.repo.ts', '**/db/**', 'kysely', 'pg'], message: 'Routes stay thin: call a service, never a repo or the database.' },
    ]),
  },
  {
    files: ['server/domain/**/*.service.ts'],
    rules: restrict([
      { group: ['**/*.routes.ts', '**/platform/auth.ts', 'fastify'], message: 'Services do not know HTTP.' },
      { group: ['../*/*.repo.ts'], message: "Domains call each other only through services: import the other domain's service." },
    ]),
  },
  {
    files: ['server/domain/**/*.repo.ts'],
    rules: restrict([
      { group: ['**/*.service.ts', '**/*.routes.ts', '**/*.policy.ts', '**/platform/**'], message: 'A repo only queries: it imports the database types, nothing above it.' },
    ]),
  },
  {
    files: ['server/domain/**/*.policy.ts'],
    rules: restrict([
      { group: ['**/*.repo.ts', '**/*.service.ts', '**/*.routes.ts', '**/db/**', '**/platform/**', 'kysely', 'node:*'], message: 'Policies are pure functions of their arguments.' },
    ]),
  },
  {
    files: ['server/db/**/*.ts'],
    ignores: ['server/db/**/*.test.ts', 'server/db/migrations/**'],
    rules: restrict([
      { group: ['**/domain/**', '**/platform/**', '**/app.ts', 'fastify'], message: 'The database layer is the bottom: it imports nothing of the domains or the platform above it.' },
    ]),
  },
  {
    files: ['server/db/migrations/**/*.ts'],
    rules: restrict([
      { group: ['../*', '../../**', '!./data/*'], message: 'Migrations are frozen in time: never import application code.' },
    ]),
  },
);
