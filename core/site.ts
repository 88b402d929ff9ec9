/** A site as Dramatis names it: the host name a page's address has (the settings' paused sites, the popup). */

/**
 * Normalises what a reader types as a site ("https://www.Example.com/path", "example.com") to the
 * host name Dramatis compares with `location.hostname`; undefined when it is not a host name.
 */
export function normalizeSite(input: string): string | undefined {
  let text = input.trim().toLowerCase();
  if (!text) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `http://${text}`;
  try {
    const host = new URL(text).hostname.replace(/^www\./, '').replace(/\.$/, '');
    // Every label must be non-empty: ".com" or "example..com" is no site.
    const isDomain = /^[a-z0-9.-]+$/.test(host) && host.includes('.') && !host.split('.').includes('');
    return isDomain || host === 'localhost' ? host : undefined;
  } catch {
    return undefined;
  }
}
