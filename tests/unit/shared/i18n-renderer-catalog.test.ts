/**
 * The renderer's catalog (src/shared/i18n/catalog.renderer.ts, put in place of catalog.ts by the
 * renderer build): zh-CN at once, English only once loaded, then every English word.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/shared/i18n/catalog-en';
import { CATALOGS, loadCatalog, MESSAGE_KEYS } from '../../../src/shared/i18n/catalog.renderer';
import { zhCN } from '../../../src/shared/i18n/catalog-zh';

describe('the renderer catalog', () => {
  it('has zh-CN at once and English only after loadCatalog', async () => {
    expect(CATALOGS['zh-CN']).toBe(zhCN);
    expect(Object.keys(CATALOGS.en)).toHaveLength(0);
    await loadCatalog('zh-CN');
    expect(Object.keys(CATALOGS.en)).toHaveLength(0);
    await Promise.all([loadCatalog('en'), loadCatalog('en')]);
    expect(CATALOGS.en).toEqual(en);
    expect(Object.keys(CATALOGS.en)).toHaveLength(MESSAGE_KEYS.length);
  });
});
