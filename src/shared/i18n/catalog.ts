/**
 * The one catalog of user-facing words: the renderer's labels and every sentence main or shared
 * code produces (failures, input problems, CSV headers). zh-CN is the reference; en must have the
 * same keys and the same placeholders in each template, which the compiler checks below.
 */
import type { Language } from './language';
import type { MatchingCatalog } from './placeholders';
import { csvEn } from './catalog/csv.en';
import { csvZhCN } from './catalog/csv.zh-CN';
import { deskEn } from './catalog/desk.en';
import { deskZhCN } from './catalog/desk.zh-CN';
import { hubEn } from './catalog/hub.en';
import { hubZhCN } from './catalog/hub.zh-CN';
import { importEn } from './catalog/import.en';
import { importZhCN } from './catalog/import.zh-CN';
import { inputEn } from './catalog/input.en';
import { inputZhCN } from './catalog/input.zh-CN';
import { layoutEn } from './catalog/layout.en';
import { layoutZhCN } from './catalog/layout.zh-CN';
import { reportsEn } from './catalog/reports.en';
import { reportsZhCN } from './catalog/reports.zh-CN';
import { rulesEn } from './catalog/rules.en';
import { rulesZhCN } from './catalog/rules.zh-CN';
import { outcomeEn } from './catalog/outcome.en';
import { outcomeZhCN } from './catalog/outcome.zh-CN';
import { storageEn } from './catalog/storage.en';
import { storageZhCN } from './catalog/storage.zh-CN';
import { teamEn } from './catalog/team.en';
import { teamZhCN } from './catalog/team.zh-CN';
import { uiEn } from './catalog/ui.en';
import { uiZhCN } from './catalog/ui.zh-CN';
import { yunxinEn } from './catalog/yunxin.en';
import { yunxinZhCN } from './catalog/yunxin.zh-CN';

export const zhCN = {
  ...uiZhCN,
  ...yunxinZhCN,
  ...inputZhCN,
  ...storageZhCN,
  ...csvZhCN,
  ...importZhCN,
  ...hubZhCN,
  ...reportsZhCN,
  ...layoutZhCN,
  ...deskZhCN,
  ...teamZhCN,
  ...rulesZhCN,
  ...outcomeZhCN,
} as const;

export type MessageKey = keyof typeof zhCN;

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

export const CATALOGS: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { 'zh-CN': zhCN, en };

/** Every key, for tests and for checking keys that arrive as data (an old call log entry). */
export const MESSAGE_KEYS = Object.freeze(Object.keys(zhCN) as MessageKey[]);
