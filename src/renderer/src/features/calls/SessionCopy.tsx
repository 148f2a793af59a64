/**
 * A session id as secondary information: a short form and a copy button, never the loudest text.
 * Copying uses the Clipboard API and falls back to a selection copy where the window's permission
 * policy (all permissions denied) refuses it.
 */
import { useT } from '../../i18n/use-t';
import { showToast } from '../../state/toast-store';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    // Deprecated but still the one synchronous copy a locked-down page is allowed.
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

export function SessionCopy({ session, testId }: { session: string; testId: string }) {
  const t = useT();
  return (
    <button
      type="button"
      className="session-copy ghost small"
      data-testid={testId}
      data-session={session}
      title={`${t('outcome.details.session')}: ${session}`}
      aria-label={t('outcome.copySession')}
      onClick={() =>
        void copyText(session).then((ok) => {
          if (ok) showToast({ message: { key: 'outcome.copied' }, tone: 'success' });
        })
      }
    >
      <span className="mono">#{session.slice(0, 8)}</span>
    </button>
  );
}
