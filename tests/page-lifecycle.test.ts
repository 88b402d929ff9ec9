/**
 * The page's lifecycle (page/page-lifecycle.ts, issue 14) with fake sessions and matchers: a held session
 * while the settings are read; a new person added in another tab brings a new matcher and a session that
 * takes over once it has scanned the page (the old one stops, which clears its highlights); the same
 * people again, or a settings change, rebuild nothing; a paused site has no session.
 */
import { describe, expect, it } from 'vitest';
import type { AddedPeople } from '../core/added-people';
import type { Matcher } from '../core/matcher';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { PageLifecycle, type LiveSession } from '../page/page-lifecycle';
import type { PageMatcher } from '../page/page-matcher';

/** A session that records what it was given and what happened to it; its first pass ends on `finish()`. */
class FakeSession implements LiveSession {
  readonly firstPass: Promise<void>;
  finish!: () => void;
  settingsSeen: Settings[] = [];
  isStopped = false;
  constructor(
    readonly page: PageMatcher,
    readonly settings: Settings,
    readonly isPaintHeld: boolean,
  ) {
    this.firstPass = new Promise((resolve) => (this.finish = resolve));
  }
  updateSettings(settings: Settings): void {
    this.settingsSeen.push(settings);
  }
  stop(): void {
    this.isStopped = true;
  }
}

const person = (name: string): AddedPeople => ({
  people: [{ id: name.toLowerCase().replace(' ', '-'), name, givenNames: [], aliases: [] }],
  index: { forms: [], givenNames: [], middleNames: [], notNames: [], givenForms: [], nearWords: [] } as never,
});

function setUp(hostname = 'news.example') {
  const sessions: FakeSession[] = [];
  const built: (AddedPeople | undefined)[] = [];
  const life = new PageLifecycle<FakeSession>({
    hostname,
    startSession: (page, settings, isPaintHeld) => {
      const session = new FakeSession(page, settings, isPaintHeld);
      sessions.push(session);
      return session;
    },
    buildMatcher: (added) => {
      built.push(added);
      return { matcher: {} as Matcher, nameOf: (id) => added?.people.find((p) => p.id === id)?.name ?? id };
    },
  });
  return { life, sessions, built };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the page lifecycle', () => {
  it('scans held on the bundled matcher while the settings are read, then paints with them', () => {
    const { life, sessions, built } = setUp();
    expect(built).toEqual([undefined]);
    expect(sessions.map((s) => s.isPaintHeld)).toEqual([true]);
    const settings = { ...DEFAULT_SETTINGS, theme: 'dark' as const };
    life.begin({ settings, added: undefined });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.settingsSeen).toEqual([settings]);
    expect(life.session).toBe(sessions[0]);
  });

  it('with added people at start, the held session (nothing painted) gives way to one that knows them', () => {
    const { life, sessions, built } = setUp();
    life.begin({ settings: DEFAULT_SETTINGS, added: person('Lena Brunner') });
    expect(built).toHaveLength(2);
    expect(sessions[0]!.isStopped).toBe(true);
    expect(sessions[1]!.isPaintHeld).toBe(false);
    expect(sessions[1]!.page.nameOf('lena-brunner')).toBe('Lena Brunner');
    expect(life.session).toBe(sessions[1]);
  });

  it('a person added in another tab: a new matcher and a session that replaces the old one once it has scanned', async () => {
    const { life, sessions, built } = setUp();
    life.begin({ settings: DEFAULT_SETTINGS, added: undefined });
    life.updateAddedPeople(person('Lena Brunner'));
    expect(built.at(-1)?.people[0]?.name).toBe('Lena Brunner');
    const [old, next] = sessions;
    expect(next!.isPaintHeld).toBe(true);
    expect(next!.page.nameOf('lena-brunner')).toBe('Lena Brunner');
    // Until the new session has scanned the page, the old one keeps its names painted.
    await settle();
    expect(old!.isStopped).toBe(false);
    expect(life.session).toBe(old);
    next!.finish();
    await settle();
    expect(old!.isStopped).toBe(true);
    expect(next!.settingsSeen).toEqual([DEFAULT_SETTINGS]);
    expect(life.session).toBe(next);
  });

  it('the person removed again: the session goes back to the bundled matcher', async () => {
    const { life, sessions } = setUp();
    life.begin({ settings: DEFAULT_SETTINGS, added: person('Lena Brunner') });
    life.updateAddedPeople(undefined);
    const next = sessions.at(-1)!;
    expect(next.page.nameOf('lena-brunner')).toBe('lena-brunner');
    next.finish();
    await settle();
    expect(sessions[1]!.isStopped).toBe(true);
    expect(life.session).toBe(next);
  });

  it('an unrelated change rebuilds nothing: the same people again, or new settings', async () => {
    const { life, sessions, built } = setUp();
    life.begin({ settings: DEFAULT_SETTINGS, added: person('Lena Brunner') });
    const [builds, started] = [built.length, sessions.length];
    life.updateAddedPeople(person('Lena Brunner'));
    const settings = { ...DEFAULT_SETTINGS, highlightStyle: 'background' as const };
    life.updateSettings(settings);
    await settle();
    expect([built.length, sessions.length]).toEqual([builds, started]);
    expect(life.session!.settingsSeen.at(-1)).toEqual(settings);
    // Only the held session of the start went; the painting one goes on.
    expect(sessions.map((s) => s.isStopped)).toEqual([true, false]);
  });

  it('two quick changes: only the newest session takes over', async () => {
    const { life, sessions } = setUp();
    life.begin({ settings: DEFAULT_SETTINGS, added: undefined });
    life.updateAddedPeople(person('Lena Brunner'));
    life.updateAddedPeople(person('Keith Kellogg'));
    const [old, first, second] = sessions;
    expect(first!.isStopped).toBe(true);
    first!.finish();
    await settle();
    expect(life.session).toBe(old);
    second!.finish();
    await settle();
    expect(life.session).toBe(second);
    expect(second!.page.nameOf('keith-kellogg')).toBe('Keith Kellogg');
  });

  it('a paused site has no session; resumed, it starts one that knows the people added meanwhile', () => {
    const { life, sessions } = setUp('news.example');
    const paused = { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] };
    life.begin({ settings: paused, added: undefined });
    expect(life.session).toBeUndefined();
    life.updateAddedPeople(person('Lena Brunner'));
    expect(sessions).toHaveLength(1);
    life.updateSettings(DEFAULT_SETTINGS);
    expect(life.session).toBe(sessions[1]);
    expect(sessions[1]!.isPaintHeld).toBe(false);
    expect(sessions[1]!.page.nameOf('lena-brunner')).toBe('Lena Brunner');
  });

  it('stop ends the current session and one still scanning', () => {
    const { life, sessions } = setUp();
    life.begin({ settings: DEFAULT_SETTINGS, added: undefined });
    life.updateAddedPeople(person('Lena Brunner'));
    life.stop();
    expect(sessions.every((s) => s.isStopped)).toBe(true);
    expect(life.session).toBeUndefined();
  });
});
