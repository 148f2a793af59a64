import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Main and preload stay CommonJS (sandboxed preloads cannot be ESM). electron-store and conf are
// ESM-only, so they are listed as devDependencies and therefore bundled into main rather than
// required at runtime.
export default defineConfig({
  main: {
    build: {
      // The import parser runs in a worker thread (src/main/contacts/import-runner.ts) and
      // looks for its entry next to main's bundle.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'import-worker': resolve(__dirname, 'src/main/contacts/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves bundles unminified by default; the renderer is also served by the
      // browser preview and has a size budget, so minify it.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
