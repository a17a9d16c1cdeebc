import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ClaimSetInfo } from '../../ext/claim-set-store';
import type { ActiveTabReport, Connector } from '../../ext/connector';
import { DEFAULT_SETTINGS, type Settings } from '../../ext/settings';
import type { SettingsPatch } from '../../ext/storage';
import { awaitsPage, popupView, type PopupView } from './popup-view';

/** How many more times the page is asked after a settings change, scanning or not. */
const SETTLING_LOOKS = 3;

/** The popup's data and what it can do with it. */
export interface PopupData {
  view: PopupView;
  /** The active tab's hostname, when the browser or the report names it. */
  hostname: string | null;
  /** `null` until loaded. */
  settings: Settings | null;
  /** Set when saving the settings failed; cleared by the next save. */
  settingsError: string | null;
  /** Saves `patch` and asks the page again, since it re-checks under the new settings. */
  changeSettings(patch: SettingsPatch): void;
  /** Asks the page again now (after an error). */
  reload(): void;
  /** The claim set in force; `null` until loaded. */
  claimSet: ClaimSetInfo | null;
  /** Back to the bundled set; pages re-check on their own. */
  useBundledClaimSet(): void;
}

/**
 * Loads the settings and the active tab's report, and asks the page again
 * every `pollMs` while its check is under way. The popup lives only while it
 * is open, so polling is simpler than a subscription the content script would
 * have to keep.
 */
export function usePopupData(connector: Connector, pollMs: number): PopupData {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const [tab, setTab] = useState<ActiveTabReport | null>(null);
  // Bumped to fetch the report again; the effect below runs on each value.
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const [claimSet, setClaimSet] = useState<ClaimSetInfo | null>(null);

  useEffect(() => {
    let live = true;
    connector.getClaimSet().then(
      (info) => live && setClaimSet(info),
      (error: unknown) => live && setSettingsError(`The claim set could not be read: ${reasonOf(error)}`),
    );
    return () => {
      live = false;
    };
  }, [connector]);

  useEffect(() => {
    let live = true;
    connector.getSettings().then(
      (loaded) => live && setSettings(loaded),
      // Unreadable storage: the page uses the defaults too, so show those.
      () => live && setSettings({ ...DEFAULT_SETTINGS }),
    );
    return () => {
      live = false;
    };
  }, [connector]);

  useEffect(() => {
    let live = true;
    connector.getActiveTabReport().then(
      (next) => live && setTab(next),
      (error: unknown) => live && setTab({ kind: 'error', hostname: null, message: reasonOf(error) }),
    );
    // A newer request supersedes this one: its answer may be older.
    return () => {
      live = false;
    };
  }, [connector, generation]);

  // After a settings change the page re-checks when it hears of it, which may
  // be after our next question: ask a few more times before trusting a "done".
  const [extraLooks, setExtraLooks] = useState(0);

  const view = popupView(tab, settings);
  const polling = awaitsPage(view) || extraLooks > 0;
  useEffect(() => {
    if (!polling) return;
    const timer = setTimeout(() => {
      setExtraLooks((n) => Math.max(0, n - 1));
      reload();
    }, pollMs);
    return () => clearTimeout(timer);
  }, [polling, tab, pollMs, reload]);

  const changeSettings = useCallback(
    (patch: SettingsPatch) => {
      // Shown at once; corrected to what was actually saved when the write returns.
      setSettings((current) => (current ? { ...current, ...patch } : current));
      setSettingsError(null);
      connector.setSettings(patch).then(
        (saved) => {
          setSettings(saved);
          setExtraLooks(SETTLING_LOOKS);
          reload();
        },
        (error: unknown) => {
          setSettingsError(`The setting could not be saved: ${reasonOf(error)}`);
          connector.getSettings().then(setSettings, () => undefined);
        },
      );
    },
    [connector, reload],
  );

  const useBundledClaimSet = useCallback(() => {
    setSettingsError(null);
    connector.useBundledClaimSet().then(
      (info) => {
        setClaimSet(info);
        setExtraLooks(SETTLING_LOOKS);
        reload();
      },
      (error: unknown) => setSettingsError(`The bundled claim set could not be restored: ${reasonOf(error)}`),
    );
  }, [connector, reload]);

  return { view, hostname: tab?.hostname ?? null, settings, settingsError, changeSettings, reload, claimSet, useBundledClaimSet };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
