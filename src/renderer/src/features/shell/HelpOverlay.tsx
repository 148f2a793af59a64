import { Sheet } from '../../components/Sheet';
import { useT } from '../../i18n/use-t';
import type { PlainKey } from '../../i18n';
import { useAppStore } from '../../state/app-store';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: { keys: string[]; what: PlainKey }[] = [
  { keys: ['/', `${MOD}+K`], what: 'help.focusSearch' },
  { keys: ['D', `${MOD}+D`], what: 'layout.help.focusDial' },
  { keys: ['↑', '↓'], what: 'help.move' },
  { keys: ['Enter'], what: 'help.call' },
  { keys: ['Enter'], what: 'layout.help.searchDial' },
  { keys: ['Insert', '+', 'A', 'Shift+Enter'], what: 'help.addRoster' },
  { keys: ['E'], what: 'help.edit' },
  { keys: [`${MOD}+Enter`], what: 'help.startConf' },
  { keys: ['Enter'], what: 'help.confirm' },
  { keys: ['Esc'], what: 'help.escape' },
  { keys: ['Alt+1', 'Alt+2', 'Alt+3', 'Alt+4'], what: 'layout.help.tabs' },
  { keys: ['?'], what: 'help.help' },
];

export function HelpOverlay() {
  const t = useT();
  const open = useAppStore((s) => s.helpOpen);
  const setHelpOpen = useAppStore((s) => s.setHelpOpen);
  if (!open) return null;
  return (
    <Sheet
      title={t('help.title')}
      testId="help-overlay"
      variant="center"
      closeOnBackdrop
      onClose={() => setHelpOpen(false)}
      footer={
        <button type="button" className="primary" onClick={() => setHelpOpen(false)}>
          {t('common.close')}
        </button>
      }
    >
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.what}>
              <td className="keys">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="or"> / </span>}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(s.what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('help.footnote')}</p>
    </Sheet>
  );
}
