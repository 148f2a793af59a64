import { describe, expect, it } from 'vitest';
import { moduleRequests, packageName, resolveInAsar } from '../../../scripts/package/module-requests';

describe('moduleRequests', () => {
  it('finds require, dynamic import and static imports, not require() inside strings or templates', () => {
    const code = [
      'const a = require("node:fs");',
      "const b = require('zod');",
      'import x from "pinyin-pro";',
      'export { y } from "./chunk.js";',
      'const c = import("libphonenumber-js/max");',
      'const generated = `require("ajv/dist/runtime/equal").default`;',
      'const text = "require(\\"ajv-formats\\")";',
    ].join('\n');
    const specifiers = moduleRequests(code, 'x.js').map((r) => ('specifier' in r ? r.specifier : `dynamic:${r.dynamic}`));
    expect(specifiers.sort()).toEqual(['./chunk.js', 'libphonenumber-js/max', 'node:fs', 'pinyin-pro', 'zod'].sort());
  });

  it('reports a computed module name, which no check could prove is shipped', () => {
    expect(moduleRequests('const m = require(name + "x");', 'x.js')).toEqual([{ dynamic: 'name + "x"' }]);
  });
});

describe('resolveInAsar', () => {
  const files = new Set(['/out/main/index.js', '/out/main/chunk.js', '/node_modules/@scope/lib/package.json', '/node_modules/zod/package.json']);

  it('accepts Node built-ins with or without node:, electron, files next to the bundle and packages in node_modules', () => {
    for (const specifier of ['node:fs', 'fs', 'fs/promises', 'electron', './chunk.js', './chunk', 'zod', 'zod/v4', '@scope/lib/sub']) {
      expect(resolveInAsar(specifier, '/out/main/index.js', files), specifier).toMatchObject({ ok: true });
    }
  });

  it('refuses a package the asar does not hold and a relative file that is missing', () => {
    expect(resolveInAsar('pinyin-pro', '/out/main/index.js', files)).toMatchObject({ ok: false });
    expect(resolveInAsar('@scope/other', '/out/main/index.js', files)).toMatchObject({ ok: false });
    expect(resolveInAsar('../renderer/missing.js', '/out/main/index.js', files)).toMatchObject({ ok: false });
  });

  it('names the package of a deep import', () => {
    expect(packageName('@tanstack/react-virtual/dist/x')).toBe('@tanstack/react-virtual');
    expect(packageName('libphonenumber-js/max')).toBe('libphonenumber-js');
  });
});
