import { formatMessage } from '../../i18n';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CONTACT_LABEL_MAX, CONTACT_NAME_MAX, CONTACT_NOTES_MAX, CONTACT_NUMBERS_MAX, CONTACT_ORG_MAX } from '../../../../shared/contact-limits';
import type { ContactNumber } from '../../../../shared/domain';
import { contactProblemText } from '../../../../shared/contact-problem-text';
import { checkContactFields, checkNumber, type ContactProblem } from '../../../../shared/contact-rules';
import { phoneErrorText } from '../../../../shared/phone';
import type { Failure } from '../../../../shared/result';
import { FailureMessage } from '../../components/FailureMessage';
import { Icon } from '../../components/Icon';
import { Sheet } from '../../components/Sheet';
import { useT } from '../../i18n/use-t';
import { getContact } from '../../lib/search/contact-search-view';
import { formatPhone } from '../../lib/phone-format';
import { useLanguage } from '../../state/app-store';
import { useContactsStore } from '../../state/contacts-store';
import { showToast } from '../../state/toast-store';
import { useContactsUi } from './ui-store';
import { ConflictPanel } from '../team/ConflictPanel';

interface Draft {
  name: string;
  numbers: ContactNumber[];
  org: string;
  notes: string;
  favorite: boolean;
  groupIds: string[];
}

/** New or edit: numbers are checked and normalised as they are typed (main normalises again on save). */
export function ContactEditor({ id }: { id: string | null }) {
  const t = useT();
  const lang = useLanguage();
  const { view, groups, save } = useContactsStore(useShallow((s) => ({ view: s.view, groups: s.groups, save: s.save })));
  const close = useContactsUi((s) => s.closeEditor);
  const original = useMemo(() => (id && view ? getContact(view, id) : undefined), [id, view]);
  // The draft starts from the contact as it was when the sheet opened (lazy state: never recomputed).
  const [initial] = useState<Draft>(() => ({
    name: original?.name ?? '',
    // An extension is edited where it is typed: in the number field, as "… 转 396".
    numbers: original?.numbers.length
      ? original.numbers.map((n) => ({ label: n.label, number: n.extension ? `${n.number} ${t('rules.extension', { extension: n.extension })}` : n.number }))
      : [{ label: t('contacts.labelMobile'), number: '' }],
    org: original?.org ?? '',
    notes: original?.notes ?? '',
    favorite: original?.favorite ?? false,
    groupIds: original?.groupIds.filter((g) => groups.some((x) => x.id === g)) ?? [],
  }));
  const [draft, setDraft] = useState<Draft>(initial);
  const [showErrors, setShowErrors] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Team mode: the hub revision this edit started from; a newer one there comes back as a conflict.
  const [baseRevision, setBaseRevision] = useState(() => original?.teamRevision);
  const [conflict, setConflict] = useState<Failure['conflict'] | null>(null);
  const [saving, setSaving] = useState(false);
  const [discardWarned, setDiscardWarned] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const numberRefs = useRef<(HTMLInputElement | null)[]>([]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);

  // The shared contact rules (main runs the same on save); the editor only words their codes.
  const numberChecks = draft.numbers.map((n) => (n.number.trim() === '' ? null : checkNumber(n)));
  const filled = draft.numbers.filter((n) => n.number.trim() !== '');
  const { problems } = checkContactFields(draft);
  const words = (p: ContactProblem) => formatMessage(lang, contactProblemText(p));
  const nameProblem = problems.find((p) => p.field === 'name');
  const nameError = nameProblem ? (nameProblem.code === 'name_missing' ? t('editor.nameRequired') : words(nameProblem)) : null;
  const numbersProblem = problems.find((p) => p.code === 'no_number' || p.code === 'too_many_numbers');
  const numbersError = numbersProblem ? (numbersProblem.code === 'no_number' ? t('editor.numberRequired') : words(numbersProblem)) : null;
  const numberError = (i: number) => {
    const p = problems.find((q) => 'index' in q && q.index === i && q.field === 'numbers');
    if (!p) return null;
    return p.code === 'number_invalid' ? formatMessage(lang, phoneErrorText(p.phone)) : words(p);
  };
  const firstBadNumber = draft.numbers.findIndex((_, i) => numberError(i) !== null);

  const patch = (p: Partial<Draft>) => {
    setDiscardWarned(false);
    setDraft((d) => ({ ...d, ...p }));
  };
  const patchNumber = (i: number, p: Partial<ContactNumber>) => patch({ numbers: draft.numbers.map((n, k) => (k === i ? { ...n, ...p } : n)) });

  const requestClose = () => {
    if (dirty && !discardWarned) {
      setDiscardWarned(true);
      return;
    }
    close();
  };

  const onSubmit = async (e: FormEvent | null, base = baseRevision) => {
    e?.preventDefault();
    if (saving) return;
    if (nameError || numbersError || firstBadNumber >= 0) {
      setShowErrors(true);
      if (nameError) nameRef.current?.focus();
      else if (firstBadNumber >= 0) numberRefs.current[firstBadNumber]?.focus();
      else numberRefs.current[0]?.focus();
      return;
    }
    setSaving(true);
    const r = await save({
      id: id ?? undefined,
      name: draft.name.trim(),
      numbers: filled.map((n) => ({ label: n.label.trim(), number: n.number.trim() })),
      org: draft.org.trim(),
      notes: draft.notes.trim(),
      favorite: draft.favorite,
      groupIds: draft.groupIds,
      ...(id && base !== undefined ? { baseRevision: base } : {}),
    });
    setSaving(false);
    if (!r.ok) {
      if (r.conflict) setConflict(r.conflict);
      else setFailure(r);
      return;
    }
    showToast({ message: { key: id ? 'editor.updated' : 'editor.created', params: { name: r.contact.name } }, tone: 'success' });
    close();
  };

  return (
    <Sheet
      title={id ? t('editor.editTitle') : t('editor.newTitle')}
      testId="contact-editor"
      onClose={requestClose}
      initialFocus={nameRef}
      footer={
        <>
          {discardWarned && (
            <span className="discard-hint" data-testid="contact-discard-hint" role="alert">
              {t('editor.discardHint')}
            </span>
          )}
          <button type="button" onClick={requestClose} data-testid="contact-cancel">
            {discardWarned ? t('editor.discard') : t('common.cancel')}
          </button>
          <button type="submit" form="contact-editor-form" className="primary" data-testid="contact-save" disabled={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
        </>
      }
    >
      <form id="contact-editor-form" className="editor-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <label className="field">
          <span>{t('editor.name')}</span>
          <input
            ref={nameRef}
            data-testid="contact-name"
            value={draft.name}
            maxLength={CONTACT_NAME_MAX}
            aria-invalid={showErrors && nameError ? true : undefined}
            onChange={(e) => patch({ name: e.target.value })}
          />
          {showErrors && nameError && (
            <span className="field-error" data-testid="contact-name-error">
              {nameError}
            </span>
          )}
        </label>

        <fieldset className="numbers-fieldset">
          <legend>{t('editor.numbers')}</legend>
          <datalist id="number-labels">
            <option value={t('contacts.labelMobile')} />
            <option value={t('contacts.labelOffice')} />
            <option value={t('contacts.labelHome')} />
            <option value={t('contacts.labelSpare')} />
          </datalist>
          {draft.numbers.map((n, i) => {
            const check = numberChecks[i];
            const error = numberError(i);
            return (
              <div className="number-row" key={i}>
                <input
                  className="label-input"
                  data-testid={`contact-label-${i}`}
                  list="number-labels"
                  value={n.label}
                  maxLength={CONTACT_LABEL_MAX}
                  aria-label={t('editor.label', { n: i + 1 })}
                  placeholder={t('editor.labelPlaceholder')}
                  onChange={(e) => patchNumber(i, { label: e.target.value })}
                />
                <div className="number-input">
                  <input
                    ref={(el) => {
                      numberRefs.current[i] = el;
                    }}
                    data-testid={`contact-number-${i}`}
                    value={n.number}
                    inputMode="tel"
                    autoComplete="off"
                    aria-label={t('editor.number', { n: i + 1 })}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={`contact-number-hint-${i}`}
                    placeholder={t('dial.placeholder')}
                    onChange={(e) => patchNumber(i, { number: e.target.value })}
                  />
                  <span
                    id={`contact-number-hint-${i}`}
                    className={error ? 'field-error' : 'field-hint'}
                    data-testid={error ? `contact-number-error-${i}` : `contact-number-hint-${i}`}
                  >
                    {error ??
                      (check?.ok
                        ? t('phone.savedAs', {
                            number: check.number.extension
                              ? `${formatPhone(check.number.number)} ${t('rules.extension', { extension: check.number.extension })}`
                              : formatPhone(check.number.number),
                            kind: t(`phone.kind.${check.kind}`),
                          })
                        : i === 0
                          ? t('editor.primaryHint')
                          : '')}
                  </span>
                </div>
                <button
                  type="button"
                  className="icon-button"
                  data-testid={`contact-remove-number-${i}`}
                  aria-label={t('editor.removeNumber', { n: i + 1 })}
                  title={t('editor.removeNumber', { n: i + 1 })}
                  disabled={draft.numbers.length === 1}
                  onClick={() => patch({ numbers: draft.numbers.filter((_, k) => k !== i) })}
                >
                  <Icon name="close" />
                </button>
              </div>
            );
          })}
          {showErrors && numbersError && <p className="field-error">{numbersError}</p>}
          <button
            type="button"
            data-testid="contact-add-number"
            disabled={draft.numbers.length >= CONTACT_NUMBERS_MAX}
            onClick={() => {
              patch({ numbers: [...draft.numbers, { label: '', number: '' }] });
              requestAnimationFrame(() => numberRefs.current[draft.numbers.length]?.focus());
            }}
          >
            <Icon name="plus" />
            <span>{t('editor.addNumber')}</span>
          </button>
        </fieldset>

        <label className="field">
          <span>{t('editor.org')}</span>
          <input data-testid="contact-org" value={draft.org} maxLength={CONTACT_ORG_MAX} onChange={(e) => patch({ org: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('editor.notes')}</span>
          <textarea data-testid="contact-notes" rows={3} value={draft.notes} maxLength={CONTACT_NOTES_MAX} onChange={(e) => patch({ notes: e.target.value })} />
        </label>
        <label className="check">
          <input type="checkbox" data-testid="contact-favorite-input" checked={draft.favorite} onChange={(e) => patch({ favorite: e.target.checked })} />
          <span>{t('editor.favorite')}</span>
        </label>
        <fieldset className="groups-fieldset">
          <legend>{t('editor.groups')}</legend>
          {groups.length === 0 && <p className="muted">{t('editor.noGroups')}</p>}
          {groups.map((g) => (
            <label className="check" key={g.id}>
              <input
                type="checkbox"
                data-testid="contact-group"
                data-id={g.id}
                checked={draft.groupIds.includes(g.id)}
                onChange={(e) => patch({ groupIds: e.target.checked ? [...draft.groupIds, g.id] : draft.groupIds.filter((x) => x !== g.id) })}
              />
              <span>{g.name}</span>
            </label>
          ))}
        </fieldset>
        {failure && <FailureMessage failure={failure} testId="contact-failure" />}
        {conflict && (
          <ConflictPanel
            conflict={conflict}
            mine={draft}
            onKeepMine={() => {
              setConflict(null);
              setBaseRevision(conflict.revision);
              void onSubmit(null, conflict.revision);
            }}
            onTakeTheirs={close}
          />
        )}
      </form>
    </Sheet>
  );
}
