import { formatMessage } from '../../i18n';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { phoneErrorText } from '../../../../shared/phone';
import { parseDialable } from '../../../../shared/phone-extension';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n/use-t';
import { isComposing } from '../../lib/keyboard';
import { formatPhone } from '../../lib/phone-format';
import { ownNumber } from '../../lib/roster-rules';
import { useAppStore, useLanguage } from '../../state/app-store';
import { useCallsStore } from '../../state/calls-store';
import { DIAL_INPUT_ID } from '../shell/focus';
import { useContactsStore } from '../../state/contacts-store';
import { contactForDialled } from '../../lib/contact-for-number';

/**
 * Call a typed number: accepts what people type (`+86 138-0013-8000`, `(010) 6552 9988`), shows the
 * result live. An extension (`010-62234302-396`, `… 转 123`, `ext. 12`, `x12`, `分机 12`) is read by
 * the same parser as the contact editor's: the main number is dialled (the API cannot dial an
 * extension) and the extension stays on screen after the call is placed, for the dispatcher to ask for.
 */
export function DialBox() {
  const t = useT();
  const lang = useLanguage();
  const startCall = useCallsStore((s) => s.startCall);
  const own = ownNumber(useAppStore((s) => s.settings?.callerNumber));
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  // The extension of the number just called: shown until the dispatcher types again.
  const [placed, setPlaced] = useState<{ number: string; extension: string } | null>(null);
  // A ref, not only state: a second Enter in the same frame must see the first.
  const inFlight = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const parsed = value.trim() === '' ? null : parseDialable(value);
  const extension = parsed?.ok ? parsed.extension : undefined;
  const isOwn = parsed?.ok && parsed.number === own;
  // A number that belongs to a contact is that contact: named here and in the call log.
  const contact = useContactsStore((s) => (parsed?.ok && s.view ? contactForDialled(s.view, parsed.number, parsed.extension) : undefined));
  const error = parsed && !parsed.ok ? formatMessage(lang, phoneErrorText(parsed)) : isOwn ? t('dial.ownNumber') : null;

  const submit = async () => {
    setTouched(true);
    if (inFlight.current || !parsed?.ok || isOwn) {
      if (!parsed?.ok || isOwn) inputRef.current?.focus();
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    try {
      const outcome = await startCall({ number: parsed.number, name: contact?.name, extension });
      if (outcome === 'accepted') {
        setValue('');
        setTouched(false);
        setPlaced(extension ? { number: parsed.number, extension } : null);
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter that confirms an IME composition is not a call; a held Enter is not a second one.
    if (e.key === 'Enter' && (isComposing(e) || e.repeat)) e.preventDefault();
  };

  const showError = error && (touched || (parsed && !parsed.ok && parsed.reason !== 'too_short'));
  return (
    <section className="panel dial-panel" aria-labelledby="dial-title">
      <h2 id="dial-title">{t('dial.title')}</h2>
      <form className="dial-form" onSubmit={onSubmit}>
        <input
          ref={inputRef}
          id={DIAL_INPUT_ID}
          data-testid="dial-input"
          value={value}
          inputMode="tel"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('dial.placeholder')}
          aria-label={t('dial.label')}
          aria-invalid={showError ? true : undefined}
          aria-describedby="dial-feedback"
          onChange={(e) => {
            setValue(e.target.value);
            setPlaced(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => value.trim() !== '' && setTouched(true)}
        />
        <button type="submit" className="primary call-button" data-testid="dial-call" disabled={submitting}>
          <Icon name="phone" />
          <span>{submitting ? t('call.submitting') : t('contacts.call')}</span>
        </button>
      </form>
      <p id="dial-feedback" className={showError ? 'field-error' : 'field-hint'} data-testid={showError ? 'dial-error' : 'dial-normalized'} aria-live="polite">
        {showError
          ? error
          : parsed?.ok && !isOwn
            ? contact
              ? t('dial.isContact', { name: contact.name, number: formatPhone(parsed.number), kind: t(`phone.kind.${parsed.kind}`) })
              : t('phone.normalizedKind', { number: formatPhone(parsed.number), kind: t(`phone.kind.${parsed.kind}`) })
            : placed
              ? t('dial.placedExtension', { number: formatPhone(placed.number) })
              : t('dial.hint')}
        {!showError && ((parsed?.ok && !isOwn && extension) || (!parsed && placed)) && (
          <>
            {' '}
            <strong className="number-extension" data-testid="dial-extension" data-extension={extension ?? placed?.extension}>
              {t('dial.askExtension', { extension: extension ?? placed?.extension ?? '' })}
            </strong>
          </>
        )}
      </p>
    </section>
  );
}
