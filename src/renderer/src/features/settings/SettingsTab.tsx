import { AccountPanel } from './AccountPanel';
import { SettingsPanel } from './SettingsPanel';

export function SettingsTab() {
  return (
    <div className="settings-tab">
      <SettingsPanel />
      <AccountPanel />
    </div>
  );
}
