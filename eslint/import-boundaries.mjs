// The process boundaries of the app as one ESLint rule, so a crossing fails `npm run lint` with a
// message that names the boundary. Each zone lists what its files may not import; a relative import
// is resolved to the repository path it points at, a bare one is matched by package name.
//
// Why a rule of our own rather than `no-restricted-imports` patterns: patterns match the import text,
// so `../main/x` from src/renderer and from src/hub look the same, and the message cannot say which
// boundary was crossed. Type-only imports count: a type from another process is still coupling.
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.dirname(path.dirname(new URL(import.meta.url).pathname));

const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** Packages that only run in Node (or only in Electron's main process). */
const NODE_ONLY_PACKAGES = ['electron', 'electron-store', 'conf', 'fastify', '@fastify/rate-limit', 'pg', '@electric-sql/pglite', 'pino', 'prom-client', 'tsx'];

/** Where `electron` may be imported: the thin adapters, the main entry and the preload. */
const ELECTRON_ALLOWED = ['src/main/electron/', 'src/main/index.ts', 'src/preload/index.ts'];

const dirs = {
  main: 'src/main/',
  preload: 'src/preload/',
  renderer: 'src/renderer/',
  shared: 'src/shared/',
  hub: 'src/hub/',
  yunxin: 'src/yunxin/',
  simulator: 'src/simulator/',
  tests: 'tests/',
};

/**
 * zone: the files the entry applies to (repository-relative prefix).
 * paths: repository prefixes those files may not import, with the reason shown in the message.
 * nodeBuiltins / packages: bare specifiers they may not import.
 */
const ZONES = [
  {
    zone: dirs.renderer,
    name: 'renderer',
    paths: [
      [dirs.main, 'the renderer reaches main only through window.dispatch (src/shared/contract.ts)'],
      [dirs.preload, 'the preload is a separate sandboxed bundle; use window.dispatch'],
      [dirs.hub, 'the hub is a server; the renderer talks to it through main'],
      [dirs.yunxin, 'the ECP client holds the AppSecret and runs in main only'],
      [dirs.simulator, 'the simulator is a Node server for tests and development'],
    ],
    nodeBuiltins: 'the renderer runs in a sandboxed browser page without Node',
    packages: 'the renderer runs in a sandboxed browser page without Node',
  },
  {
    zone: dirs.shared,
    name: 'shared',
    paths: [
      [dirs.main, 'shared code runs in main and in the renderer, so it may depend on neither'],
      [dirs.renderer, 'shared code runs in main and in the renderer, so it may depend on neither'],
      [dirs.preload, 'shared code may not depend on one process'],
      [dirs.hub, 'shared code may not depend on the hub server'],
      [dirs.yunxin, 'shared code also runs in the renderer, which never sees the ECP client'],
      [dirs.simulator, 'shared code may not depend on the test simulator'],
    ],
    nodeBuiltins: 'shared code also runs in the renderer, which has no Node',
    packages: 'shared code also runs in the renderer, which has no Node',
  },
  {
    zone: dirs.hub,
    name: 'hub',
    paths: [
      [dirs.main, 'the hub is a separate server; share code through src/shared or src/yunxin'],
      [dirs.renderer, 'the hub is a server; it never runs renderer code'],
      [dirs.preload, 'the hub is a server; it never runs the preload'],
    ],
  },
  {
    zone: dirs.main,
    name: 'main',
    paths: [
      [dirs.hub, 'main talks to the hub over HTTP, never by importing the server'],
      [dirs.renderer, 'main never runs renderer code; share code through src/shared'],
    ],
  },
  {
    zone: dirs.preload,
    name: 'preload',
    paths: [
      [dirs.main, 'the preload is a separate sandboxed bundle; it may import src/shared only'],
      [dirs.renderer, 'the preload is a separate sandboxed bundle; it may import src/shared only'],
      [dirs.hub, 'the preload is a separate sandboxed bundle; it may import src/shared only'],
    ],
  },
  {
    zone: dirs.yunxin,
    name: 'yunxin',
    paths: [
      [dirs.main, 'the ECP client is used by main and the hub, so it may depend on neither'],
      [dirs.hub, 'the ECP client is used by main and the hub, so it may depend on neither'],
      [dirs.renderer, 'the ECP client never runs in the renderer'],
    ],
  },
  {
    zone: dirs.simulator,
    name: 'simulator',
    paths: [
      [dirs.main, 'the simulator stands in for Yunxin; it may use src/yunxin and src/shared only'],
      [dirs.hub, 'the simulator stands in for Yunxin; it may use src/yunxin and src/shared only'],
      [dirs.renderer, 'the simulator stands in for Yunxin; it may use src/yunxin and src/shared only'],
    ],
  },
];

const SRC_ZONE = {
  paths: [[dirs.tests, 'shipped code never depends on test code']],
};

const toRepo = (absolute) => path.relative(ROOT, absolute).split(path.sep).join('/');

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports inside the process boundaries of the app (see eslint/import-boundaries.mjs)' },
    schema: [],
    messages: {
      path: "{{from}} may not import {{target}} ('{{specifier}}'): boundary {{zone}} → {{targetZone}}. {{why}}.",
      builtin: "{{from}} may not import the Node built-in '{{specifier}}': boundary {{zone}} → Node. {{why}}.",
      package: "{{from}} may not import the Node-only package '{{specifier}}': boundary {{zone}} → Node. {{why}}.",
      electron:
        "{{from}} may not import 'electron': only src/main/electron/**, src/main/index.ts and src/preload/index.ts may (everything else is tested in plain Node, where `electron` throws; `import type` is fine).",
    },
  },
  create(context) {
    const file = toRepo(context.filename);
    if (!file.startsWith('src/')) return {};
    const zone = ZONES.find((z) => file.startsWith(z.zone));

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      const data = { from: file, specifier, zone: zone?.name ?? 'src' };
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = toRepo(path.resolve(path.dirname(context.filename), specifier));
        for (const [prefix, why] of [...(zone?.paths ?? []), ...SRC_ZONE.paths]) {
          if (target.startsWith(prefix) || `${target}/` === prefix) {
            const targetZone = prefix.replace(/^src\//, '').replace(/\/$/, '');
            context.report({ node, messageId: 'path', data: { ...data, target: prefix.replace(/\/$/, ''), targetZone, why } });
            return;
          }
        }
        return;
      }
      const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
      const name = packageName(bare);
      if (zone?.nodeBuiltins && (specifier.startsWith('node:') || NODE_BUILTINS.has(name) || NODE_BUILTINS.has(bare))) {
        context.report({ node, messageId: 'builtin', data: { ...data, why: zone.nodeBuiltins } });
        return;
      }
      // `import type` is erased at build time, so it cannot load Electron in a plain Node test.
      const typeOnly = node.parent?.importKind === 'type' || node.parent?.exportKind === 'type';
      if (name === 'electron' && !typeOnly && !ELECTRON_ALLOWED.some((allowed) => file === allowed || (allowed.endsWith('/') && file.startsWith(allowed)))) {
        context.report({ node, messageId: 'electron', data });
        return;
      }
      if (zone?.packages && NODE_ONLY_PACKAGES.includes(name)) {
        context.report({ node, messageId: 'package', data: { ...data, why: zone.packages } });
      }
    }

    const fromSource = (node) => check(node.source, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: (node) => node.source && fromSource(node),
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression(node) {
        const callee = node.callee;
        const isRequire = callee.type === 'Identifier' && callee.name === 'require';
        if (isRequire && node.arguments[0]?.type === 'Literal') check(node.arguments[0], node.arguments[0].value);
      },
      TSImportType: (node) => {
        const literal = node.argument?.type === 'TSLiteralType' ? node.argument.literal : (node.source ?? node.argument);
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
    };
  },
};

/**
 * An `eslint-disable…` comment must say why after ` -- ` (ESLint's own syntax for a description), so
 * a reviewer can check the exception.
 * @type {import('eslint').Rule.RuleModule}
 */
const disableNeedsReason = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Requires a reason (` -- why`) on every eslint-disable comment' },
    schema: [],
    messages: { reason: "Say why this rule is disabled here: '{{text}} -- <reason>'." },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const text = comment.value.trim();
          if (/^eslint-disable(-next-line|-line)?\b/.test(text) && !/\s--\s*\S/.test(text)) {
            context.report({ loc: comment.loc, messageId: 'reason', data: { text } });
          }
        }
      },
    };
  },
};

export default { rules: { 'import-boundaries': rule, 'disable-needs-reason': disableNeedsReason } };
