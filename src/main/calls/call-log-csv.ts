/**
 * The call log as a spreadsheet for the dispatcher's records: UTF-8 with a BOM (without it Excel
 * reads UTF-8 as GBK), CRLF, Chinese headers and words like the contact export, oldest first.
 */
import type { CallLogEntry } from '../../shared/domain';
import { csvCell, guard } from '../contacts/csv';
import { localIso } from '../local-time';

export const CALL_LOG_HEADERS = ['时间', '类型', '模式', '主叫', '被叫', '结果', '错误码', '说明', '会话 ID', '状态', '时长（秒）', '挂断原因'];

const KIND = { call: '通话', conf: '会议' } as const;
const MODE = { sandbox: '沙箱', production: '正式' } as const;
const STATE: Record<CallLogEntry['state'], string> = {
  submitted: '已提交',
  ringing: '振铃中',
  answered: '通话中',
  ended: '已结束',
  unknown: '未知',
  failed: '失败',
};

export function exportCallLogCsv(entries: readonly CallLogEntry[]): string {
  const lines = [CALL_LOG_HEADERS.map(cell).join(',')];
  const oldestFirst = [...entries].sort((a, b) => a.createdAt - b.createdAt);
  for (const e of oldestFirst) {
    const parties = e.parties.map((p) => (p.name ? `${p.name} ${p.number}` : p.number)).join('; ');
    lines.push(
      [
        localIso(e.createdAt),
        KIND[e.kind],
        MODE[e.mode],
        e.caller,
        parties,
        e.error ? '失败' : '成功',
        e.error ? String(e.error.code) : '',
        e.error ? (e.error.text?.['zh-CN'] ?? e.error.message) : '',
        e.session ?? '',
        STATE[e.state] ?? e.state,
        e.durationSec === undefined ? '' : String(e.durationSec),
        e.hangCause ?? '',
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * RFC 4180 quoting, plus the formula-injection guard: a spreadsheet runs a cell starting with
 * = + - @ as a formula, and contact names come from whoever filled in the address book. Numbers
 * (digits only) are quoted as ="…" so Excel keeps them as text, leading 0 included.
 */
function cell(value: string): string {
  if (/^\d{5,}$/.test(value)) return `="${value}"`;
  return csvCell(guard(value));
}
