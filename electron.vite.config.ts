import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const I18N_INDEX = resolve(__dirname, 'src/shared/i18n/index.ts');

/**
 * In the renderer only, the catalog with both languages (src/shared/i18n/catalog.ts) becomes the
 * one that loads English on demand (catalog.renderer.ts): zh-CN is the default, and English is
 * about 18 KB of the first screen's gzip budget (issue 10 §6). Main keeps both languages at hand
 * for the files it writes in the language asked for.
 */
function rendererCatalog(): Plugin {
  return {
    name: 'dispatch-renderer-catalog',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './catalog' && importer && resolve(importer) === I18N_INDEX) return resolve(__dirname, 'src/shared/i18n/catalog.renderer.ts');
      return null;
    },
  };
}

// Main and preload stay CommonJS (sandboxed preloads cannot be ESM). Every library main and the
// preload use is bundled into them (externalizeDeps: false): the packaged app ships no
// node_modules at all, so a production dependency that only the hub needs (fastify, pglite, pg…)
// can never end up in the installer, and `npm run package:check` fails if a bundle ever requires
// a module that is not in the asar.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
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
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [rendererCatalog(), react()],
    build: {
      // electron-vite leaves bundles unminified by default; the renderer is also served by the
      // browser preview and has a size budget, so minify it.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
