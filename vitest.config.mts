import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/hub/**/*.test.ts'],
    setupFiles: ['tests/setup/electron-mock.ts'],
    environment: 'node',
    testTimeout: 20000,
    // A hub suite's beforeAll starts a database (PGlite: 1–5 s on a busy 2-core machine).
    hookTimeout: 60000,
    server: { deps: { inline: ['electron-store'] } },
  },
});
