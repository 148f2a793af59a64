/**
 * Which modules a built bundle asks for at run time, and whether the packaged app can satisfy each.
 * Parsed with TypeScript's parser rather than matched with a regular expression: bundled libraries
 * carry `require("…")` inside strings and templates (ajv's code generator does), which never run.
 */
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';

export type ModuleRequest = { specifier: string } | { dynamic: string };

export function moduleRequests(code: string, fileName: string): ModuleRequest[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found: ModuleRequest[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      if ((isRequire || isImport) && node.arguments.length > 0) {
        const [argument] = node.arguments;
        if (ts.isStringLiteralLike(argument)) found.push({ specifier: argument.text });
        else found.push({ dynamic: argument.getText(source).slice(0, 80) });
      }
    }
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const BUILTINS = new Set(builtinModules);

export type Resolution = { ok: true; kind: 'builtin' | 'electron' | 'file' | 'package' } | { ok: false; reason: string };

/**
 * Resolves a request made by `fromFile` (an asar path such as `/out/main/index.js`) against the
 * asar's file list, the way Electron's Node would at run time.
 */
export function resolveInAsar(specifier: string, fromFile: string, asarFiles: ReadonlySet<string>): Resolution {
  if (specifier === 'electron' || specifier.startsWith('electron/')) return { ok: true, kind: 'electron' };
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  if (BUILTINS.has(bare) || BUILTINS.has(packageName(bare))) return { ok: true, kind: 'builtin' };
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = posix.resolve(posix.dirname(fromFile), specifier);
    for (const candidate of [target, `${target}.js`, `${target}.cjs`, `${target}.json`, `${target}/index.js`]) {
      if (asarFiles.has(candidate)) return { ok: true, kind: 'file' };
    }
    return { ok: false, reason: `${specifier} (from ${fromFile}) is not in the asar` };
  }
  // Node walks up from the requiring file; the app's own files only ever see the top-level folder.
  const name = packageName(specifier);
  if (asarFiles.has(`/node_modules/${name}/package.json`)) return { ok: true, kind: 'package' };
  return { ok: false, reason: `${specifier} (from ${fromFile}) is neither a Node built-in, electron, nor in the asar's node_modules` };
}
