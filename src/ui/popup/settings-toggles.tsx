import type { Settings } from '../../ext/settings';
import type { SettingsPatch } from '../../ext/storage';

/** Props of `SettingsToggles`. */
export interface SettingsTogglesProps {
  settings: Settings;
  /** The active tab's site, or `null` when there is none to pause. */
  hostname: string | null;
  onChange(patch: SettingsPatch): void;
}

/** Checking on or off everywhere, paused on this site, and whether supported sentences are marked too. */
export function SettingsToggles({ settings, hostname, onChange }: SettingsTogglesProps) {
  const paused = hostname !== null && settings.pausedSites.includes(hostname);
  const setPaused = (pause: boolean) => {
    if (hostname === null) return;
    const others = settings.pausedSites.filter((site) => site !== hostname);
    onChange({ pausedSites: pause ? [...others, hostname] : others });
  };
  return (
    <fieldset class="toggles">
      <legend>Checking</legend>
      <label class="toggle">
        <input type="checkbox" checked={settings.enabled} onChange={(event) => onChange({ enabled: event.currentTarget.checked })} />
        <span>Check pages on every site</span>
      </label>
      {hostname !== null && (
        <label class="toggle">
          <input
            type="checkbox"
            checked={paused}
            disabled={!settings.enabled}
            onChange={(event) => setPaused(event.currentTarget.checked)}
          />
          <span>
            Pause on <span class="hostname">{hostname}</span>
          </span>
        </label>
      )}
      <label class="toggle">
        <input
          type="checkbox"
          checked={settings.showSupported}
          onChange={(event) => onChange({ showSupported: event.currentTarget.checked })}
        />
        <span>Mark supported sentences too</span>
      </label>
    </fieldset>
  );
}
