/**
 * Worker-thread entry of the import preview (see import-runner.ts): reads and checks off main's
 * event loop, inside a heap limit of its own, posting progress as it goes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseImport, type ImportParseInput } from './import-parse';

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs as a worker thread only');
void parseImport(workerData as ImportParseInput, (progress) => port.postMessage({ type: 'progress', progress })).then((result) =>
  port.postMessage({ type: 'done', result }),
);
