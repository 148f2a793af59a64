import { describe, expect, it } from 'vitest';
import { forbiddenEntries, normaliseAsarPath } from '../../../scripts/package/asar-rules';

describe('forbiddenEntries', () => {
  it('passes what the app needs', () => {
    const shipped = [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
      '/out/renderer/assets/index-x.js',
      '/resources/tray/sandbox.png',
      '/node_modules/zod/package.json',
    ];
    expect(forbiddenEntries(shipped, ['react', 'vitest'])).toEqual([]);
  });

  it.each([
    ['/src/main/index.ts', 'TypeScript source'],
    ['/out/main/index.js.map', 'source map'],
    ['/.env', 'environment file'],
    ['/out/.env.production', 'environment file'],
    ['/tests/unit/a.test.ts', 'test file'],
    ['/out/main/thing.spec.js', 'test file'],
    ['/bench/results.json', 'repository folder that is not the app'],
    ['/contacts.snapshot.jsonl', 'bench or generated data'],
  ])('refuses %s (%s)', (path, rule) => {
    expect(forbiddenEntries([path], [])).toContainEqual({ path, rule });
  });

  it('refuses anything from a devDependency', () => {
    expect(forbiddenEntries(['/node_modules/react/index.js'], ['react'])).toEqual([{ path: '/node_modules/react/index.js', rule: 'devDependency react' }]);
    expect(forbiddenEntries(['/node_modules/react-dom/index.js'], ['react'])).toEqual([]);
  });

  it('normalises Windows separators from the asar listing', () => {
    expect(normaliseAsarPath('\\out\\main\\index.js')).toBe('/out/main/index.js');
    expect(normaliseAsarPath('out/main/index.js')).toBe('/out/main/index.js');
  });
});
