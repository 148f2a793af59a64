import type { SessionType } from '../../../../shared/domain';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { useSessionStatus } from './use-session-status';

export function SessionStatusLine({ session, type }: { session: string; type: SessionType }) {
  const t = useT();
  const { status, error } = useSessionStatus(session, type);
  return (
    <div className="session-status" data-testid="session-status" data-state={status?.state ?? 'submitted'}>
      <span>{t('call.accepted', { session })}</span>
      <strong> · {t(`status.${status?.state ?? 'submitted'}`)}</strong>
      {status?.durationSec !== undefined && <span> · {t('status.duration', { sec: status.durationSec })}</span>}
      {status?.hangCause && <span> · {t('status.hangCause', { cause: status.hangCause })}</span>}
      {error && <FailureMessage failure={error} testId="status-failure" />}
    </div>
  );
}
