/**
 * The first stage's pieces that touch the extension only when asked (issue 10): its light context
 * (platform/first-stage-context.ts) and what the page answers from where its gate opened
 * (page/page-module.ts `pageAnswers`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageAnswers, type PageAnswers } from '../page/page-module';
import { ContentScriptContext } from '../platform/first-stage-context';

afterEach(() => vi.restoreAllMocks());

describe('the first stage’s context', () => {
  it('stays valid while the extension is there, and calls its listeners once it is gone', () => {
    const ctx = new ContentScriptContext('content');
    const invalidated = vi.fn();
    ctx.onInvalidated(invalidated);
    expect(ctx.isInvalid).toBe(false);
    expect(invalidated).not.toHaveBeenCalled();
    // Updated or removed: the runtime loses its id.
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as never);
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.isInvalid).toBe(true);
    expect(invalidated).toHaveBeenCalledTimes(1);
  });
});

describe('what a page answers from where its gate opened', () => {
  it('says nobody is named until the session runs, then gives the session’s answers', () => {
    const page: { session?: PageAnswers } = {};
    const answers = pageAnswers(() => page.session, 'www.example.com');
    expect(answers['content:get-page-state']({})).toEqual({
      people: [],
      quotes: [],
      isPaused: false,
      site: 'example.com',
    });
    expect(answers['content:get-count']({})).toEqual({ count: 0 });
    page.session = {
      ...answers,
      'content:get-count': () => ({ count: 3 }),
    };
    expect(answers['content:get-count']({})).toEqual({ count: 3 });
  });
});
