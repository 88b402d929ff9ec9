/**
 * The life of Dramatis on one page (issue 14): which Session runs, with which matcher and settings. It
 * starts a session at once on the bundled matcher, held (it scans, paints nothing) while the reader's
 * settings and added people are read; then follows the settings (a paused site has no session) and the
 * people the reader adds, edits or removes in another tab: a new matcher, and a new session in place of
 * the old one. The content script only wires it to storage (platform/settings-store.ts); no browser.*.
 */
import type { AddedPeople } from '../core/added-people';
import { DEFAULT_SETTINGS, isSiteDisabled, type Settings } from '../core/settings';
import { buildPageMatcher, type PageMatcher } from './page-matcher';

/** What the lifecycle needs of a session: the content script's Session (page/session.ts), or a fake. */
export interface LiveSession {
  /** Resolves when the session has scanned the whole page once. */
  readonly firstPass: Promise<void>;
  /** Follows new settings; a held session paints what it found. */
  updateSettings(settings: Settings): void;
  /** Ends the session: its highlights, listeners and card go. */
  stop(): void;
}

/** What a PageLifecycle is given. */
export interface PageLifecycleOptions<S extends LiveSession> {
  /** The page's host name (a site the reader turned off has no session). */
  hostname: string;
  /** Starts a session with this matcher and settings; a held one scans but paints nothing yet. */
  startSession: (page: PageMatcher, settings: Settings, isPaintHeld: boolean) => S;
  /** Builds the matcher for the added people (default: page/page-matcher.ts). */
  buildMatcher?: (added: AddedPeople | undefined) => PageMatcher;
}

/** What a page starts from (platform/settings-store.ts `loadPageStart`). */
export interface PageStart {
  settings: Settings;
  added: AddedPeople | undefined;
}

/** The added people as a comparable key: the same people published again change nothing on the page. */
const keyOf = (added: AddedPeople | undefined) => JSON.stringify(added ?? null);

/** The session of one page, kept in step with the settings and the added people. */
export class PageLifecycle<S extends LiveSession> {
  private readonly buildMatcher: (added: AddedPeople | undefined) => PageMatcher;
  private settings: Settings = DEFAULT_SETTINGS;
  private page: PageMatcher;
  private addedKey = keyOf(undefined);
  /** The session that paints (or, before `begin`, the held one scanning while settings are read). */
  private current: S | undefined;
  /** A session for changed people, scanning held until its first pass; then it takes the current one's place. */
  private next: S | undefined;
  private hasBegun = false;

  constructor(private readonly options: PageLifecycleOptions<S>) {
    this.buildMatcher = options.buildMatcher ?? buildPageMatcher;
    this.page = this.buildMatcher(undefined);
    this.current = options.startSession(this.page, this.settings, true);
  }

  /** The session that answers the popup and the card (undefined while the site is paused). */
  get session(): S | undefined {
    return this.current;
  }

  /** The reader's settings and added people, read: the held session paints, or gives way to one that knows them. */
  begin(start: PageStart): void {
    this.hasBegun = true;
    this.settings = start.settings;
    if (keyOf(start.added) !== this.addedKey) {
      // Nothing is painted yet: the held session simply goes.
      this.current?.stop();
      this.current = undefined;
      this.setAddedPeople(start.added);
    }
    this.apply();
  }

  /** New settings: the session follows them (a site turned off stops it; turned on again, one starts). */
  updateSettings(settings: Settings): void {
    this.settings = settings;
    if (this.hasBegun) this.apply();
  }

  /**
   * The added people changed (added, edited or removed in another tab): a new matcher, and a new session
   * that scans the page held; once it has, it replaces the old one in one step, so the names stay
   * painted meanwhile. The same people again change nothing.
   */
  updateAddedPeople(added: AddedPeople | undefined): void {
    if (keyOf(added) === this.addedKey) return;
    this.setAddedPeople(added);
    if (!this.hasBegun || !this.current) return; // Paused: the session started on resuming gets the new matcher.
    this.next?.stop();
    const next = this.options.startSession(this.page, this.settings, true);
    this.next = next;
    void next.firstPass.then(() => {
      if (this.next !== next) return; // Stopped, or replaced by a newer change.
      this.next = undefined;
      this.current?.stop();
      this.current = next;
      next.updateSettings(this.settings);
    });
  }

  /** Ends everything (the extension was reloaded or removed). */
  stop(): void {
    this.next?.stop();
    this.current?.stop();
    this.next = undefined;
    this.current = undefined;
  }

  private setAddedPeople(added: AddedPeople | undefined): void {
    this.addedKey = keyOf(added);
    this.page = this.buildMatcher(added);
  }

  private apply(): void {
    if (isSiteDisabled(this.settings, this.options.hostname)) this.stop();
    else if (this.current) this.current.updateSettings(this.settings);
    else this.current = this.options.startSession(this.page, this.settings, false);
  }
}
