/**
 * Where Dramatis can run, so the popup can say plainly why a tab has no people: browsers keep
 * extensions out of their own pages, the extension stores and the built-in PDF viewer. Pure.
 */
import { normalizeSite } from './settings';

/** Why a page may be out of Dramatis's reach (or 'web' when it should run there). */
export type PageAccess =
  | 'web' // an ordinary page: Dramatis runs (or starts after a reload)
  | 'browser-page' // chrome://, about:, the extension's own pages, view-source: ...
  | 'store' // the Chrome Web Store, addons.mozilla.org, Edge Add-ons
  | 'pdf' // the browser's PDF viewer
  | 'file' // a local file: content scripts need the "Allow access to file URLs" switch
  | 'unknown'; // no URL to judge by (the browser did not share it)

const STORES: readonly { host: string; path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

/** Classifies `url` (undefined when the browser did not share the tab's URL). */
export function classifyPage(url: string | undefined): PageAccess {
  if (!url) return 'unknown';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'unknown';
  }
  const isPdf = /\.pdf$/i.test(parsed.pathname);
  switch (parsed.protocol) {
    case 'http:':
    case 'https:': {
      const host = parsed.hostname.toLowerCase();
      if (STORES.some((s) => host === s.host && (!s.path || parsed.pathname.startsWith(s.path))))
        return 'store';
      return isPdf ? 'pdf' : 'web';
    }
    case 'file:':
      return isPdf ? 'pdf' : 'file';
    default:
      return 'browser-page';
  }
}

/** The site the popup's pause switch acts on for `url`, as settings store it; undefined where there is none. */
export function siteOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? normalizeSite(hostname) : undefined;
  } catch {
    return undefined;
  }
}

/** One plain sentence on why Dramatis finds nothing in a tab it cannot reach. */
export function explainNoAccess(access: PageAccess): string {
  switch (access) {
    case 'browser-page':
      return 'Dramatis can’t run on this page: browsers keep extensions out of their own pages.';
    case 'store':
      return 'Dramatis can’t run on this page: browsers keep extensions out of the extension stores.';
    case 'pdf':
      return 'Dramatis can’t read PDFs: the browser’s PDF viewer is closed to extensions.';
    case 'file':
      return 'Dramatis can’t read local files unless you allow it: turn on “Allow access to file URLs” for Dramatis in the browser’s extension settings, then reload the page.';
    case 'web':
      return 'Dramatis isn’t running on this page. If the page was open before Dramatis was installed or updated, reload it; PDFs stay closed to extensions.';
    case 'unknown':
      return 'Dramatis can’t run on this page. Browsers keep extensions out of their own pages, the extension stores and PDFs; on any other page, reload it to start Dramatis.';
  }
}
