import { lazy, Suspense, useState } from 'react';
import type { Failure } from '../../../../shared/result';
import { invoke } from '../../bridge';
import { FailureMessage } from '../../components/FailureMessage';
import { currentLanguage } from '../../state/app-store';
import { useT } from '../../i18n/use-t';
import { isTeamActive, useTeamStore } from '../../state/team-store';
import { TeamUsers } from './TeamUsers';

// Opened on a click; TeamBanner (first screen) imports this file, so not loaded with it.
const ImportSheet = lazy(() => import('../contacts/ImportSheet').then((m) => ({ default: m.ImportSheet })));

/**
 * Settings → 团队 / Team: the hub address, user name and password. The password field is cleared
 * as soon as it was sent; main keeps only the hub's token, encrypted, and never sends it back.
 */
export function TeamPanel() {
  const t = useT();
  const status = useTeamStore((s) => s.status);
  const signOut = useTeamStore((s) => s.signOut);
  const [error, setError] = useState<Failure | null>(null);
  const [upload, setUpload] = useState<File | null>(null);
  if (!status) return null;
  const active = isTeamActive(status);

  async function onSignOut() {
    setError(await signOut());
  }

  // "Upload my local contacts": the desk's own book as a CSV file, through the usual import
  // preview (skip / merge / replace), which in team mode plans against and writes to the team's.
  async function onUpload() {
    const r = await invoke('teamLocalExport', { lang: currentLanguage() });
    if (!r.ok) return setError(r);
    setError(null);
    setUpload(new File([r.csv], r.fileName, { type: 'text/csv' }));
  }

  return (
    <section className="panel team-panel" aria-labelledby="team-title" data-testid="team-panel">
      <h2 id="team-title">{t('team.section')}</h2>
      {active ? (
        <div className="team-status" data-testid="team-status" data-connection={status.connection}>
          <strong data-testid="team-user">
            {t('team.signedInAs', { user: status.username ?? '', role: status.role ? t(`team.role.${status.role}`) : '' })}
          </strong>
          <span className="muted" data-testid="team-hub">
            {t('team.hubInfo', { hub: status.hubName ?? '', mode: status.hubMode ? t(`team.hubMode.${status.hubMode}`) : '' })}
            {' · '}
            <span data-testid="team-connection">{status.connection === 'off' ? '' : t(`team.state.${status.connection}`)}</span>
          </span>
          <span className="muted">{status.phone ? t('team.phone', { phone: status.phone }) : t('team.noPhone')}</span>
          <div className="row">
            <button type="button" data-testid="team-sign-out" onClick={() => void onSignOut()}>
              {t('team.signOut')}
            </button>
            {status.connection === 'online' && (
              <button type="button" data-testid="team-upload" onClick={() => void onUpload()}>
                {t('team.upload.button')}
              </button>
            )}
          </div>
          {status.connection === 'expired' && <TeamSignInForm initialUrl={status.hubUrl} initialUser={status.username} />}
          {status.role === 'admin' && status.connection === 'online' && <TeamUsers />}
        </div>
      ) : (
        <>
          <p className="muted">{t('team.intro')}</p>
          <TeamSignInForm />
        </>
      )}
      {error && <FailureMessage failure={error} testId="team-failure" />}
      {upload && (
        <Suspense fallback={null}>
          <ImportSheet file={upload} onClose={() => setUpload(null)} />
        </Suspense>
      )}
    </section>
  );
}

/** The sign-in form; also shown over the current screen when the token expired mid-shift. */
export function TeamSignInForm({ initialUrl, initialUser, onDone }: { initialUrl?: string; initialUser?: string; onDone?: () => void }) {
  const t = useT();
  const signIn = useTeamStore((s) => s.signIn);
  const backendSecure = useTeamStore((s) => s.status?.backendSecure ?? true);
  const [hubUrl, setHubUrl] = useState(initialUrl ?? '');
  const [username, setUsername] = useState(initialUser ?? '');
  const [password, setPassword] = useState('');
  const [acceptRisk, setAcceptRisk] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);

  async function submit() {
    if (busy) return;
    setBusy(true);
    const failure = await signIn({ hubUrl, username, password, acceptPlaintextRisk: acceptRisk || undefined });
    setBusy(false);
    // Forget the typed password whatever happened: main has sent it to the hub, or it was refused.
    setPassword('');
    setError(failure);
    if (!failure) onDone?.();
  }

  return (
    // Not a <form>: it sits inside the settings page's form, and forms do not nest. Enter in a
    // field signs in here and never submits the page's Save.
    <div
      className="team-form"
      role="form"
      data-testid="team-form"
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || e.nativeEvent.isComposing || !(e.target instanceof HTMLInputElement) || e.target.type === 'checkbox') return;
        e.preventDefault();
        void submit();
      }}
    >
      <label className="field">
        <span>{t('team.hubUrl')}</span>
        <input
          data-testid="team-hub-url"
          value={hubUrl}
          onChange={(e) => setHubUrl(e.target.value)}
          placeholder="https://hub.example.com"
          autoComplete="url"
          required
        />
      </label>
      <label className="field">
        <span>{t('team.username')}</span>
        <input data-testid="team-username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
      </label>
      <label className="field">
        <span>{t('team.password')}</span>
        <input
          data-testid="team-password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
      </label>
      {!backendSecure && (
        <label className="check">
          <input type="checkbox" data-testid="team-accept-risk" checked={acceptRisk} onChange={(e) => setAcceptRisk(e.target.checked)} />
          <span>{t('team.acceptRisk')}</span>
        </label>
      )}
      <div className="row">
        <button type="button" className="primary" data-testid="team-sign-in" disabled={busy} onClick={() => void submit()}>
          {busy ? t('team.signingIn') : t('team.signIn')}
        </button>
      </div>
      {error && <FailureMessage failure={error} testId="team-sign-in-failure" />}
    </div>
  );
}
