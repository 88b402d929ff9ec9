/**
 * The settings as Preact state for the extension's pages (popup, options): loaded once, then kept
 * current through `watchSettings`, so a change made anywhere (another page, a tab's card) shows at once.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings';
import { loadSettings, watchSettings } from '../platform/settings-store';

/** The current settings; undefined until they are first read. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let isLive = true;
    let hasWatched = false;
    const stop = watchSettings((next) => {
      hasWatched = true;
      if (isLive) setSettings(next);
    });
    void loadSettings().then((first) => {
      // A change reported while the first read was under way is newer: keep it.
      if (isLive && !hasWatched) setSettings(first);
    });
    return () => {
      isLive = false;
      stop();
    };
  }, []);
  return settings;
}
