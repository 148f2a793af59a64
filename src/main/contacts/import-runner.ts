/**
 * Runs an import preview's parse in a worker thread, so a large file neither blocks main (IPC,
 * calls, the window) nor can take main's heap with it: the worker has its own heap limit, and a
 * file that needs more is answered "too big" while the app carries on. Works in Electron's main
 * process (the worker is built next to main's bundle) and in Node (the preview, tests: the
 * TypeScript source through tsx).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseImport, type ImportParseInput, type ImportParseOutput, type ImportProgress } from './import-parse';

export type ImportRunResult = ImportParseOutput | { ok: false; reason: 'out_of_memory' | 'cancelled' };

export interface ImportRunner {
  run(input: ImportParseInput, onProgress?: (p: ImportProgress) => void): Promise<ImportRunResult>;
  /** Stops a run in progress (a new file chosen, the app closing): its promise resolves 'cancelled'. */
  cancel(): void;
}

/** Far above what a 10 MB, 100 000-line file needs; far below what would hurt the machine. */
export const IMPORT_WORKER_HEAP_MB = 512;

/**
 * The built worker next to main's bundle (Electron, `out/main/import-worker.js`); otherwise the
 * TypeScript source, loaded through tsx's require hook (the preview and the tests run from source).
 */
function startWorker(input: ImportParseInput, maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  const built = join(__dirname, 'import-worker.js');
  if (existsSync(built)) return new Worker(built, { workerData: input, resourceLimits });
  const source = join(__dirname, 'import-worker.ts');
  const boot = `require('tsx/cjs'); require(${JSON.stringify(source)});`;
  return new Worker(boot, { eval: true, workerData: input, resourceLimits });
}

export function createWorkerImportRunner(options: { maxHeapMb?: number } = {}): ImportRunner {
  let current: { worker: Worker; finish: (r: ImportRunResult) => void } | null = null;
  return {
    run(input, onProgress) {
      this.cancel();
      return new Promise<ImportRunResult>((resolve, reject) => {
        const worker = startWorker(input, options.maxHeapMb ?? IMPORT_WORKER_HEAP_MB);
        let settled = false;
        const finish = (r: ImportRunResult) => {
          if (settled) return;
          settled = true;
          if (current?.worker === worker) current = null;
          void worker.terminate();
          resolve(r);
        };
        current = { worker, finish };
        worker.on('message', (m: { type: 'progress'; progress: ImportProgress } | { type: 'done'; result: ImportParseOutput }) => {
          if (m.type === 'progress') onProgress?.(m.progress);
          else finish(m.result);
        });
        worker.on('error', (error: Error & { code?: string }) => {
          if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') finish({ ok: false, reason: 'out_of_memory' });
          else if (!settled) {
            settled = true;
            if (current?.worker === worker) current = null;
            reject(error);
          }
        });
        worker.on('exit', () => finish({ ok: false, reason: 'cancelled' }));
      });
    },
    cancel() {
      current?.finish({ ok: false, reason: 'cancelled' });
      current = null;
    },
  };
}

/**
 * Files up to this size are parsed on the calling thread: a few thousand lines take milliseconds,
 * less than starting a worker. Anything larger goes to the worker.
 */
export const INLINE_PARSE_MAX_BYTES = 64 * 1024;

/** The app's runner: small files inline, the rest in a worker thread. */
export function createImportRunner(options: { maxHeapMb?: number; inlineMaxBytes?: number } = {}): ImportRunner {
  const worker = createWorkerImportRunner(options);
  const inlineMax = options.inlineMaxBytes ?? INLINE_PARSE_MAX_BYTES;
  return {
    run(input, onProgress) {
      if (input.bytes.length > inlineMax) return worker.run(input, onProgress);
      worker.cancel();
      return inlineImportRunner.run(input, onProgress);
    },
    cancel: () => worker.cancel(),
  };
}

/** Same contract, on the calling thread: small files, and unit tests of the import rules. */
export const inlineImportRunner: ImportRunner = {
  run: (input, onProgress) => parseImport(input, onProgress),
  cancel() {},
};
