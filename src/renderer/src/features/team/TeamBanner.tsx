import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Sheet } from '../../components/Sheet';
import { useT } from '../../i18n/use-t';
import { useTeamStore } from '../../state/team-store';

// Only for a session that expired: loaded then (with the team settings), not on the first screen.
const TeamSignInForm = lazy(() => import('./TeamPanel').then((m) => ({ default: m.TeamSignInForm })));

/**
 * Team mode's connection, said where the dispatcher looks: offline (the local copy is readable,
 * calls and edits are paused), back online, or signed out by the hub — with the sign-in form in a
 * sheet over the current screen, so nothing on it is lost.
 */
export function TeamBanner() {
  const t = useT();
  const { status, backOnline, reauthOpen, setReauthOpen } = useTeamStore(
    useShallow((s) => ({ status: s.status, backOnline: s.backOnline, reauthOpen: s.reauthOpen, setReauthOpen: s.setReauthOpen })),
  );
  if (!status || status.connection === 'off') return null;
  return (
    <>
      {status.connection === 'offline' && (
        <div className="team-banner offline" role="status" data-testid="team-offline">
          {t('team.offlineBanner')}
        </div>
      )}
      {status.connection === 'online' && backOnline && (
        <div className="team-banner back" role="status" data-testid="team-back">
          {t('team.backBanner')}
        </div>
      )}
      {status.connection === 'expired' && (
        <div className="team-banner expired" role="alert" data-testid="team-expired">
          <span>{t('team.expiredBanner')}</span>
          <button type="button" data-testid="team-reauth" onClick={() => setReauthOpen(true)}>
            {t('team.signInAgain')}
          </button>
        </div>
      )}
      {reauthOpen && status.connection === 'expired' && (
        <Sheet title={t('team.signInAgain')} onClose={() => setReauthOpen(false)} testId="team-reauth-sheet">
          <Suspense fallback={null}>
            <TeamSignInForm initialUrl={status.hubUrl} initialUser={status.username} onDone={() => setReauthOpen(false)} />
          </Suspense>
        </Sheet>
      )}
    </>
  );
}
