import { AccountPanel } from './AccountPanel';
import { SettingsPanel } from './SettingsPanel';
import { TeamPanel } from '../team/TeamPanel';

export function SettingsTab() {
  return (
    <div className="settings-tab">
      <SettingsPanel />
      <AccountPanel />
      <TeamPanel />
    </div>
  );
}
