import { defineConfig } from 'vitest/config';

const WORKER_HEAP_TEST = 'tests/unit/security/import-bounds.test.ts';

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
          exclude: [WORKER_HEAP_TEST],
          setupFiles: ['tests/setup/electron-mock.ts'],
        },
      },
      {
        // The import worker's heap-limit test drives a worker thread into its heap limit. On Node 20 a
        // concurrent TurboFan job of a worker being torn down can call back into the platform after the
        // worker's isolate is unregistered, which aborts the whole process ("NodePlatform::ForIsolate
        // Assertion failed: (data.first) != nullptr", seen once in CI; the Node bug family of
        // nodejs/node#47224). Compiling on the worker's own thread removes that race; the behaviour
        // under test (the run answered "out_of_memory", the caller carrying on) is unchanged.
        extends: true,
        test: {
          name: 'worker-heap',
          include: [WORKER_HEAP_TEST],
          setupFiles: ['tests/setup/electron-mock.ts'],
          execArgv: ['--no-concurrent-recompilation'],
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
