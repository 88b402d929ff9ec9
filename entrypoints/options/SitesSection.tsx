/**
 * Options › Sites: Dramatis runs everywhere except the sites listed here. The popup's switch and the
 * card's "Hide Dramatis on this site" edit the same list.
 */
import { useState } from 'preact/hooks';
import { isSiteDisabled, normalizeSite, type Settings } from '../../core/settings';
import { saveSettings } from '../../platform/settings-store';

/** The sites section. */
export function SitesSection({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const sites = [...settings.disabledSites].sort((a, b) => a.localeCompare(b));

  const add = (event: Event) => {
    event.preventDefault();
    const site = normalizeSite(draft);
    if (!site) {
      setError(
        draft.trim()
          ? `“${draft.trim()}” is not a site name. Type one like example.com or news.example.org.`
          : 'Type a site name first, like example.com.',
      );
      return;
    }
    if (isSiteDisabled(settings, site)) {
      const covering = settings.disabledSites.find((s) => isSiteDisabled({ disabledSites: [s] }, site));
      setError(
        covering === site
          ? `${site} is already in the list.`
          : `${site} is already covered by ${covering ?? 'the list'}.`,
      );
      return;
    }
    setError(undefined);
    setDraft('');
    setStatus(`Dramatis is now off on ${site}.`);
    void saveSettings({ disabledSites: [...settings.disabledSites, site] });
  };

  const remove = (site: string) => {
    setStatus(`Dramatis runs on ${site} again.`);
    void saveSettings({ disabledSites: settings.disabledSites.filter((s) => s !== site) });
    // The button is gone: keep the keyboard focus in the section.
    requestAnimationFrame(() => document.getElementById('site-input')?.focus());
  };

  return (
    <section class="op-section" id="sites" aria-labelledby="sites-title">
      <h2 id="sites-title" class="op-section-title">
        Sites
      </h2>
      <p class="op-muted">
        Dramatis runs on every site except those listed here (subdomains included). The popup’s switch adds
        and removes the site you are on.
      </p>
      {sites.length === 0 ? (
        <p class="op-empty" data-testid="sites-empty">
          No sites are listed: Dramatis runs everywhere.
        </p>
      ) : (
        <ul class="op-sites" aria-label="Sites where Dramatis is off">
          {sites.map((site) => (
            <li key={site} class="op-site" data-site={site}>
              <span class="op-site-name">{site}</span>
              <button
                type="button"
                class="ui-button"
                aria-label={`Remove ${site}`}
                onClick={() => remove(site)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="op-site-form" onSubmit={add} noValidate>
        <label for="site-input" class="op-label">
          Turn Dramatis off on a site
        </label>
        <div class="op-row">
          <input
            id="site-input"
            class="ui-field op-site-input"
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={draft}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby={error ? 'site-error' : undefined}
            onInput={(event) => {
              setDraft((event.target as HTMLInputElement).value);
              setError(undefined);
            }}
          />
          <button type="submit" class="ui-button">
            Add
          </button>
        </div>
        <p id="site-error" class="op-error" role="alert">
          {error ?? ''}
        </p>
        <p class="ui-visually-hidden" role="status">
          {status ?? ''}
        </p>
      </form>
    </section>
  );
}
