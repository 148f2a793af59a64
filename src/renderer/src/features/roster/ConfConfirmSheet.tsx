import { useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_CONFERENCE_CALLEES } from '../../../../shared/limits';
import { validateConfRequest } from '../../../../shared/validation';
import { conferenceLegs, conferenceMaxDur, conferenceMaxDurCap, CONF_PER_PERSON_DEFAULT_SEC, validatePerPersonLimit } from '../../../../shared/conference-time';
import { failureText } from '../../../../shared/result';
import { Icon } from '../../components/Icon';
import { Message } from '../../components/Message';
import { Sheet } from '../../components/Sheet';
import { useT } from '../../i18n/use-t';
import { formatDuration } from '../../lib/format';
import { formatPhone } from '../../lib/phone-format';
import { useAppStore, useLanguage } from '../../state/app-store';
import { useCallsStore } from '../../state/calls-store';
import { useRosterStore } from '../../state/roster-store';

/**
 * The one confirmation before a conference: it rings up to eight people at once. Enter (the
 * focused button) confirms, Esc cancels. The request is checked with the same rules main applies,
 * so a roster that main would refuse cannot be confirmed.
 */
export function ConfConfirmSheet() {
  const confirm = useRosterStore((s) => s.confirm);
  if (!confirm) return null;
  return <ConfirmBody key={confirm.members.map((m) => `${m.number}#${m.extension ?? ''}`).join(',')} />;
}

function ConfirmBody() {
  const t = useT();
  const lang = useLanguage();
  const { confirm, close } = useRosterStore(useShallow((s) => ({ confirm: s.confirm, close: s.closeConfirm })));
  const settings = useAppStore((s) => s.settings);
  const startConf = useCallsStore((s) => s.startConf);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const [sending, setSending] = useState(false);
  // A ref as well as state: Enter and a click in the same frame must not both send.
  const sent = useRef(false);
  const members = useMemo(() => confirm?.members ?? [], [confirm?.members]);

  // The limit per person this conference runs with: the one it is extending, else the setting.
  const perPersonSec = confirm?.perPersonSec ?? settings?.confPerPersonSec ?? CONF_PER_PERSON_DEFAULT_SEC;
  const maxDur = conferenceMaxDur(perPersonSec, members.length);
  const problem = useMemo(() => {
    if (!settings) return null;
    const range = { min: settings.maxDurMin, max: settings.maxDurMax };
    const limit = validatePerPersonLimit(perPersonSec, range);
    if (limit) return limit;
    const r = validateConfRequest(
      {
        callerAcc: settings.callerAcc,
        caller: settings.callerNumber,
        callees: members.map((m) => m.number),
        extensions: members.map((m) => m.extension ?? ''),
        maxDur,
      },
      { min: range.min, max: conferenceMaxDurCap(range.max) },
    );
    return r.ok ? null : r;
  }, [settings, members, perPersonSec, maxDur]);

  const onConfirm = async () => {
    if (sent.current || problem) return;
    sent.current = true;
    setSending(true);
    close();
    // A re-run (from the strip, the log or a saved roster) is deliberate, even right after the
    // same conference. A start from the roster being built is an ordinary one: Enter on 开始会议
    // reopens this sheet, so a hammered Enter must meet the double-click guard.
    await startConf(members, { explicit: confirm?.origin !== undefined, perPersonSec });
  };

  return (
    <Sheet
      title={t('confirm.title', { n: members.length })}
      testId="conf-confirm-sheet"
      variant="center"
      onClose={close}
      initialFocus={problem ? undefined : confirmRef}
      footer={
        <>
          <button type="button" data-testid="conf-cancel" onClick={close}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </button>
          <button
            ref={confirmRef}
            type="button"
            className="primary"
            data-testid="conf-confirm"
            disabled={problem !== null || sending}
            onClick={() => void onConfirm()}
          >
            <Icon name="conf" />
            <span>{t('confirm.go', { n: members.length })}</span>
            <kbd>Enter</kbd>
          </button>
        </>
      }
    >
      {confirm?.origin && (
        <p className="muted">
          <Message message={confirm.origin} />
        </p>
      )}
      <p className="confirm-lead">{t('confirm.lead', { n: members.length, max: MAX_CONFERENCE_CALLEES })}</p>
      <ol className="confirm-list" data-testid="conf-confirm-list">
        {members.map((m, i) => (
          <li key={`${m.number}-${i}`}>
            <span className="roster-name">{m.name || t('roster.typedNumber')}</span>
            <span className="roster-number">{formatPhone(m.number)}</span>
            {m.extension && <span className="number-extension">{t('rules.extension', { extension: m.extension })}</span>}
          </li>
        ))}
      </ol>
      <dl className="confirm-facts">
        <dt>{t('confirm.host')}</dt>
        <dd data-testid="conf-confirm-caller">{settings?.callerNumber ? formatPhone(settings.callerNumber) : t('confirm.noCaller')}</dd>
        <dt>{t('conftime.perPerson')}</dt>
        <dd data-testid="conf-confirm-per-person">{t('conftime.perPersonValue', { per: formatDuration(perPersonSec) })}</dd>
        <dt>{t('confirm.maxDur')}</dt>
        <dd data-testid="conf-confirm-maxdur" data-max-dur={maxDur}>
          {t('conftime.totalValue', { total: formatDuration(maxDur), legs: conferenceLegs(members.length), per: formatDuration(perPersonSec), sec: maxDur })}
        </dd>
        <dt>{t('confirm.mode')}</dt>
        <dd>
          <span className={`mode-badge small mode-${settings?.mode ?? 'sandbox'}`}>{t(`mode.${settings?.mode ?? 'sandbox'}`)}</span>
        </dd>
      </dl>
      {problem && (
        <div className="failure" role="alert" data-testid="conf-confirm-problem">
          {failureText(problem, lang)}
        </div>
      )}
    </Sheet>
  );
}
