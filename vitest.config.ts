import { defineConfig } from 'vitest/config';

// Database tests run against QINGDAN_TEST_DATABASE_URL (PostgreSQL in CI's second pass), else in-memory SQLite.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'web/**/*.test.ts', 'web/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
