import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20000,
    server: { deps: { inline: ['electron-store'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          setupFiles: ['tests/setup/electron-mock.ts'],
        },
      },
      {
        // The services' tests again, on in-memory data sources instead of the local files: proves
        // the services use nothing but the interfaces in src/main/sources (tests/support/memory-sources.ts).
        extends: true,
        test: {
          name: 'services-on-memory-sources',
          include: [
            'tests/unit/contacts-service/contacts.test.ts',
            'tests/unit/contacts-service/import-export.test.ts',
            'tests/unit/contacts-service/rosters.test.ts',
            'tests/unit/call-log/call-log.test.ts',
            'tests/unit/call-log/call-log-export.test.ts',
            'tests/unit/call-log/session-tracker.test.ts',
            'tests/unit/core/core.test.ts',
          ],
          setupFiles: ['tests/setup/electron-mock.ts'],
          env: { DISPATCH_TEST_SOURCES: 'memory' },
        },
      },
      {
        // The hub suites run against PGlite and a real PostgreSQL: the globalSetup starts one
        // throw-away cluster per run (only when a hub test is selected) and fails the run when the
        // PostgreSQL binaries are missing.
        extends: true,
        test: {
          name: 'hub',
          include: ['tests/hub/**/*.test.ts'],
          globalSetup: ['tests/hub/support/global-setup.ts'],
          testTimeout: 30000,
          // beforeAll starts a hub on a fresh database: PGlite takes 1–12 s on a busy 2-core machine.
          hookTimeout: 60000,
        },
      },
    ],
  },
});
