import { useState, type FormEvent } from 'react';
import type { Failure } from '../../../../shared/result';
import { invoke } from '../../bridge';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../state/app-store';

/** AppKey + write-only AppSecret. The secret field is never filled from main: main cannot send it. */
export function AccountPanel() {
  const t = useT();
  const account = useAppStore((s) => s.account);
  const setAccount = useAppStore((s) => s.setAccount);
  const savedBaseUrl = useAppStore((s) => s.settings?.baseUrl ?? '');
  // The API host is part of the account: main accepts a new one only with the AppSecret.
  const [baseUrl, setBaseUrl] = useState<string | null>(null);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [appKey, setAppKey] = useState('');
  const [appSecret, setAppSecret] = useState('');
  const [acceptRisk, setAcceptRisk] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [checkMessage, setCheckMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [clearArmed, setClearArmed] = useState(false);
  if (!account) return null;

  async function onSave(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const result = await invoke('accountSave', {
      appKey,
      appSecret,
      acceptPlaintextRisk: acceptRisk || undefined,
      ...(baseUrl !== null && baseUrl !== savedBaseUrl ? { baseUrl } : {}),
    });
    setSaving(false);
    // Drop the typed secret from memory whatever happened; it now lives only in main's vault.
    setAppSecret('');
    if (!result.ok) return setError(result);
    setError(null);
    setCheckMessage(null);
    setBaseUrl(null);
    setAccount(result.account);
  }

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
      setError(null);
      setAccount(result.account);
    } else setError(result);
  }

  async function onCheck() {
    setChecking(true);
    setCheckMessage(null);
    setError(null);
    const result = await invoke('accountCheck', {});
    setChecking(false);
    if (result.ok) setCheckMessage(t('account.checkOk'));
    else setError(result);
  }

  return (
    <section className="panel account-panel" aria-labelledby="account-title">
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
      <form onSubmit={onSave} className="settings-form">
        <label className="field">
          <span>{t('account.appKey')}</span>
          <input data-testid="account-app-key" value={appKey} autoComplete="off" spellCheck={false} onChange={(e) => setAppKey(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('account.appSecret')}</span>
          <input
            data-testid="account-app-secret"
            type="password"
            value={appSecret}
            autoComplete="new-password"
            placeholder={account.configured ? t('account.secretSaved') : t('account.secretPlaceholder')}
            onChange={(e) => setAppSecret(e.target.value)}
          />
          <span className="field-hint">{account.configured ? t('account.secretSaved') : t('account.secretHint')}</span>
        </label>
        <details className="advanced" open={advancedOpen || error?.field === 'baseUrl'} onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}>
          <summary data-testid="account-advanced">{t('settings.advanced')}</summary>
          <label className="field">
            <span>{t('settings.baseUrl')}</span>
            <input
              data-testid="account-base-url"
              value={baseUrl ?? savedBaseUrl}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setBaseUrl(e.target.value)}
            />
            <span className="field-hint">{t('settings.baseUrlHint')}</span>
          </label>
        </details>
        {!account.backendSecure && (
          <label className="check">
            <input type="checkbox" data-testid="account-accept-risk" checked={acceptRisk} onChange={(e) => setAcceptRisk(e.target.checked)} />
            <span>{t('account.acceptRisk')}</span>
          </label>
        )}
        <div className="actions">
          <button type="submit" className="primary" data-testid="account-save" disabled={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" data-testid="account-check" onClick={() => void onCheck()} disabled={checking}>
            {checking ? t('account.checking') : t('account.check')}
          </button>
          {account.configured && (
            <button type="button" className={clearArmed ? 'danger-solid' : 'danger'} data-testid="account-clear" onClick={() => void onClear()}>
              {clearArmed ? t('account.clearConfirm') : t('account.clear')}
            </button>
          )}
        </div>
      </form>
      {checkMessage && (
        <p className="success-box" data-testid="account-check-ok" role="status">
          {checkMessage}
        </p>
      )}
      {error && <FailureMessage failure={error} testId="account-failure" />}
    </section>
  );
}
