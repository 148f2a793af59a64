import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ContactRecord } from '../../../../shared/domain';
import { FailureMessage } from '../../components/FailureMessage';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n/use-t';
import { contactAt, linesAt, rowOfSlot, slotOf, type SearchView } from '../../lib/search/contact-search-view';
import { firstRowBelow, rowStarts, totalHeight, type RowStarts } from '../../lib/row-window';
import { formatPhone } from '../../lib/phone-format';
import { useContactsStore } from '../../state/contacts-store';
import { showToast } from '../../state/toast-store';
import { addContactToRoster, callContact } from './contact-actions';
import { useContactsUi } from './ui-store';
import { revealRow, scrollListTo, useRowWindow } from './use-row-window';

const ROW_PAD = 8;
const LINE = 42;

/** Row height follows the number count (one call button per number), so no measuring is needed. */
export function rowHeight(c: ContactRecord | undefined): number {
  return heightOfLines(Math.max(1, c?.numbers.length ?? 1));
}

const heightOfLines = (lines: number): number => ROW_PAD + LINE * lines;

/**
 * The whole book's row starts, kept per view: clearing the search (Escape) goes back to the full
 * list, and its 50 000 positions are then looked up, not rebuilt, on the keystroke that needs
 * them most. A view that grew (the next page of the book) has a new count, so a new table.
 */
const fullListStarts = new WeakMap<SearchView, RowStarts>();

function startsOf(view: SearchView | null, rows: Int32Array | null, count: number): RowStarts {
  if (!view) return rowStarts(0, () => 0);
  if (rows) return rowStarts(count, (i) => heightOfLines(linesAt(view, rows[i])));
  const cached = fullListStarts.get(view);
  if (cached && cached.length === count + 1) return cached;
  const starts = rowStarts(count, (i) => heightOfLines(linesAt(view, i)));
  fullListStarts.set(view, starts);
  return starts;
}

export function ContactList() {
  const t = useT();
  const { status, loadError, view, rows, rowCount, cursor, reveal, query, filter, loaded, total, load, setCursor } = useContactsStore(
    useShallow((s) => ({
      status: s.status,
      loadError: s.loadError,
      view: s.view,
      rows: s.rows,
      rowCount: s.rowCount,
      cursor: s.cursor,
      reveal: s.reveal,
      query: s.query,
      filter: s.filter,
      loaded: s.loaded,
      total: s.total,
      load: s.load,
      setCursor: s.setCursor,
    })),
  );
  // Rows are never measured: their heights follow the number count, so the positions are one
  // prefix table, new exactly when the rows are.
  const starts = useMemo(() => startsOf(view, rows, rowCount), [view, rows, rowCount]);
  const { range, viewport, attach } = useRowWindow(starts, 3);
  // For the effects that must not re-run when the rows change (revealing the cursor), the
  // positions as last rendered.
  const startsNow = useRef(starts);
  useLayoutEffect(() => {
    startsNow.current = starts;
  }, [starts]);

  // The contact at the top of the list and how far into it the list is scrolled, as last drawn.
  // When the list changes under the dispatcher (another desk's edit, an import, the next page),
  // the scroll position follows that contact rather than the pixel offset, so a contact added or
  // removed above does not shift the rows on screen (nor the selected one out of view).
  const anchor = useRef<{ id: string; delta: number; view: typeof view; rows: typeof rows; query: string; filter: typeof filter } | null>(null);
  useLayoutEffect(() => {
    let offset = viewport.get().top;
    const was = anchor.current;
    if (view && was && (was.view !== view || was.rows !== rows) && was.query === query && was.filter === filter) {
      const slot = slotOf(view, was.id);
      const row = slot < 0 ? -1 : rowOfSlot(rows, slot, view.base.length);
      if (row >= 0 && row < rowCount) {
        const target = Math.max(0, starts[row] + was.delta);
        scrollListTo(viewport, starts, target);
        offset = viewport.get().top;
      }
    }
    const top = view ? firstRowBelow(starts, offset) : -1;
    const contact = view && top >= 0 ? contactAt(view, rows ? rows[top] : top) : undefined;
    anchor.current = contact ? { id: contact.id, delta: offset - starts[top], view, rows, query, filter } : null;
  });

  useEffect(() => {
    // Keyboard moves and edits bring the selected row into view; a click never scrolls (the
    // button under the pointer must not move away before the button is released).
    const row = useContactsStore.getState().cursor;
    if (reveal > 0 && row >= 0) revealRow(viewport, startsNow.current, row);
  }, [reveal, viewport]);

  useEffect(() => {
    // A new query or filter starts at the top (an edit keeps the scroll position). The
    // offset is known from scroll events, so while typing at the top this does nothing;
    // writing scrollTop regardless would force a synchronous layout of the rows React has just
    // replaced, on every keystroke.
    if (viewport.get().top > 0) scrollListTo(viewport, startsNow.current, 0);
  }, [query, filter, viewport]);

  if (status === 'error' && loadError) {
    return (
      <div className="list-state" data-testid="contacts-error">
        <FailureMessage failure={loadError} />
        <button type="button" onClick={() => void load()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (!view) {
    return (
      <div className="list-state" data-testid="contacts-loading">
        {t('contacts.loading')}
      </div>
    );
  }

  const partial = status === 'partial';
  const firstIndex = range?.first ?? 0;
  const shown: number[] = [];
  if (range) for (let i = range.first; i <= range.last; i++) shown.push(i);
  const slotAt = (i: number) => (rows ? rows[i] : i);
  const activeId = cursor >= 0 ? contactAt(view, slotAt(cursor))?.id : undefined;
  const emptyText =
    view.size === 0 && !partial
      ? t('contacts.emptyBook')
      : query
        ? partial
          ? t('contacts.noMatchYet', { query, loaded, total })
          : t('contacts.noMatch', { query })
        : filter.kind === 'favorites'
          ? t('contacts.noFavorites')
          : t('contacts.emptyGroup');
  return (
    <div
      ref={attach}
      className="contact-list"
      data-contact-list
      data-focus-home
      data-testid="contact-list"
      data-status={status}
      id="contact-list"
      role="grid"
      aria-label={t('contacts.listLabel')}
      aria-rowcount={rowCount}
      aria-busy={partial}
      aria-activedescendant={activeId ? `contact-row-${activeId}` : undefined}
      tabIndex={0}
    >
      {rowCount === 0 && (
        <div className="list-state" data-testid="contacts-empty">
          {emptyText}
        </div>
      )}
      <div className="contact-list-inner" style={{ height: totalHeight(starts) }}>
        {shown.map((index) => {
          const contact = contactAt(view, slotAt(index));
          if (!contact) return null;
          // The favourites pinned on top end with a line (only in the full list: search results are ranked).
          const next = index + 1 < rowCount ? contactAt(view, slotAt(index + 1)) : undefined;
          const sectionEnd = !query && contact.favorite && next !== undefined && !next.favorite;
          return (
            // Keyed by position, not contact: a new query then patches the rows on screen instead
            // of tearing them down and building new ones (much less style and layout work).
            <ContactRow
              key={index - firstIndex}
              t={t}
              contact={contact}
              row={index}
              top={starts[index]}
              height={starts[index + 1] - starts[index]}
              selected={index === cursor}
              sectionEnd={sectionEnd}
              onSelect={setCursor}
            />
          );
        })}
      </div>
    </div>
  );
}

interface RowProps {
  /** The list's translator (new when the language changes, which re-renders the rows). */
  t: ReturnType<typeof useT>;
  contact: ContactRecord;
  row: number;
  top: number;
  height: number;
  selected: boolean;
  sectionEnd: boolean;
  onSelect(row: number): void;
}

// A row subscribes to nothing: the list re-renders the rows on screen, and the actions are read
// from the stores when clicked (fifteen rows re-rendered per keystroke, each hook a subscription).
const ContactRow = memo(function ContactRow({ t, contact, row, top, height, selected, sectionEnd, onSelect }: RowProps) {
  const onFavorite = async () => {
    const problem = await useContactsStore.getState().toggleFavorite(contact.id);
    if (problem) showToast({ message: { failure: problem }, tone: 'error' });
  };
  const onDelete = async () => {
    const problem = await useContactsStore.getState().remove([contact.id]);
    if (problem) showToast({ message: { failure: problem }, tone: 'error' });
  };
  const openEditor = (id: string) => useContactsUi.getState().openEditor(id);

  return (
    <div
      className={`contact-row${selected ? ' selected' : ''}${sectionEnd ? ' section-end' : ''}`}
      id={`contact-row-${contact.id}`}
      role="row"
      aria-rowindex={row + 1}
      aria-selected={selected}
      data-testid="contact-row"
      data-id={contact.id}
      style={{ transform: `translateY(${top}px)`, height }}
      onMouseDown={() => onSelect(row)}
    >
      <div role="gridcell" className="cell-fav">
        <button
          type="button"
          className={contact.favorite ? 'icon-button star on' : 'icon-button star'}
          data-testid="contact-favorite"
          aria-pressed={contact.favorite}
          aria-label={contact.favorite ? t('contacts.unfavorite') : t('contacts.favorite')}
          title={contact.favorite ? t('contacts.unfavorite') : t('contacts.favorite')}
          onClick={() => void onFavorite()}
        >
          <Icon name="star" filled={contact.favorite} />
        </button>
      </div>
      <div role="gridcell" className="cell-who">
        <span className="contact-name" data-testid="contact-name-text">
          {contact.name}
        </span>
        {contact.org && <span className="contact-org">{contact.org}</span>}
      </div>
      <div role="gridcell" className="cell-numbers">
        {contact.numbers.length === 0 && <span className="muted">{t('contacts.noNumberShort')}</span>}
        {contact.numbers.map((n, i) => (
          // Keyed by position, like the rows: the next keystroke puts another contact in this row,
          // and its numbers should patch these lines, not remove them and build new ones.
          <div className="number-line" key={i}>
            <span className="number-label">{n.label || t('contacts.numberLabelDefault')}</span>
            {/* The extension sits under the number, in the number's own column: the call buttons stay in one column and nothing overlaps. */}
            <span className="number-main">
              <span className="number-digits">{formatPhone(n.number)}</span>
              {n.extension && (
                // Only the main number is dialled: the extension is for the dispatcher to ask for.
                <span className="number-extension" data-testid="contact-extension">
                  {t('rules.extension', { extension: n.extension })}
                </span>
              )}
            </span>
            <button
              type="button"
              className={i === 0 ? 'call-button primary' : 'call-button'}
              data-testid="contact-call"
              data-number={n.number}
              aria-label={t('contacts.callNumber', { name: contact.name, number: formatPhone(n.number) })}
              title={i === 0 ? `${t('contacts.call')} (Enter)` : t('contacts.call')}
              onClick={() => void callContact(contact, i)}
            >
              <Icon name="phone" />
              <span>{t('contacts.call')}</span>
            </button>
          </div>
        ))}
      </div>
      <div role="gridcell" className="cell-actions">
        <button
          type="button"
          className="icon-button"
          data-testid="contact-add-roster"
          aria-label={t('contacts.addRoster', { name: contact.name })}
          title={`${t('contacts.addRosterShort')} (Insert / A)`}
          onClick={() => addContactToRoster(contact)}
        >
          <Icon name="users" />
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid="contact-edit"
          aria-label={t('contacts.edit', { name: contact.name })}
          title={`${t('contacts.editShort')} (E)`}
          onClick={() => openEditor(contact.id)}
        >
          <Icon name="edit" />
        </button>
        <button
          type="button"
          className="icon-button danger"
          data-testid="contact-delete"
          aria-label={t('contacts.delete', { name: contact.name })}
          title={t('contacts.deleteShort')}
          onClick={() => void onDelete()}
        >
          <Icon name="trash" />
        </button>
      </div>
    </div>
  );
});
