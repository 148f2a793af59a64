import { useState, type FormEvent } from 'react';
import type { ImportSourceView } from '../../../../shared/contract';
import { CONTACT_LABEL_MAX } from '../../../../shared/contact-limits';
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole } from '../../../../shared/import-mapping';
import type { MessageKey } from '../../../../shared/i18n';
import { useT } from '../../i18n/use-t';

/** What the mapping needs before main can read anything from it. */
export function mappingProblem(mapping: readonly ColumnMapping[]): 'importMap.needNumber' | 'importMap.needName' | null {
  const roles = new Set(mapping.map((m) => m.role));
  if (!roles.has('number')) return 'importMap.needNumber';
  if (!roles.has('name') && !roles.has('family') && !roles.has('given')) return 'importMap.needName';
  return null;
}

/**
 * The column-mapping step: one line per column of the file — its header, its first values, what it
 * holds, and for a number column the label its numbers get. Plain form controls in reading order,
 * so Tab walks through it and Enter reads the file with these columns.
 */
export function ImportColumns({
  source,
  onApply,
  onBack,
}: {
  source: ImportSourceView;
  onApply(mapping: ColumnMapping[]): void;
  /** Absent while the guess is uncertain: the preview is not worth showing before the columns are checked. */
  onBack?: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<ColumnMapping[]>(() => source.columns.map((c) => ({ role: c.role, label: c.label })));
  const [tried, setTried] = useState(false);
  const problem = mappingProblem(draft);
  const set = (i: number, change: Partial<ColumnMapping>) => setDraft((d) => d.map((m, j) => (j === i ? { ...m, ...change } : m)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!problem) onApply(draft);
  };

  return (
    <form className="import-columns" data-testid="import-columns" onSubmit={submit} aria-labelledby="import-columns-title">
      <h3 id="import-columns-title">{t('importMap.title')}</h3>
      {!source.certain && <p className="import-columns-warning">{t('importMap.uncertain')}</p>}
      {source.mappingFrom === 'remembered' && <p className="muted">{t('importMap.remembered')}</p>}
      <p className="muted">{t('importMap.hint')}</p>
      <div className="import-columns-table" role="table" aria-label={t('importMap.title')}>
        <div className="import-columns-row head" role="row">
          <span role="columnheader">{t('importMap.role')}</span>
          <span role="columnheader">{t('importMap.label')}</span>
          <span role="columnheader">{t('importMap.samples')}</span>
        </div>
        {source.columns.map((c, i) => {
          const name = c.header || t('importMap.column', { n: i + 1 });
          const m = draft[i];
          return (
            <div key={i} className="import-columns-row" role="row" data-testid="import-column" data-header={c.header}>
              <label className="import-columns-role" role="cell">
                <span className="import-columns-header" title={name}>
                  {name}
                </span>
                <select value={m.role} data-testid="import-column-role" autoFocus={i === 0} onChange={(e) => set(i, { role: e.target.value as ColumnRole })}>
                  {COLUMN_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`importMap.role.${role}` as MessageKey & `importMap.role.${ColumnRole}`)}
                    </option>
                  ))}
                </select>
              </label>
              <span role="cell">
                {m.role === 'number' && (
                  <input
                    type="text"
                    value={m.label}
                    maxLength={CONTACT_LABEL_MAX}
                    aria-label={`${name}: ${t('importMap.label')}`}
                    data-testid="import-column-label"
                    onChange={(e) => set(i, { label: e.target.value })}
                  />
                )}
              </span>
              <span className="import-columns-samples muted" role="cell">
                {c.samples.filter(Boolean).join(' · ') || '—'}
              </span>
            </div>
          );
        })}
      </div>
      {tried && problem && (
        <p className="import-columns-problem" role="alert" data-testid="import-columns-problem">
          {t(problem)}
        </p>
      )}
      <div className="import-columns-actions">
        {onBack && (
          <button type="button" onClick={onBack} data-testid="import-columns-back">
            {t('importMap.back')}
          </button>
        )}
        <button type="submit" className="primary" data-testid="import-columns-apply">
          {t('importMap.apply')}
        </button>
      </div>
    </form>
  );
}

/** The file's format, the sheet picker of a workbook with several sheets, the layout recognised. */
export function ImportSourceBar({
  source,
  onSheet,
  onColumns,
  disabled,
}: {
  source: ImportSourceView;
  onSheet(sheet: string): void;
  onColumns?: () => void;
  disabled: boolean;
}) {
  const t = useT();
  const format =
    source.format === 'xlsx'
      ? t('importSource.format.xlsx')
      : source.format === 'vcard'
        ? t('importSource.format.vcard', { encoding: source.encoding ?? '' })
        : t('importSource.format.csv', { encoding: source.encoding ?? '' });
  const layout = source.layout === 'google' || source.layout === 'outlook' || source.layout === 'none' ? t(`importSource.layout.${source.layout}`) : null;
  return (
    <div className="import-source" data-testid="import-source" data-format={source.format} data-layout={source.layout}>
      <span className="muted">{format}</span>
      {layout && <span className="muted">· {layout}</span>}
      {source.sheets.length > 1 && (
        <label className="field inline">
          <span>{t('importSource.sheet')}</span>
          <select data-testid="import-sheet" value={source.sheet ?? ''} disabled={disabled} onChange={(e) => onSheet(e.target.value)}>
            {source.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      {onColumns && source.columns.length > 0 && (
        <button type="button" className="link" data-testid="import-columns-open" disabled={disabled} onClick={onColumns}>
          {t('importMap.open')}
        </button>
      )}
    </div>
  );
}
