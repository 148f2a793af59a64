// `npm run security:scan`: Electronegativity (Doyensec's static checker for Electron apps), offline
// and in a few seconds, over
//   1. src/ (every check),
//   2. the main window's options: mainWindowOptions() builds them in a function, which the tool
//      cannot follow, so they are rendered as a `new BrowserWindow({...})` literal and checked too,
//   3. package.json's npm scripts (dangerous Chromium switches, disabled security warnings).
// Every finding above INFORMATIONAL must match an entry in security/electronegativity-justifications.json
// that says why it is a false positive or accepted; otherwise the scan fails. It also fails when the
// tool cannot run, cannot parse a source file (that file would go unscanned), tries to use the
// network, or when a justification no longer matches any finding (a stale entry hides regressions).
//
// Why the package's documented programmatic `run()` rather than the CLI with `-o file.csv`: with an
// output file the CLI never reports files it failed to parse, its CSV writer starts the header and
// the rows as two concurrent writes, and its SARIF has no severities. `run()` returns the same
// findings as structured data, together with the parse errors.
//
// Offline: on every run the tool fetches translations from S3 and Electron's release list from
// GitHub. Its `got` is replaced by a stub that fails at once (the tool then uses its bundled English
// texts), the release-list check is excluded (reason in the justifications file), and any socket
// the process opens during the scan is refused and fails it.
import { createRequire } from 'node:module';
import net from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ALLOWLIST = 'security/electronegativity-justifications.json';
const TIME_LIMIT_MS = 45_000;
const WINDOW_OPTIONS_LABEL = 'mainWindowOptions()';
const require = createRequire(import.meta.url);

const started = Date.now();
const timer = setTimeout(() => fail(`the scan did not finish within ${TIME_LIMIT_MS / 1000} s`), TIME_LIMIT_MS);
timer.unref();

/** @param {string} message @returns {never} */
function fail(message) {
  process.stderr.write(`\nsecurity-scan: FAILED: ${message}\n`); // not console: it may be captured
  process.exit(1);
}

const repoPath = (/** @type {string} */ file) => path.relative(ROOT, file).split(path.sep).join('/');

// ---- the allowlist -------------------------------------------------------------------------------
/** @typedef {{ check: string, reason: string }} ExcludedCheck */
/** @typedef {{ check: string, file: string, sample?: string, justification: string }} Justification */
/**
 * One finding, as this script reports it.
 * @typedef {{ id: string, severity: string, confidence: string, file: string, line: number, column: number,
 *   sample: string | undefined, description: string }} Finding
 */

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/** @returns {{ excluded: ExcludedCheck[], entries: Justification[] }} */
function loadAllowlist() {
  let data;
  try {
    data = JSON.parse(readFileSync(path.join(ROOT, ALLOWLIST), 'utf8'));
  } catch (error) {
    fail(`cannot read ${ALLOWLIST}: ${messageOf(error)}`);
  }
  /** @type {string[]} */
  const problems = [];
  /** @type {any[]} the file is checked entry by entry below */
  const excluded = Array.isArray(data.excludedChecks) ? data.excludedChecks : [];
  /** @type {any[]} */
  const entries = Array.isArray(data.justifications) ? data.justifications : [];
  if (!Array.isArray(data.justifications)) problems.push('"justifications" must be an array');
  excluded.forEach((e, i) => {
    if (!/^[A-Za-z]+GlobalCheck$/.test(e?.check ?? '')) problems.push(`excludedChecks[${i}].check must be a global check's class name`);
    if (typeof e?.reason !== 'string' || e.reason.trim().length < 40) problems.push(`excludedChecks[${i}] needs a written reason`);
  });
  const keys = new Set();
  entries.forEach((e, i) => {
    if (!/^[A-Z0-9_]+$/.test(e?.check ?? '')) problems.push(`justifications[${i}].check must be a check id like CONTEXT_ISOLATION_JS_CHECK`);
    if (typeof e?.file !== 'string' || !e.file) problems.push(`justifications[${i}].file is required`);
    if (e?.sample !== undefined && typeof e.sample !== 'string') problems.push(`justifications[${i}].sample must be a string`);
    if (typeof e?.justification !== 'string' || e.justification.trim().length < 40) {
      problems.push(`justifications[${i}] (${e?.check}) needs a written justification`);
    }
    const key = JSON.stringify([e?.check, e?.file, e?.sample]);
    if (keys.has(key)) problems.push(`justifications[${i}] duplicates an earlier entry`);
    keys.add(key);
  });
  if (problems.length) fail(`${ALLOWLIST} is malformed:\n  - ${problems.join('\n  - ')}`);
  return { excluded, entries };
}

/** @param {Justification} entry @param {Finding} finding */
const matches = (entry, finding) =>
  entry.check === finding.id && entry.file === finding.file && (entry.sample === undefined || entry.sample === finding.sample);

// ---- the tool, offline ----------------------------------------------------------------------------
function loadTool() {
  let toolDir;
  try {
    toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  } catch {
    fail('@doyensec/electronegativity is not installed (run npm ci)');
  }
  const version = JSON.parse(readFileSync(path.join(toolDir, 'package.json'), 'utf8')).version;
  /** @type {string[]} */
  const blockedRequests = [];
  /** @type {{ (url: unknown): Promise<never>, head?: unknown, get?: unknown }} */
  const gotStub = (url) => {
    blockedRequests.push(String(url));
    return Promise.reject(new Error('security-scan runs offline'));
  };
  gotStub.head = gotStub;
  gotStub.get = gotStub;
  const gotPath = require.resolve('got', { paths: [path.join(toolDir, 'dist')] });
  // Only the fields require() reads back from its cache.
  require.cache[gotPath] = /** @type {NodeJS.Module} */ (
    /** @type {unknown} */ ({ id: gotPath, filename: gotPath, loaded: true, exports: gotStub, children: [], paths: [] })
  );
  return { run: require(toolDir), version, blockedRequests };
}

function installedElectronVersion() {
  try {
    return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  } catch {
    fail('cannot read the installed Electron version (node_modules/electron/package.json); run npm ci');
  }
}

/**
 * Runs the tool once, with its console output captured (it logs its offline notices there).
 * @param {{ run: (options: object, cli: boolean) => Promise<any> }} tool
 * @param {object} options
 * @param {string} what
 */
async function runTool(tool, options, what) {
  /** @type {string[]} */
  const toolLines = [];
  const saved = { log: console.log, warn: console.warn, error: console.error };
  const savedExit = process.exit;
  const restore = () => {
    Object.assign(console, saved);
    process.exit = savedExit;
  };
  console.log = console.warn = console.error = (...args) => toolLines.push(args.map(String).join(' '));
  // The tool calls process.exit(1) on some errors, after logging the reason to the captured console.
  process.exit = (/** @type {unknown} */ code) => {
    throw new Error(`the tool called process.exit(${code})`);
  };
  let result;
  try {
    result = await tool.run(options, false);
  } catch (error) {
    restore();
    const said = toolLines.map((l) => `\n  [electronegativity] ${l}`).join('');
    fail(`electronegativity failed on ${what}: ${messageOf(error)}${said}`);
  } finally {
    restore();
  }
  if (!result || !Array.isArray(result.issues) || !Array.isArray(result.errors)) fail(`electronegativity returned no result for ${what}`);
  if (result.atomicChecks === 0) fail(`electronegativity loaded no checks for ${what}`);
  return { result, toolLines: toolLines.filter((line) => !/^Could not retrieve updated translations/.test(line)) };
}

/** mainWindowOptions() as a JavaScript literal the tool can read, one property per line. */
async function renderWindowOptions() {
  let options;
  try {
    const { tsImport } = await import('tsx/esm/api');
    const { mainWindowOptions } = await tsImport(path.join(ROOT, 'src/main/window/options.ts'), import.meta.url);
    options = mainWindowOptions('<preloadPath>');
  } catch (error) {
    fail(`cannot evaluate mainWindowOptions() from src/main/window/options.ts (it must stay free of runtime Electron imports): ${messageOf(error)}`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'security-scan-'));
  const file = path.join(dir, 'main-window-options.js');
  writeFileSync(file, `const { BrowserWindow } = require('electron');\nnew BrowserWindow(${JSON.stringify(options, null, 2)});\n`);
  return { dir, file };
}

// ---- main -----------------------------------------------------------------------------------------
const { excluded, entries } = loadAllowlist();
for (const input of ['src', 'package.json', 'src/main/window/options.ts']) {
  if (!existsSync(path.join(ROOT, input))) fail(`${input} does not exist`);
}
process.env.LANG = 'en-US'; // the tool picks its message locale from LANG
const tool = loadTool();
const electronVersion = installedElectronVersion();
const excludedChecks = excluded.map((e) => e.check.toLowerCase());
const rendered = await renderWindowOptions();
process.on('exit', () => rmSync(rendered.dir, { recursive: true, force: true }));

const SCANS = [
  { what: 'src/', input: path.join(ROOT, 'src'), checks: [], exclude: excludedChecks, label: repoPath },
  {
    // Only the atomic checks: the global ones judge a whole app (CSP present? navigation limited?).
    what: WINDOW_OPTIONS_LABEL,
    input: rendered.dir,
    checks: [],
    exclude: [
      ...new Set([
        ...excludedChecks,
        'affinityglobalcheck',
        'cspglobalcheck',
        'httpresourcesandnodeintegrationglobalcheck',
        'limitnavigationglobalcheck',
        'permissionrequesthandlerglobalcheck',
      ]),
    ],
    label: () => WINDOW_OPTIONS_LABEL,
  },
  {
    // The tool's third package.json check only reports the Electron version.
    what: 'package.json',
    input: path.join(ROOT, 'package.json'),
    checks: ['customargumentsjsoncheck', 'securitywarningsdisabledjsoncheck'],
    exclude: [], // the tool rejects excluding checks that a custom list has not loaded
    label: repoPath,
  },
];

/** @type {string[]} */
const networkAttempts = [];
const realConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function refuseNetwork(/** @type {unknown[]} */ ...args) {
  networkAttempts.push(JSON.stringify(args[0]));
  throw new Error('security-scan: network access refused (the scan runs offline)');
};

/** @type {Finding[]} */
const findings = [];
/** @type {string[]} */
const parseFailures = [];
for (const scan of SCANS) {
  const { result, toolLines } = await runTool(
    tool,
    { input: scan.input, customScan: scan.checks, excludeFromScan: scan.exclude, isRelative: false, electronVersionOverride: electronVersion },
    scan.what,
  );
  for (const line of toolLines) console.log(`  [electronegativity] ${line}`);
  for (const error of result.errors) {
    const where = `${scan.label(error.file)}: ${error.message}`;
    if (error.tolerable) console.log(`  [electronegativity] parse warning in ${where}`);
    else parseFailures.push(where);
  }
  for (const issue of result.issues) {
    findings.push({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file === 'N/A' ? 'N/A' : scan.label(issue.file),
      line: issue.location?.line ?? 0,
      column: issue.location?.column ?? 0,
      sample: issue.sample ?? undefined,
      description: issue.description,
    });
  }
}
net.Socket.prototype.connect = realConnect;

findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.id.localeCompare(b.id));

/** @type {string[][]} */
const rows = [];
/** @type {Finding[]} */
const newFindings = [];
const used = new Set();
for (const f of findings) {
  let status = 'info';
  if (f.severity !== 'INFORMATIONAL') {
    const entry = entries.find((e) => matches(e, f));
    if (entry) {
      status = 'justified';
      used.add(entry);
    } else {
      status = 'NEW';
      newFindings.push(f);
    }
  }
  const where = f.file === 'N/A' ? 'N/A (whole app)' : f.file === WINDOW_OPTIONS_LABEL ? `${f.file}: ${f.sample}` : `${f.file}:${f.line}:${f.column}`;
  rows.push([status, f.severity, f.id, where]);
}
const stale = entries.filter((e) => !used.has(e));
for (const e of stale) rows.push(['STALE', '-', e.check, `${e.file} (justification matches no finding)`]);

// ---- report ---------------------------------------------------------------------------------------
console.log(
  `electronegativity ${tool.version}, assuming Electron ${electronVersion}; scanned ${SCANS.map((s) => s.what).join(', ')}; ` +
    `excluded: ${excluded.map((e) => e.check).join(', ') || 'nothing'}`,
);
if (rows.length) {
  const head = ['status', 'severity', 'check', 'where'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (/** @type {string[]} */ cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
} else {
  console.log('\nno findings');
}

const problems = [];
for (const f of newFindings) {
  problems.push(
    `NEW ${f.id} (${f.severity}, ${f.confidence}) at ${f.file}:${f.line}:${f.column}\n` +
      `      ${f.description}\n` +
      (f.sample ? `      code: ${f.sample.length > 160 ? `${f.sample.slice(0, 160)}…` : f.sample}\n` : '') +
      `      about the check: https://github.com/doyensec/electronegativity/wiki/${f.id}\n` +
      `      fix it, or if it is a false positive add {check, file, sample, justification} to ${ALLOWLIST}`,
  );
}
for (const e of stale) {
  problems.push(`STALE justification for ${e.check} in ${e.file}: it matches no finding any more; delete it, or fix what changed`);
}
for (const p of parseFailures) problems.push(`electronegativity could not parse ${p} (so that file was not scanned)`);
if (networkAttempts.length) problems.push(`network connections were attempted: ${networkAttempts.join(', ')}`);

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length) {
  console.error(`\n${problems.map((p) => `- ${p}`).join('\n')}`);
  fail(`${problems.length} problem(s), after ${seconds} s`);
}
const count = (/** @type {string} */ status) => rows.filter((r) => r[0] === status).length;
console.log(
  `\nsecurity-scan: OK in ${seconds} s: ${count('justified')} justified, ${count('info')} informational, 0 new` +
    (tool.blockedRequests.length ? ` (refused the tool's ${tool.blockedRequests.length} online update lookups)` : ''),
);
