import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // `server-only` throws outside React's server build; tests are server code, so stub it.
      'server-only': path.join(root, 'tests/setup/server-only-stub.ts'),
    },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/setup/database.global.ts'],
          setupFiles: ['tests/setup/database.file.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/database.global.ts', 'tests/setup/app.global.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          // A loaded CI machine can take seconds to stream a page: polls wait for it instead of flaking.
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
