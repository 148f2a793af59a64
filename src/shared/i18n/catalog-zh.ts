/**
 * The zh-CN half of the one catalog of user-facing words (see catalog.ts): the reference every
 * other language matches, and the words the first screen shows by default. Apart from the English
 * half so that the renderer can load English only when the dispatcher chose it (catalog.renderer.ts).
 */
import { csvZhCN } from './catalog/csv.zh-CN';
import { deskZhCN } from './catalog/desk.zh-CN';
import { hubZhCN } from './catalog/hub.zh-CN';
import { importZhCN } from './catalog/import.zh-CN';
import { inputZhCN } from './catalog/input.zh-CN';
import { layoutZhCN } from './catalog/layout.zh-CN';
import { reportsZhCN } from './catalog/reports.zh-CN';
import { rulesZhCN } from './catalog/rules.zh-CN';
import { outcomeZhCN } from './catalog/outcome.zh-CN';
import { storageZhCN } from './catalog/storage.zh-CN';
import { teamZhCN } from './catalog/team.zh-CN';
import { uiZhCN } from './catalog/ui.zh-CN';
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

/** Every key, for tests and for checking keys that arrive as data (an old call log entry). */
export const MESSAGE_KEYS = Object.freeze(Object.keys(zhCN) as MessageKey[]);
