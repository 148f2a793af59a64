/**
 * What the tray shows: an icon for the mode (or a call in progress), a tooltip and the menu, as
 * plain data. The adapter (electron/tray.ts) turns it into Electron's Tray and Menu.
 */
import type { Mode } from '../../shared/domain';
import type { Language } from '../../shared/result';
import type { RecentCall } from './call-activity';
import { translate, type PlainKey } from '../../shared/i18n';

/** The words main shows itself, in the shared catalog (desk.*.ts). */
type ShellKey = Extract<PlainKey, `shell.${string}`>;

export type TrayIconState = 'sandbox' | 'production' | 'in-call';

export interface TrayState {
  mode: Mode;
  callInProgress: boolean;
  recent: readonly RecentCall[];
  language: Language;
}

export type TrayAction = { type: 'show' } | { type: 'dial-clipboard' } | { type: 'redial'; number: string } | { type: 'quit' };

export type TrayMenuItem = { kind: 'action'; label: string; action: TrayAction } | { kind: 'info'; label: string } | { kind: 'separator' };

export const TRAY_RECENT_LIMIT = 5;

export function trayIconState(state: Pick<TrayState, 'mode' | 'callInProgress'>): TrayIconState {
  return state.callInProgress ? 'in-call' : state.mode;
}

/** Resource path of the icon, relative to the app root; macOS gets the monochrome template. */
export function trayIconFile(state: Pick<TrayState, 'mode' | 'callInProgress'>, platform: NodeJS.Platform): string {
  const name = trayIconState(state);
  return `resources/tray/${name}${platform === 'darwin' ? 'Template' : ''}.png`;
}

export function trayTooltip(state: TrayState): string {
  const parts = [
    translate(state.language, 'shell.appName'),
    translate(state.language, state.mode === 'production' ? 'shell.modeProduction' : 'shell.modeSandbox'),
  ];
  if (state.callInProgress) parts.push(translate(state.language, 'shell.callInProgress'));
  return parts.join(' · ');
}

export function trayMenu(state: TrayState, formatNumber: (n: string) => string): TrayMenuItem[] {
  const l = (key: ShellKey) => translate(state.language, key);
  const recent = state.recent.slice(0, TRAY_RECENT_LIMIT);
  return [
    { kind: 'action', label: l('shell.show'), action: { type: 'show' } },
    { kind: 'action', label: l('shell.dialClipboard'), action: { type: 'dial-clipboard' } },
    { kind: 'separator' },
    { kind: 'info', label: l('shell.recentCalls') },
    ...(recent.length === 0
      ? [{ kind: 'info' as const, label: l('shell.noRecentCalls') }]
      : recent.map((call) => ({
          kind: 'action' as const,
          // Redial goes through the same confirmation as a link: the label ends with an ellipsis.
          label: `${call.name ? `${call.name}  ` : ''}${formatNumber(call.number)}…`,
          action: { type: 'redial' as const, number: call.number },
        }))),
    { kind: 'separator' },
    { kind: 'info', label: l(state.mode === 'production' ? 'shell.modeProduction' : 'shell.modeSandbox') },
    ...(state.callInProgress ? [{ kind: 'info' as const, label: l('shell.callInProgress') }] : []),
    { kind: 'separator' },
    { kind: 'action', label: l('shell.quit'), action: { type: 'quit' } },
  ];
}
