import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['tests/setup/electron-mock.ts'],
    environment: 'node',
    testTimeout: 20000,
    server: { deps: { inline: ['electron-store'] } },
  },
});
