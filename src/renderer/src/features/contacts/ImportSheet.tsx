import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportApplyResponse, ImportPreview, ImportPreviewRow } from '../../../../shared/contract';
import type { DuplicatePolicy } from '../../../../shared/domain';
import type { ColumnMapping } from '../../../../shared/import-mapping';
import { failure as makeFailure, type Failure } from '../../../../shared/result';
import { formatMessage, msg } from '../../i18n';
import { invoke } from '../../bridge';
import { FailureMessage } from '../../components/FailureMessage';
import { Sheet } from '../../components/Sheet';
import { useT } from '../../i18n/use-t';
import { bytesToBase64 } from '../../lib/base64';
import { useLanguage } from '../../state/app-store';
import { useContactsStore } from '../../state/contacts-store';
import { progressPercent, useImportProgressStore } from '../../state/import-progress-store';
import { ImportColumns, ImportSourceBar } from './ImportColumns';

type StatusFilter = 'all' | ImportPreviewRow['status'];
type Applied = Extract<ImportApplyResponse, { ok: true }>;

/**
 * CSV import in two steps: main parses and checks the file (preview: new / duplicate / error per
 * row, with the reasons), the dispatcher picks what to do with duplicates, then applies.
 */
export function ImportSheet({ file, onClose }: { file: File; onClose(): void }) {
  const t = useT();
  const lang = useLanguage();
  const reload = useContactsStore((s) => s.load);
  const [data, setData] = useState<string | null>(null);
  const [policy, setPolicy] = useState<DuplicatePolicy>('skip');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(true);
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('all');
  // The reader's choices (sheet of a workbook, the columns' meaning) and the mapping step.
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [mapping, setMapping] = useState<ColumnMapping[] | undefined>(undefined);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const progress = useImportProgressStore((st) => st.progress);
  const resetProgress = useImportProgressStore((st) => st.reset);
  const percent = progress ? progressPercent(progress) : null;
  const request = useRef(0);
  const policyRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    let cancelled = false;
    file
      .arrayBuffer()
      .then((buf) => {
        if (cancelled) return;
        setLoading(true); // the preview request below runs for the new data
        setData(bytesToBase64(new Uint8Array(buf)));
      })
      .catch(() => {
        if (cancelled) return;
        setLoading(false);
        setFailure(makeFailure('invalid_input', 'The file could not be read', { detail: msg('import.readError') }));
      });
    return () => {
      cancelled = true;
    };
  }, [file]);

  // Every policy, sheet or column change asks main again: what counts as duplicate/merged depends on it.
  useEffect(() => {
    if (data === null) return;
    const mine = ++request.current;
    resetProgress();
    const choices = { ...(sheet === undefined ? {} : { sheet }), ...(mapping === undefined ? {} : { mapping }) };
    void invoke('contactsImportPreview', { fileName: file.name, dataBase64: data, duplicate: policy, lang, ...choices }).then((r) => {
      if (mine !== request.current) return;
      setLoading(false);
      if (r.ok) {
        setPreview(r.preview);
        setFailure(null);
        // An uncertain guess is checked by the dispatcher before anything is imported.
        setColumnsOpen(!r.preview.source.certain);
      } else {
        setFailure(r);
      }
    });
  }, [data, policy, file.name, sheet, mapping, lang, resetProgress]);

  // Main sends the first rows and the first problem rows; further rows come a page at a time.
  const firstRows = useMemo(() => {
    if (!preview) return [];
    if (statusFilter === 'all') return preview.rows;
    const byLine = new Map<number, ImportPreviewRow>();
    for (const r of [...preview.rows, ...preview.problemRows]) byLine.set(r.line, r);
    return [...byLine.values()].filter((r) => r.status === statusFilter).sort((a, b) => a.line - b.line);
  }, [preview, statusFilter]);
  const pageKey = `${preview?.importId ?? ''}:${statusFilter}`;
  const [more, setMore] = useState<{ key: string; rows: ImportPreviewRow[] } | null>(null);
  const rows = more?.key === pageKey ? more.rows : firstRows;
  const matching = preview ? (statusFilter === 'all' ? preview.summary.total : preview.summary[statusFilter]) : 0;
  const loadMore = async () => {
    if (!preview) return;
    const r = await invoke('contactsImportRows', {
      importId: preview.importId,
      offset: rows.length,
      limit: 200,
      ...(statusFilter === 'all' ? {} : { status: statusFilter }),
    });
    if (r.ok) setMore({ key: pageKey, rows: [...rows, ...r.rows] });
    else setFailure(r);
  };

  const onApply = async () => {
    if (!preview || applying || applied) return;
    setApplying(true);
    const r = await invoke('contactsImportApply', { importId: preview.importId, duplicate: policy });
    setApplying(false);
    if (!r.ok) return setFailure(r);
    setFailure(null);
    setApplied(r);
    void reload();
  };

  const s = preview?.summary;
  const willAdd = s ? s.new + (policy === 'skip' ? 0 : s.duplicate) : 0;

  return (
    <Sheet
      title={t('import.title', { file: file.name })}
      testId="import-preview"
      onClose={onClose}
      initialFocus={policyRef}
      className="wide"
      footer={
        applied ? (
          <button type="button" className="primary" data-testid="import-done" onClick={onClose}>
            {t('import.done')}
          </button>
        ) : (
          <>
            <button type="button" onClick={onClose} data-testid="import-cancel">
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              data-testid="import-apply"
              disabled={!preview || loading || applying || columnsOpen || willAdd === 0}
              onClick={() => void onApply()}
            >
              {applying ? t('import.applying') : t('import.apply', { n: willAdd })}
            </button>
          </>
        )
      }
    >
      <div className="import-controls">
        <label className="field">
          <span>{t('import.policy')}</span>
          <select
            ref={policyRef}
            data-testid="import-duplicate-policy"
            value={policy}
            disabled={applying || applied !== null}
            onChange={(e) => {
              setPolicy(e.target.value as DuplicatePolicy);
              setLoading(true); // the effect below asks main again
            }}
          >
            <option value="skip">{t('import.policy.skip')}</option>
            <option value="merge">{t('import.policy.merge')}</option>
            <option value="replace">{t('import.policy.replace')}</option>
          </select>
        </label>
        <p className="muted policy-hint">{t(`import.policyHint.${policy}`)}</p>
      </div>

      {failure && <FailureMessage failure={failure} testId="import-failure" />}
      {loading && !failure && (
        <p className="muted" data-testid="import-loading">
          {percent === null ? t('import.reading') : t('import.progress', { percent })}
        </p>
      )}

      {applied && (
        <div className="import-summary success-box" data-testid="import-summary" role="status">
          {t('import.result', {
            added: applied.added,
            merged: applied.merged,
            replaced: applied.replaced,
            skipped: applied.skipped,
            failed: applied.failed,
          })}
        </div>
      )}

      {preview && !applied && (
        <ImportSourceBar
          source={preview.source}
          disabled={loading || applying}
          onSheet={(next) => {
            setLoading(true);
            setSheet(next);
            // Another sheet has other headers: its columns are guessed (or remembered) afresh.
            setMapping(undefined);
          }}
          onColumns={columnsOpen ? undefined : () => setColumnsOpen(true)}
        />
      )}

      {preview && columnsOpen && !applied && (
        <ImportColumns
          key={`${preview.importId}`}
          source={preview.source}
          onBack={preview.source.certain ? () => setColumnsOpen(false) : undefined}
          onApply={(next) => {
            setLoading(true);
            setMapping(next);
            setColumnsOpen(false);
          }}
        />
      )}

      {preview && s && !columnsOpen && (
        <>
          <div className="import-stats" data-testid="import-stats">
            {(['all', 'new', 'duplicate', 'error'] as const).map((k) => (
              <button
                key={k}
                type="button"
                className={statusFilter === k ? 'chip active' : 'chip'}
                aria-pressed={statusFilter === k}
                data-testid="import-filter"
                data-id={k}
                onClick={() => setStatusFilter(k)}
              >
                <span className="chip-label">{t(`import.status.${k}`)}</span>
                <span className={`chip-count status-${k}`}>{k === 'all' ? s.total : s[k]}</span>
              </button>
            ))}
          </div>
          <ImportRows rows={rows} lang={lang} />
          {rows.length < matching && (
            <button type="button" className="link" data-testid="import-more" onClick={() => void loadMore()}>
              {t('import.more', { shown: rows.length, total: matching })}
            </button>
          )}
        </>
      )}
    </Sheet>
  );
}

function ImportRows({ rows, lang }: { rows: readonly ImportPreviewRow[]; lang: 'zh-CN' | 'en' }) {
  const t = useT();
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: (i) => 44 + rows[i].errors.length * 20,
    getItemKey: (i) => rows[i].line,
    overscan: 8,
  });
  if (rows.length === 0) return <p className="muted">{t('import.noRows')}</p>;
  return (
    <div className="import-rows" ref={parentRef} role="table" aria-label={t('import.rowsLabel')}>
      <div className="import-rows-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index];
          return (
            <div
              key={v.key}
              ref={virtualizer.measureElement}
              data-index={v.index}
              className={`import-row status-${row.status}`}
              data-testid="import-row"
              data-status={row.status}
              role="row"
              style={{ transform: `translateY(${v.start}px)` }}
            >
              <span className="import-line" role="cell">
                {t('import.line', { n: row.line })}
              </span>
              <span className={`import-badge status-${row.status}`} role="cell">
                {t(`import.status.${row.status}`)}
              </span>
              <span className="import-name" role="cell">
                {row.name || '—'}
              </span>
              <span className="import-numbers" role="cell">
                {row.numbers.join(' / ')}
              </span>
              {row.errors.length > 0 && (
                <ul className="import-errors" role="cell" data-testid="import-row-errors">
                  {row.errors.map((e, k) => (
                    <li key={k}>{formatMessage(lang, e)}</li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
