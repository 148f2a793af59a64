/**
 * Per-person status of a call or conference: who was rung, who answered, for how long, and why
 * each leg ended, in words (src/shared/call-outcome.ts). The dispatcher's own phone comes first.
 */
import { causeWords, legView, type LegView } from '../../../../shared/call-outcome';
import type { CallLeg, CallLogEntry, CallParty, PhoneNumber } from '../../../../shared/domain';
import { formatMessage } from '../../../../shared/i18n';
import { useT } from '../../i18n/use-t';
import { formatDuration } from '../../lib/format';
import { partyLabel } from '../../lib/party-label';
import { useLanguage } from '../../state/app-store';

export interface PeopleFacts {
  kind: CallLogEntry['kind'];
  state: CallLogEntry['state'];
  caller?: PhoneNumber;
  parties: readonly CallParty[];
  legs?: readonly CallLeg[];
}

function useLegText() {
  const t = useT();
  const lang = useLanguage();
  return (v: LegView, now: number): { text: string; title?: string } => {
    switch (v.kind) {
      case 'not_rung':
        return { text: t('outcome.leg.notRung'), title: t('outcome.leg.notRung.meaning') };
      case 'waiting':
        return { text: t('outcome.leg.waiting') };
      case 'ringing':
        return { text: t('outcome.leg.ringing') };
      case 'talking':
        return { text: v.since !== undefined ? t('outcome.leg.talkingFor', { time: formatDuration((now - v.since) / 1000) }) : t('outcome.leg.talking') };
      case 'answered': {
        const text = v.durationSec !== undefined ? t('outcome.leg.answeredFor', { time: formatDuration(v.durationSec) }) : t('outcome.leg.answered');
        const cause = v.cause ? causeWords(v.cause) : undefined;
        return {
          text: cause && v.cause !== 'NORMAL_CLEARING' ? `${text} · ${formatMessage(lang, cause.words)}` : text,
          title: cause && formatMessage(lang, cause.meaning),
        };
      }
      case 'not_answered': {
        const cause = v.cause ? causeWords(v.cause) : undefined;
        return { text: cause ? formatMessage(lang, cause.words) : t('outcome.leg.notAnswered'), title: cause && formatMessage(lang, cause.meaning) };
      }
      case 'ended':
        return { text: t('outcome.leg.ended') };
    }
  };
}

export function CallPeople({ facts, now, testId }: { facts: PeopleFacts; now: number; testId: string }) {
  const t = useT();
  const lang = useLanguage();
  const legText = useLegText();
  const entry = { kind: facts.kind, state: facts.state, caller: facts.caller ?? '', legs: facts.legs ? [...facts.legs] : undefined };
  const rows: { number: PhoneNumber; who: string; host: boolean }[] = [];
  if (facts.caller) rows.push({ number: facts.caller, who: facts.kind === 'conf' ? t('outcome.leg.host') : t('outcome.leg.caller'), host: true });
  for (const p of facts.parties) rows.push({ number: p.number, who: partyLabel(p, lang), host: false });
  return (
    <ul className="call-people" data-testid={testId}>
      {rows.map((r, i) => {
        const v = legView(entry, r.number);
        const { text, title } = legText(v, now);
        return (
          <li
            // By position too: one main number may be two legs (two extensions at one switchboard).
            key={`${r.host ? 'host' : 'p'}:${r.number}:${i}`}
            data-testid={`${testId}-leg`}
            data-number={r.number}
            data-leg={v.kind}
            className={`leg leg-${v.kind}`}
            title={title}
          >
            <span className="leg-who">{r.who}</span>
            <span className="leg-state">{text}</span>
          </li>
        );
      })}
    </ul>
  );
}
