import { useState, type FormEvent } from 'react';
import type { Failure } from '../../../../shared/result';
import { bridge } from '../../bridge';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../state/app-store';

/** AppKey + write-only AppSecret. The secret field is never filled from main: main cannot send it. */
export function AccountPanel() {
  const t = useT();
  const account = useAppStore((s) => s.account);
  const setAccount = useAppStore((s) => s.setAccount);
  const [appKey, setAppKey] = useState('');
  const [appSecret, setAppSecret] = useState('');
  const [acceptRisk, setAcceptRisk] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [checkMessage, setCheckMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  if (!account) return null;

  async function onSave(event: FormEvent) {
    event.preventDefault();
    const result = await bridge().accountSave({ appKey, appSecret, acceptPlaintextRisk: acceptRisk || undefined });
    // Drop the typed secret from memory whatever happened; it now lives only in main's vault.
    setAppSecret('');
    if (!result.ok) return setError(result);
    setError(null);
    setAccount(result.account);
  }

  async function onClear() {
    const result = await bridge().accountClear({});
    if (result.ok) setAccount(result.account);
    else setError(result);
  }

  async function onCheck() {
    setChecking(true);
    setCheckMessage(null);
    setError(null);
    const result = await bridge().accountCheck({});
    setChecking(false);
    if (result.ok) setCheckMessage(t('account.checkOk'));
    else setError(result);
  }

  return (
    <section className="panel" aria-labelledby="account-title">
      <h2 id="account-title">{t('account.title')}</h2>
      <p data-testid="account-status">
        {account.configured
          ? t('account.status.configured', { appKey: account.appKeyMasked ?? '' })
          : t('account.status.notConfigured')}
        {' · '}
        {t('account.backend', { backend: account.backend })}
        {account.plaintextRiskAccepted && <> · {t('account.riskAccepted')}</>}
      </p>
      {account.needsReentry && <p className="warning">{t('account.status.needsReentry')}</p>}
      {!account.backendSecure && <p className="warning" data-testid="backend-insecure">{t('account.backendInsecure')}</p>}
      <form onSubmit={onSave} className="grid-form">
        <label>
          {t('account.appKey')}
          <input data-testid="account-app-key" value={appKey} autoComplete="off" onChange={(e) => setAppKey(e.target.value)} />
        </label>
        <label>
          {t('account.appSecret')}
          <input data-testid="account-app-secret" type="password" value={appSecret} autoComplete="new-password"
            placeholder={account.configured ? t('account.secretSaved') : t('account.secretPlaceholder')}
            onChange={(e) => setAppSecret(e.target.value)} />
        </label>
        {!account.backendSecure && (
          <label className="checkbox">
            <input type="checkbox" data-testid="account-accept-risk" checked={acceptRisk}
              onChange={(e) => setAcceptRisk(e.target.checked)} />
            {t('account.acceptRisk')}
          </label>
        )}
        <div className="actions">
          <button type="submit" data-testid="account-save">{t('common.save')}</button>
          <button type="button" data-testid="account-check" onClick={onCheck} disabled={checking}>
            {checking ? t('account.checking') : t('account.check')}
          </button>
          {account.configured && (
            <button type="button" data-testid="account-clear" onClick={onClear}>{t('account.clear')}</button>
          )}
        </div>
      </form>
      {checkMessage && <p data-testid="account-check-ok">{checkMessage}</p>}
      {error && <FailureMessage failure={error} testId="account-failure" />}
    </section>
  );
}
