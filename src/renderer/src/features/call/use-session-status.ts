import { useEffect, useState } from 'react';
import type { SessionStatus, SessionType } from '../../../../shared/domain';
import type { Failure } from '../../../../shared/result';
import { bridge } from '../../bridge';

const POLL_MS = 1000;

/** Polls queryBySession (read-only, so polling is safe) until the session has ended. */
export function useSessionStatus(session: string | null, type: SessionType) {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [error, setError] = useState<Failure | null>(null);

  useEffect(() => {
    setStatus(null);
    setError(null);
    if (!session) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await bridge().querySession({ session, type });
      if (stopped) return;
      if (result.ok) {
        setStatus(result.status);
        setError(null);
        if (result.status.state === 'ended') return;
      } else {
        setError(result);
      }
      timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [session, type]);

  return { status, error };
}
