import type { FormEvent } from 'react';
import { AccountSection } from './AccountSection';
import { DesktopSection } from './DesktopSection';
import { GeneralSection } from './GeneralSection';
import { SettingsSaveBar } from './SettingsSaveBar';
import { useSettingsDraftStore } from './settings-draft-store';
import { TeamPanel } from '../team/TeamPanel';

/**
 * The whole settings page is one form with one Save (the bar stays in view at any height): each
 * section is its own component over the shared draft store, so a new section adds a component
 * here and a saver in settings-draft-store.ts. Enter in any field saves.
 */
export function SettingsTab() {
  const saveAll = useSettingsDraftStore((s) => s.saveAll);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // React bubbles a submit from a sheet's own form (rendered in a portal) up to here.
    if (event.target !== event.currentTarget) return;
    void saveAll();
  }
  return (
    <form className="settings-page" onSubmit={onSubmit} noValidate data-testid="settings-page">
      <div className="settings-tab">
        <GeneralSection />
        <AccountSection />
        <DesktopSection />
        {/* Signs in at once with its own button; not part of the page's Save. */}
        <TeamPanel />
      </div>
      <SettingsSaveBar />
    </form>
  );
}
