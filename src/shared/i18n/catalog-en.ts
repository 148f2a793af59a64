/** The English half of the catalog (see catalog.ts), checked against the zh-CN half. */
import type { MatchingCatalog } from './placeholders';
import type { zhCN } from './catalog-zh';
import { csvEn } from './catalog/csv.en';
import { deskEn } from './catalog/desk.en';
import { hubEn } from './catalog/hub.en';
import { importEn } from './catalog/import.en';
import { inputEn } from './catalog/input.en';
import { layoutEn } from './catalog/layout.en';
import { reportsEn } from './catalog/reports.en';
import { rulesEn } from './catalog/rules.en';
import { outcomeEn } from './catalog/outcome.en';
import { storageEn } from './catalog/storage.en';
import { teamEn } from './catalog/team.en';
import { uiEn } from './catalog/ui.en';
import { yunxinEn } from './catalog/yunxin.en';

const enParts = {
  ...uiEn,
  ...yunxinEn,
  ...inputEn,
  ...storageEn,
  ...csvEn,
  ...importEn,
  ...hubEn,
  ...reportsEn,
  ...layoutEn,
  ...deskEn,
  ...teamEn,
  ...rulesEn,
  ...outcomeEn,
} as const;

/**
 * A missing key, an extra key or a template with other placeholders than its zh-CN twin fails to
 * compile here (the parts use distinct key prefixes, so a spread cannot hide a duplicate).
 */
export const en: MatchingCatalog<typeof zhCN, typeof enParts> & Record<keyof typeof enParts, string> = enParts;
