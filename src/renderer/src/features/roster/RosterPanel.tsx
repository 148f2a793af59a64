import { useMemo, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_CONFERENCE_CALLEES } from '../../../../shared/limits';
import { FailureMessage } from '../../components/FailureMessage';
import { Icon } from '../../components/Icon';
import { Message } from '../../components/Message';
import { useT } from '../../i18n/use-t';
import { isComposing } from '../../lib/keyboard';
import { formatPhone } from '../../lib/phone-format';
import { ownNumber, rosterProblems } from '../../lib/roster-rules';
import { useAppStore } from '../../state/app-store';
import { memberNumberText, useRosterStore } from '../../state/roster-store';
import type { Failure } from '../../../../shared/result';
import { ROSTER_INPUT_ID } from '../shell/focus';
import { PerPersonLimit } from './PerPersonLimit';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function RosterPanel() {
  const t = useT();
  const { members, note, add, remove, move, replace, openConfirm } = useRosterStore(
    useShallow((s) => ({
      members: s.members,
      note: s.note,
      add: s.add,
      remove: s.remove,
      move: s.move,
      replace: s.replace,
      openConfirm: s.openConfirm,
    })),
  );
  const own = ownNumber(useAppStore((s) => s.settings?.callerNumber));
  const problems = useMemo(() => rosterProblems(members, own).filter((p) => p.reason !== 'empty'), [members, own]);
  const problemAt = (i: number) => problems.find((p) => 'index' in p && p.index === i);
  const [typed, setTyped] = useState('');
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const full = members.length >= MAX_CONFERENCE_CALLEES;

  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim() === '') return;
    if (add({ number: typed })) setTyped('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && (isComposing(e) || e.repeat)) e.preventDefault();
  };

  const onDrop = (e: DragEvent, to: number) => {
    e.preventDefault();
    if (dragFrom !== null) useRosterStore.getState().moveTo(dragFrom, to);
    setDragFrom(null);
  };

  return (
    <section className="panel roster-panel" aria-labelledby="roster-title">
      <header className="panel-header">
        <h2 id="roster-title">{t('roster.title')}</h2>
        <span
          className={full ? 'roster-count full' : 'roster-count'}
          data-testid="roster-count"
          aria-label={t('roster.countLabel', { n: members.length, max: MAX_CONFERENCE_CALLEES })}
        >
          {`${members.length} / ${MAX_CONFERENCE_CALLEES}`}
        </span>
      </header>

      {members.length === 0 ? (
        <p className="muted roster-empty">{t('roster.empty')}</p>
      ) : (
        <ol className="roster-list">
          {members.map((m, i) => {
            const problem = problemAt(i);
            // Keyed by number and extension (so a moved item keeps its node and its focus); repeats get a suffix.
            const repeat = members.slice(0, i).filter((x) => x.number === m.number && x.extension === m.extension).length;
            return (
              <li
                key={`${m.number}#${m.extension ?? ''}#${repeat}`}
                className={`roster-item${problem ? ' problem' : ''}${dragFrom === i ? ' dragging' : ''}`}
                data-testid="roster-item"
                data-number={m.number}
                data-extension={m.extension}
                draggable
                onDragStart={(e) => {
                  setDragFrom(i);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onDragOver={(e) => dragFrom !== null && e.preventDefault()}
                onDrop={(e) => onDrop(e, i)}
                onDragEnd={() => setDragFrom(null)}
              >
                <span className="roster-index">{i + 1}</span>
                <span className="roster-who">
                  <span className="roster-name">{m.name || t('roster.typedNumber')}</span>
                  <span className="roster-number">{formatPhone(m.number)}</span>
                  {m.extension && (
                    // Only the main number is dialled: the extension is for the dispatcher to ask for.
                    <span className="number-extension" data-testid="roster-extension">
                      {t('rules.extension', { extension: m.extension })}
                    </span>
                  )}
                  {problem && (
                    <span className="roster-problem">
                      {problem.reason === 'own'
                        ? t('roster.problem.own')
                        : problem.reason === 'duplicate'
                          ? t('roster.problem.duplicate', { first: problem.first + 1 })
                          : t('roster.problem.invalid')}
                    </span>
                  )}
                </span>
                <span className="roster-actions">
                  <button
                    type="button"
                    className="icon-button"
                    data-testid="roster-up"
                    disabled={i === 0}
                    aria-label={t('roster.up', { n: i + 1 })}
                    title={t('roster.upShort')}
                    onClick={() => move(i, -1)}
                  >
                    <Icon name="up" />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    data-testid="roster-down"
                    disabled={i === members.length - 1}
                    aria-label={t('roster.down', { n: i + 1 })}
                    title={t('roster.downShort')}
                    onClick={() => move(i, 1)}
                  >
                    <Icon name="down" />
                  </button>
                  <button
                    type="button"
                    className="icon-button danger"
                    data-testid="roster-remove"
                    aria-label={t('roster.remove', { who: m.name || memberNumberText(m.number, m.extension) })}
                    title={t('roster.removeShort')}
                    onClick={() => remove(i)}
                  >
                    <Icon name="close" />
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {problems.some((p) => p.reason === 'too_many') && (
        <p className="field-error">{t('roster.problem.tooMany', { n: members.length, max: MAX_CONFERENCE_CALLEES })}</p>
      )}

      <form className="roster-add" onSubmit={onAdd}>
        <input
          id={ROSTER_INPUT_ID}
          data-testid="roster-number-input"
          value={typed}
          inputMode="tel"
          autoComplete="off"
          placeholder={t('roster.inputPlaceholder')}
          aria-label={t('roster.inputLabel')}
          aria-describedby="roster-message"
          onChange={(e) => {
            setTyped(e.target.value);
            useRosterStore.getState().clearNote();
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" data-testid="roster-add" disabled={typed.trim() === ''}>
          <Icon name="plus" />
          <span>{t('roster.add')}</span>
        </button>
      </form>
      <p
        id="roster-message"
        className={`roster-message tone-${note?.tone ?? 'info'}`}
        data-testid="roster-message"
        role={note?.tone === 'error' ? 'alert' : 'status'}
        aria-live="polite"
      >
        {note ? <Message message={note.message} /> : null}
      </p>

      <PerPersonLimit callees={members.length} />
      <div className="roster-buttons">
        <button
          type="button"
          className="primary conf-button"
          data-testid="conf-start"
          disabled={members.length === 0}
          onClick={() => openConfirm()}
          title={`${isMac ? '⌘' : 'Ctrl'}+Enter`}
        >
          <Icon name="conf" />
          <span>{t('roster.start')}</span>
          <kbd>{isMac ? '⌘' : 'Ctrl'}+Enter</kbd>
        </button>
        <button type="button" data-testid="roster-clear" disabled={members.length === 0} onClick={() => replace([])}>
          {t('roster.clear')}
        </button>
      </div>

      <SavedRosters />
    </section>
  );
}

function SavedRosters() {
  const t = useT();
  const { saved, members, saveAs, deleteSaved, loadSaved, openConfirm } = useRosterStore(
    useShallow((s) => ({
      saved: s.saved,
      members: s.members,
      saveAs: s.saveAs,
      deleteSaved: s.deleteSaved,
      loadSaved: s.loadSaved,
      openConfirm: s.openConfirm,
    })),
  );
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const overwrites = saved.some((r) => r.name === name.trim());

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    if (saving || !name.trim() || members.length === 0) return;
    setSaving(true);
    const problem = await saveAs(name);
    setSaving(false);
    setFailure(problem);
    if (!problem) setName('');
  };

  const onStart = (id: string) => {
    const roster = saved.find((r) => r.id === id);
    if (!roster) return;
    loadSaved(id);
    openConfirm({ members: roster.members, origin: { key: 'confirm.fromSaved', params: { name: roster.name } } });
  };

  const onDelete = async (id: string) => {
    const problem = await deleteSaved(id);
    setFailure(problem);
  };

  return (
    <div className="saved-rosters">
      <h3>{t('saved.title')}</h3>
      <form className="roster-add" onSubmit={onSave}>
        <input
          ref={nameRef}
          data-testid="roster-save-name"
          value={name}
          maxLength={40}
          placeholder={t('saved.namePlaceholder')}
          aria-label={t('saved.nameLabel')}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" data-testid="roster-save" disabled={saving || !name.trim() || members.length === 0}>
          {overwrites ? t('saved.overwrite') : t('saved.save')}
        </button>
      </form>
      {failure && <FailureMessage failure={failure} testId="saved-roster-failure" />}
      {saved.length === 0 ? (
        <p className="muted">{t('saved.none')}</p>
      ) : (
        <ul className="saved-list">
          {saved.map((r) => (
            <li key={r.id} className="saved-roster" data-testid="saved-roster" data-id={r.id}>
              <span className="saved-name" title={r.members.map((m) => m.name || m.number).join(t('common.listSeparator'))}>
                {r.name}
                <span className="muted"> · {t('saved.count', { n: r.members.length })}</span>
              </span>
              <span className="saved-actions">
                <button type="button" data-testid="saved-roster-load" onClick={() => loadSaved(r.id)}>
                  {t('saved.load')}
                </button>
                <button type="button" className="primary" data-testid="saved-roster-start" onClick={() => onStart(r.id)}>
                  {t('saved.start')}
                </button>
                <button
                  type="button"
                  className="icon-button danger"
                  data-testid="saved-roster-delete"
                  aria-label={t('saved.delete', { name: r.name })}
                  title={t('saved.deleteShort')}
                  onClick={() => void onDelete(r.id)}
                >
                  <Icon name="trash" />
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
