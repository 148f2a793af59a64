import { useState } from 'react';
import type { AccountCheckTarget } from '../../../../shared/domain';
import type { Failure } from '../../../../shared/result';
import { invoke } from '../../bridge';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../state/app-store';
import { accountDirty, useSettingsDraftStore } from './settings-draft-store';

/** The host a dispatcher recognises (api.netease.im) rather than the whole URL. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * What Test connection tests, from what the form shows: AppKey/AppSecret (or a new API address)
 * typed → that unsaved input; else the mode shown decides: production → the saved account,
 * sandbox → the simulator.
 */
export function checkTargetFor(typed: boolean, mode: 'sandbox' | 'production'): AccountCheckTarget {
  if (typed) return 'unsaved';
  return mode === 'production' ? 'saved' : 'sandbox';
}

/** AppKey + write-only AppSecret. The secret field is never filled from main: main cannot send it. */
export function AccountSection() {
  const t = useT();
  const account = useAppStore((s) => s.account);
  const settings = useAppStore((s) => s.settings);
  const setAccount = useAppStore((s) => s.setAccount);
  const draft = useSettingsDraftStore((s) => s.account);
  const general = useSettingsDraftStore((s) => s.general);
  const edit = useSettingsDraftStore((s) => s.editAccount);
  const resetAccount = useSettingsDraftStore((s) => s.resetAccount);
  const saveError = useSettingsDraftStore((s) => s.errors.account);
  const setError = useSettingsDraftStore((s) => s.setError);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [checkError, setCheckError] = useState<Failure | null>(null);
  const [checkOk, setCheckOk] = useState<{ target: AccountCheckTarget; accid: string } | null>(null);
  const [checking, setChecking] = useState(false);
  const [clearArmed, setClearArmed] = useState(false);
  if (!account || !settings) return null;

  const savedBaseUrl = settings.baseUrl;
  const typed = accountDirty(draft, savedBaseUrl);
  const mode = general.mode ?? settings.mode;
  const callerAcc = general.callerAcc ?? settings.callerAcc;
  const target = checkTargetFor(typed, mode);
  const targetText =
    target === 'sandbox'
      ? t('accountTest.target.sandbox')
      : target === 'saved'
        ? t('accountTest.target.saved', { appKey: account.appKeyMasked ?? '—', server: hostOf(savedBaseUrl) })
        : t('accountTest.target.unsaved', { server: hostOf(draft.baseUrl ?? savedBaseUrl) });
  const error = checkError ?? saveError ?? null;

  // Clearing cannot be undone (the secret is gone), so it takes a second, deliberate click.
  async function onClear() {
    if (!clearArmed) {
      setClearArmed(true);
      setTimeout(() => setClearArmed(false), 5000);
      return;
    }
    setClearArmed(false);
    const result = await invoke('accountClear', {});
    if (result.ok) {
      resetAccount();
      setCheckOk(null);
      setCheckError(null);
      await setAccount(result.account);
    } else setError('account', result);
  }

  async function onCheck() {
    setChecking(true);
    setCheckOk(null);
    setCheckError(null);
    const result = await invoke(
      'accountCheck',
      target === 'unsaved'
        ? {
            target,
            appKey: draft.appKey.trim(),
            appSecret: draft.appSecret,
            callerAcc,
            ...(draft.baseUrl !== null && draft.baseUrl !== savedBaseUrl ? { baseUrl: draft.baseUrl } : {}),
          }
        : { target, callerAcc },
    );
    setChecking(false);
    if (result.ok) setCheckOk({ target: result.target, accid: callerAcc });
    else setCheckError(result);
  }

  const okText = (ok: { target: AccountCheckTarget; accid: string }) =>
    ok.target === 'sandbox'
      ? t('accountTest.okSandbox')
      : ok.target === 'saved'
        ? t('accountTest.okSaved', { accid: ok.accid })
        : t('accountTest.okUnsaved', { accid: ok.accid });

  return (
    <section className="panel account-panel" aria-labelledby="account-title" data-testid="settings-section-account">
      <h2 id="account-title">{t('account.title')}</h2>
      <div className={account.configured ? 'account-status ok' : 'account-status'} data-testid="account-status">
        <strong>{account.configured ? t('account.status.configured', { appKey: account.appKeyMasked ?? '' }) : t('account.status.notConfigured')}</strong>
        <span className="muted">
          {t('account.backend', { backend: account.backend })}
          {account.plaintextRiskAccepted && <> · {t('account.riskAccepted')}</>}
        </span>
      </div>
      {account.needsReentry && <p className="warning">{t('account.status.needsReentry')}</p>}
      {!account.backendSecure && (
        <p className="warning" data-testid="backend-insecure">
          {t('account.backendInsecure')}
        </p>
      )}
      <div className="settings-form">
        <label className="field">
          <span>{t('account.appKey')}</span>
          <input
            data-testid="account-app-key"
            value={draft.appKey}
            autoComplete="off"
            spellCheck={false}
            placeholder={account.configured && account.appKeyMasked ? t('accountTest.appKeySaved', { appKey: account.appKeyMasked }) : undefined}
            onChange={(e) => edit({ appKey: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('account.appSecret')}</span>
          <input
            data-testid="account-app-secret"
            type="password"
            value={draft.appSecret}
            autoComplete="new-password"
            placeholder={account.configured ? t('account.secretSaved') : t('account.secretPlaceholder')}
            onChange={(e) => edit({ appSecret: e.target.value })}
          />
          <span className="field-hint">{account.configured ? t('account.secretSaved') : t('account.secretHint')}</span>
        </label>
        <details className="advanced" open={advancedOpen || error?.field === 'baseUrl'} onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}>
          <summary data-testid="account-advanced">{t('settings.advanced')}</summary>
          <label className="field">
            <span>{t('settings.baseUrl')}</span>
            <input
              data-testid="account-base-url"
              value={draft.baseUrl ?? savedBaseUrl}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => edit({ baseUrl: e.target.value })}
            />
            <span className="field-hint">{t('settings.baseUrlHint')}</span>
          </label>
        </details>
        {!account.backendSecure && (
          <label className="check">
            <input type="checkbox" data-testid="account-accept-risk" checked={draft.acceptRisk} onChange={(e) => edit({ acceptRisk: e.target.checked })} />
            <span>{t('account.acceptRisk')}</span>
          </label>
        )}
        <p className="field-hint" data-testid="account-check-target" data-target={target}>
          {targetText}
        </p>
        <div className="actions">
          <button type="button" data-testid="account-check" onClick={() => void onCheck()} disabled={checking}>
            {checking ? t('account.checking') : t('account.check')}
          </button>
          {account.configured && (
            <button type="button" className={clearArmed ? 'danger-solid' : 'danger'} data-testid="account-clear" onClick={() => void onClear()}>
              {clearArmed ? t('account.clearConfirm') : t('account.clear')}
            </button>
          )}
        </div>
      </div>
      {checkOk && (
        <p className="success-box" data-testid="account-check-ok" data-target={checkOk.target} role="status">
          {okText(checkOk)}
        </p>
      )}
      {error && <FailureMessage failure={error} testId="account-failure" />}
    </section>
  );
}
