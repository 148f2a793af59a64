import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../state/app-store';
import { isTeamActive, useTeamStore } from '../../state/team-store';

/** The mode the desk calls in: 沙箱 / 正式, or 团队 with the hub's name while signed in to a hub. */
export function ModeBadge() {
  const t = useT();
  const mode = useAppStore((s) => s.settings?.mode ?? 'sandbox');
  const team = useTeamStore((s) => s.status);
  if (isTeamActive(team)) {
    const hub = team?.hubName ?? '';
    return (
      <span className={`mode-badge mode-team team-${team?.connection}`} data-testid="mode-badge" data-mode="team" title={t('team.badgeHint', { hub })}>
        {t('team.badge', { hub })}
      </span>
    );
  }
  return (
    <span
      className={`mode-badge mode-${mode}`}
      data-testid="mode-badge"
      data-mode={mode}
      title={mode === 'sandbox' ? t('mode.sandboxHint') : t('mode.productionHint')}
    >
      {t(`mode.${mode}`)}
    </span>
  );
}
