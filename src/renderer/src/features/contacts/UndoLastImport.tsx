import { useEffect } from 'react';
import { useT } from '../../i18n/use-t';
import { useImportUndoStore } from '../../state/import-undo-store';

/** "Undo last import" in the contacts toolbar, while main still keeps the import's undo (an hour). */
export function UndoLastImport() {
  const t = useT();
  const last = useImportUndoStore((s) => s.last);
  const refresh = useImportUndoStore((s) => s.refresh);
  const undo = useImportUndoStore((s) => s.undo);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  if (!last) return null;
  const time = new Date(last.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <button type="button" data-testid="import-undo-last" title={t('importReview.undoLastTitle', { time })} onClick={() => void undo()}>
      {t('importReview.undoLast')}
    </button>
  );
}
