import { useMemo, useRef } from 'react';
import { Icon } from '../../components/Icon';
import { Sheet } from '../../components/Sheet';
import { useT } from '../../i18n/use-t';
import { contactForDialled } from '../../lib/contact-for-number';
import type { DialRequestSource } from '../../lib/dial-queue';
import { formatPhone } from '../../lib/phone-format';
import { useAppStore } from '../../state/app-store';
import { useContactsStore } from '../../state/contacts-store';
import { useDialRequestStore } from '../../state/dial-request-store';

const SOURCE_KEYS = {
  link: 'dialRequest.fromLink',
  hotkey: 'dialRequest.fromHotkey',
  tray: 'dialRequest.fromTray',
  search: 'layout.fromSearch',
} as const satisfies Record<DialRequestSource, string>;

/**
 * The confirmation for a number that came from outside the window (a tel: link, the clipboard
 * hotkey, the tray): nothing rings until the dispatcher presses Enter; Esc drops it. One at a
 * time; the next waiting request follows. A number with an extension shows the main number (the
 * one dialled) and the extension to ask for once through.
 */
export function DialRequestSheet() {
  const current = useDialRequestStore((s) => s.queue.current);
  if (!current) return null;
  return <DialRequestBody key={current.id} />;
}

function DialRequestBody() {
  const t = useT();
  const current = useDialRequestStore((s) => s.queue.current)!;
  const waiting = useDialRequestStore((s) => s.queue.waiting.length);
  const view = useContactsStore((s) => s.view);
  const settings = useAppStore((s) => s.settings);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The contact with this extension, as the log will name it (not a colleague at another one).
  const contact = useMemo(() => (view ? contactForDialled(view, current.number, current.extension) : undefined), [view, current.number, current.extension]);
  const confirm = () => void useDialRequestStore.getState().confirm(current.id, contact?.name);
  const cancel = () => useDialRequestStore.getState().cancel(current.id);

  return (
    <Sheet
      title={t('dialRequest.title')}
      testId="dial-request-sheet"
      variant="center"
      onClose={cancel}
      initialFocus={confirmRef}
      footer={
        <>
          <button type="button" data-testid="dial-request-cancel" onClick={cancel}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </button>
          <button
            ref={confirmRef}
            type="button"
            className="primary"
            data-testid="dial-request-confirm"
            onClick={confirm}
            // A held Enter must not go on to confirm the next waiting request.
            onKeyDown={(e) => {
              if (e.key === 'Enter' && e.repeat) e.preventDefault();
            }}
          >
            <Icon name="phone" />
            <span>{t('dialRequest.go')}</span>
            <kbd>Enter</kbd>
          </button>
        </>
      }
    >
      <p className="muted">{t(SOURCE_KEYS[current.source])}</p>
      <dl className="confirm-facts">
        <dt>{t('dialRequest.number')}</dt>
        <dd data-testid="dial-request-number">
          {formatPhone(current.number)}
          {current.extension && (
            <>
              {' '}
              <strong className="number-extension" data-testid="dial-request-extension" data-extension={current.extension}>
                {t('rules.extension', { extension: current.extension })}
              </strong>
            </>
          )}
        </dd>
        <dt>{t('dialRequest.contact')}</dt>
        <dd data-testid="dial-request-contact">{contact ? contact.name : t('dialRequest.noContact')}</dd>
        <dt>{t('confirm.mode')}</dt>
        <dd>
          <span className={`mode-badge small mode-${settings?.mode ?? 'sandbox'}`}>{t(`mode.${settings?.mode ?? 'sandbox'}`)}</span>
        </dd>
      </dl>
      {waiting > 0 && (
        <p className="muted" data-testid="dial-request-waiting">
          {t('dialRequest.waiting', { n: waiting })}
        </p>
      )}
    </Sheet>
  );
}
