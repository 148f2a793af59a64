/**
 * Child process for tests/unit/security/data-folder-lock.test.ts: opens the app's runtime on a
 * data folder (which takes the folder's lock), saves one contact, prints "ready <pid>" and waits
 * until the parent kills it or closes its stdin.
 *
 * Run as: node --import tsx tests/support/lock-holder.ts <dataDir>
 */
import { writeSync } from 'node:fs';
import { openNodeRuntime } from '../../src/main/preview/node-runtime';
import { createSandbox } from '../../src/main/sandbox/sandbox';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: lock-holder.ts <dataDir>');

const runtime = openNodeRuntime({ dataDir: dir, sandbox: createSandbox() });
void runtime.core.handlers.contactSave({ contact: { name: 'Holder', numbers: [{ label: '', number: '13800138000' }] } }).then((r) => {
  if (!r.ok) throw new Error(r.message);
  writeSync(1, `ready ${process.pid}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => void runtime.core.close().then(() => process.exit(0)));
