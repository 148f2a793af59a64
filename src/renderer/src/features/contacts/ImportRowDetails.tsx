import type { ImportConflictDecision, ImportPreviewRow, ImportRowStatus } from '../../../../shared/contract';
import { formatMessage } from '../../i18n';
import { useT } from '../../i18n/use-t';

type T = ReturnType<typeof useT>;

export function statusLabel(t: T, status: ImportRowStatus | 'all'): string {
  return status === 'conflict' ? t('importReview.status.conflict') : t(`import.status.${status}`);
}

/**
 * What the import plan says about one row beyond its status: unit, notes and groups as they will
 * be stored, numbers left out, who else has its number (with the dispatcher's decision for a
 * conflict), and what a replace takes away.
 */
export function ImportRowDetails({
  row,
  lang,
  decision = 'keep',
  onDecide,
}: {
  row: ImportPreviewRow;
  lang: 'zh-CN' | 'en';
  decision?: ImportConflictDecision;
  onDecide?: (line: number, d: ImportConflictDecision) => void;
}) {
  const t = useT();
  const facts = [
    row.org && t('importReview.org', { org: row.org }),
    row.notes && t('importReview.notes', { notes: row.notes }),
    row.groups.length > 0 && t('importReview.groups', { groups: row.groups.join(t('common.listSeparator')) }),
  ].filter(Boolean);
  return (
    <>
      {facts.length > 0 && (
        <span className="import-facts muted" role="cell" data-testid="import-row-facts">
          {facts.join(' · ')}
        </span>
      )}
      {row.match && (
        <span className="import-match" role="cell" data-testid="import-row-match">
          {formatMessage(lang, row.match)}
        </span>
      )}
      {row.status === 'conflict' && (
        <label className="import-decision" role="cell">
          <span className="sr-only">{t('importReview.conflictLabel')}</span>
          <select
            data-testid="import-conflict-decision"
            data-line={row.line}
            value={decision}
            disabled={!onDecide}
            onChange={(e) => onDecide?.(row.line, e.target.value as ImportConflictDecision)}
          >
            <option value="keep">{t('importReview.decision.keep')}</option>
            <option value="merge">{t('importReview.decision.merge')}</option>
            <option value="skip">{t('importReview.decision.skip')}</option>
          </select>
        </label>
      )}
      {row.warnings.length > 0 && (
        <ul className="import-warnings" role="cell" data-testid="import-row-warnings" aria-label={t('importReview.warningsTitle')}>
          {row.warnings.map((w, k) => (
            <li key={k}>{formatMessage(lang, w)}</li>
          ))}
        </ul>
      )}
      {row.removes.length > 0 && (
        <ul className="import-removes" role="cell" data-testid="import-row-removes" aria-label={t('importReview.removesTitle')}>
          {row.removes.map((m, k) => (
            <li key={k}>{formatMessage(lang, m)}</li>
          ))}
        </ul>
      )}
    </>
  );
}
