/**
 * Which call-log changes deserve a native notification: a call or conference that failed, a call
 * nobody answered, a conference that ended (with its duration). Each entry notifies at most once
 * per outcome, and nothing is shown when the dispatcher turned notifications off.
 */
import type { CallLogEntry } from '../../shared/domain';
import type { Language } from '../../shared/result';
import { translate } from '../../shared/i18n';

export interface NotificationModel {
  /** The log entry a click should focus. */
  entryId: string;
  title: string;
  body: string;
}

/** Hang-up statuses that mean "rang, nobody picked up" (simulator and vendor share these words). */
const NOT_ANSWERED = /NO_ANSWER|NOANSWER|NO_USER_RESPONSE|USER_BUSY|CALL_REJECTED|未接|无应答/i;

function outcome(entry: CallLogEntry): 'failed' | 'not-answered' | 'conf-ended' | null {
  if (entry.state === 'failed') return 'failed';
  if (entry.state !== 'ended') return null;
  if (entry.kind === 'conf') return 'conf-ended';
  const noTalk = (entry.durationSec ?? 0) === 0;
  if (noTalk && NOT_ANSWERED.test(`${entry.hangCause ?? ''} ${entry.status ?? ''}`)) return 'not-answered';
  return null;
}

export function formatDuration(seconds: number, language: Language): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  if (language === 'zh-CN') return m > 0 ? `${m} 分 ${s} 秒` : `${s} 秒`;
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

export function createNotificationDecider(formatNumber: (n: string) => string) {
  const shown = new Set<string>();
  return (entry: CallLogEntry, options: { enabled: boolean; language: Language }): NotificationModel | null => {
    const kind = outcome(entry);
    if (!kind) return null;
    const key = `${entry.id}:${kind}`;
    if (shown.has(key)) return null;
    shown.add(key);
    if (!options.enabled) return null;
    const l = options.language;
    const party = entry.parties[0];
    const named = party ? (party.name ?? formatNumber(party.number)) : '';
    // The extension says who at the switchboard did not answer (or was never reached).
    const who = party?.extension ? translate(l, 'shell.notifyWhoExtension', { who: named, extension: party.extension }) : named;
    const title = translate(l, 'shell.appName');
    if (kind === 'failed') {
      const body =
        entry.kind === 'conf' ? translate(l, 'shell.notifyConfFailed', { n: entry.parties.length }) : translate(l, 'shell.notifyCallFailed', { who });
      const reason = entry.error?.text?.[l] ?? entry.error?.message;
      return { entryId: entry.id, title, body: reason ? `${body}: ${reason}` : body };
    }
    if (kind === 'not-answered') return { entryId: entry.id, title, body: translate(l, 'shell.notifyNotAnswered', { who }) };
    return { entryId: entry.id, title, body: translate(l, 'shell.notifyConfEnded', { duration: formatDuration(entry.durationSec ?? 0, l) }) };
  };
}
