/**
 * What the tray shows: an icon for the mode (or a call in progress), a tooltip and the menu, as
 * plain data. The adapter (electron/tray.ts) turns it into Electron's Tray and Menu.
 */
import type { Mode } from '../../shared/domain';
import type { Language } from '../../shared/result';
import type { RecentCall } from './call-activity';
import { label } from './labels';

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
  const parts = [label(state.language, 'appName'), label(state.language, state.mode === 'production' ? 'modeProduction' : 'modeSandbox')];
  if (state.callInProgress) parts.push(label(state.language, 'callInProgress'));
  return parts.join(' · ');
}

export function trayMenu(state: TrayState, formatNumber: (n: string) => string): TrayMenuItem[] {
  const l = (key: Parameters<typeof label>[1]) => label(state.language, key);
  const recent = state.recent.slice(0, TRAY_RECENT_LIMIT);
  return [
    { kind: 'action', label: l('show'), action: { type: 'show' } },
    { kind: 'action', label: l('dialClipboard'), action: { type: 'dial-clipboard' } },
    { kind: 'separator' },
    { kind: 'info', label: l('recentCalls') },
    ...(recent.length === 0
      ? [{ kind: 'info' as const, label: l('noRecentCalls') }]
      : recent.map((call) => ({
          kind: 'action' as const,
          // Redial goes through the same confirmation as a link: the label ends with an ellipsis.
          label: `${call.name ? `${call.name}  ` : ''}${formatNumber(call.number)}…`,
          action: { type: 'redial' as const, number: call.number },
        }))),
    { kind: 'separator' },
    { kind: 'info', label: l(state.mode === 'production' ? 'modeProduction' : 'modeSandbox') },
    ...(state.callInProgress ? [{ kind: 'info' as const, label: l('callInProgress') }] : []),
    { kind: 'separator' },
    { kind: 'action', label: l('quit'), action: { type: 'quit' } },
  ];
}
