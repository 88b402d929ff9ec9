/**
 * The first stage's context (issue 10): what WXT's content-script wrapper builds for the script every page
 * runs, in place of WXT's own `ContentScriptContext` (wxt.config.ts aliases it in that build alone). WXT's
 * touches the extension API as its module loads (a name made from the extension's id) and listens for
 * newer copies of the script; the first touch of the API costs a page about 2 ms, which a page that names
 * nobody should not pay, and Dramatis never runs the script twice in a page. This one asks the API only
 * when asked whether the extension is still there (where the gate opens). The page's session builds WXT's
 * own context when it starts (entrypoints/page-session.ts).
 */
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: object,
  ) {}

  /** True once the extension went away (updated, disabled, removed): the script's API calls would fail. */
  get isInvalid(): boolean {
    if (!this.controller.signal.aborted && browser.runtime?.id == null) this.controller.abort();
    return this.controller.signal.aborted;
  }

  /** Calls `callback` when the context is found invalid; returns the function that stops that. */
  onInvalidated(callback: () => void): () => void {
    this.controller.signal.addEventListener('abort', callback);
    return () => this.controller.signal.removeEventListener('abort', callback);
  }
}
