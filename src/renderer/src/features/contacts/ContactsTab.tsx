import { lazy, Suspense, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n/use-t';
import { downloadText } from '../../lib/download';
import { isComposing } from '../../lib/keyboard';
import { invoke } from '../../bridge';
import { currentLanguage } from '../../state/app-store';
import { useContactsStore } from '../../state/contacts-store';
import { useDialRequestStore } from '../../state/dial-request-store';
import { showToast } from '../../state/toast-store';
import { typedNumberToOffer } from '../../lib/typed-dial';
import { DialBox } from '../dial/DialBox';
import { RosterPanel } from '../roster/RosterPanel';
import { SEARCH_INPUT_ID } from '../shell/focus';
import { addSelectedToRoster, callSelected } from './contact-actions';
import { ContactList } from './ContactList';
import { GroupBar } from './GroupBar';
import { UndoLastImport } from './UndoLastImport';
import { JumpBar } from './JumpBar';
import { IMPORT_ACCEPT } from '../../../../shared/import-mapping';
import { useContactsUi } from './ui-store';

// Sheets open on a click: loaded then, not before the first screen (issue 10 §6).
const ContactEditor = lazy(() => import('./ContactEditor').then((m) => ({ default: m.ContactEditor })));
const GroupsSheet = lazy(() => import('./GroupsSheet').then((m) => ({ default: m.GroupsSheet })));
const ImportSheet = lazy(() => import('./ImportSheet').then((m) => ({ default: m.ImportSheet })));

/**
 * A whole phone number typed in the search box: Enter offers to dial that number, through the
 * same confirmation as a link (which names the contact it belongs to). Anything shorter stays a
 * search, and Enter calls the selected contact as before. A number with an extension
 * (`0571-88886666 转 123`) offers its main number, with the extension shown to ask for.
 */
function offerToDialTyped(query: string): boolean {
  const phone = typedNumberToOffer(query);
  if (!phone) return false;
  useDialRequestStore.getState().receive({ source: 'search', phone });
  return true;
}

export function ContactsTab() {
  const t = useT();
  return (
    <div className="contacts-tab">
      <section className="contacts-main" aria-label={t('tabs.contacts')}>
        <ContactsToolbar />
        <GroupBar />
        <div className="contact-list-row">
          <ContactList />
          <JumpBar />
        </div>
      </section>
      <aside className="side-panel">
        <DialBox />
        <RosterPanel />
      </aside>
      <ContactsSheets />
    </div>
  );
}

function ContactsSheets() {
  const { editor, groupsOpen } = useContactsUi(useShallow((s) => ({ editor: s.editor, groupsOpen: s.groupsOpen })));
  return (
    <Suspense fallback={null}>
      {editor && <ContactEditor key={editor.id ?? 'new'} id={editor.id} />}
      {groupsOpen && <GroupsSheet />}
    </Suspense>
  );
}

function ContactsToolbar() {
  const t = useT();
  const { query, setQuery, moveCursor, size, rowCount, status, loaded, total, stoppedEarly, load } = useContactsStore(
    useShallow((s) => ({
      query: s.query,
      setQuery: s.setQuery,
      moveCursor: s.moveCursor,
      size: s.view?.size ?? 0,
      rowCount: s.rowCount,
      status: s.status,
      loaded: s.loaded,
      total: s.total,
      stoppedEarly: s.status === 'partial' && s.loadError !== null,
      load: s.load,
    })),
  );
  const openEditor = useContactsUi((s) => s.openEditor);
  const fileRef = useRef<HTMLInputElement>(null);
  const [importFile, setImportFile] = useState<File | null>(null);
  const [exporting, setExporting] = useState(false);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (isComposing(e)) return;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        moveCursor(e.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'PageDown':
      case 'PageUp':
        e.preventDefault();
        moveCursor(e.key === 'PageDown' ? 10 : -10);
        break;
      case 'Enter':
        // Ctrl/Cmd+Enter belongs to the conference (global shortcut): let it through.
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        e.preventDefault();
        if (e.repeat) return;
        if (e.shiftKey) addSelectedToRoster();
        else if (!offerToDialTyped(query)) void callSelected();
        break;
      case 'Insert':
        e.preventDefault();
        addSelectedToRoster();
        break;
      case 'Escape':
        if (query) {
          e.preventDefault();
          setQuery('');
        }
        break;
    }
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0] ?? null;
    // Reset so choosing the same file again fires change again.
    e.target.value = '';
    if (file) setImportFile(file);
  };

  const onExport = async () => {
    if (exporting) return;
    setExporting(true);
    const r = await invoke('contactsExport', { lang: currentLanguage() });
    setExporting(false);
    if (!r.ok) {
      showToast({ message: { failure: r }, tone: 'error' });
      return;
    }
    downloadText(r.fileName, r.csv);
    showToast({ message: { key: 'contacts.exported', params: { file: r.fileName } }, tone: 'success' });
  };

  return (
    <div className="contacts-toolbar">
      <div className="search-box">
        <Icon name="search" />
        <input
          id={SEARCH_INPUT_ID}
          data-testid="search-input"
          type="search"
          value={query}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('contacts.searchPlaceholder')}
          aria-label={t('contacts.searchLabel')}
          aria-controls="contact-list"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        {/* Busy while pages arrive: a screen reader waits and reads the count once, not every page's. */}
        <span className="search-count" aria-live="polite" aria-busy={status === 'partial' && !stoppedEarly} data-testid="search-count" data-status={status}>
          {status === 'ready'
            ? query
              ? t('contacts.matchCount', { n: rowCount, total: size })
              : t('contacts.totalCount', { n: rowCount })
            : status === 'partial'
              ? stoppedEarly
                ? t('contacts.loadStopped', { loaded, total })
                : query
                  ? t('contacts.partialMatchCount', { n: rowCount, loaded, total })
                  : t('contacts.loadingCount', { loaded, total })
              : ''}
        </span>
        {stoppedEarly && (
          // Inline, in the toolbar's own row: a notice above the list would push the rows down
          // under the dispatcher's pointer.
          <button type="button" className="link" data-testid="contacts-load-retry" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        )}
      </div>
      <button type="button" className="primary" data-testid="contact-new" title={t('contacts.new')} onClick={() => openEditor(null)}>
        <Icon name="plus" />
        <span>{t('contacts.new')}</span>
      </button>
      <button type="button" data-testid="import-button" title={t('import.button')} onClick={() => fileRef.current?.click()}>
        <Icon name="upload" />
        <span>{t('import.button')}</span>
      </button>
      <UndoLastImport />
      <input ref={fileRef} type="file" accept={IMPORT_ACCEPT} hidden data-testid="import-file" onChange={onFile} />
      <button type="button" data-testid="export-button" title={t('export.button')} onClick={() => void onExport()} disabled={exporting}>
        <Icon name="download" />
        <span>{t('export.button')}</span>
      </button>
      {importFile && (
        <Suspense fallback={null}>
          <ImportSheet file={importFile} onClose={() => setImportFile(null)} />
        </Suspense>
      )}
    </div>
  );
}
