// @vitest-environment happy-dom
/**
 * The first card of a page renders first what fills its first screen (components/card-first-screen.ts):
 * what the reader sees there is the card's top, in its order, never a line that the rest would contradict.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { firstScreen, wholeCard } from '../components/card-first-screen';
import { PersonCard } from '../components/PersonCard';
import { buildCardModel, type CardModel } from '../core/card-model';
import { DEFAULT_SETTINGS } from '../core/settings';
import { BACKGROUND, PEOPLE, SOURCES } from '../data/bundle';

const modelOf = (id: string): CardModel => {
  const person = PEOPLE.find((p) => p.id === id);
  if (!person) throw new Error(id);
  return buildCardModel(person, SOURCES, PEOPLE, DEFAULT_SETTINGS, BACKGROUND);
};

/** The card's text, section by section, as rendered with `cut`. */
function renderCard(model: CardModel, cut?: ReturnType<typeof firstScreen>): string[] {
  const root = document.createElement('div');
  document.body.append(root);
  render(<PersonCard model={model} headingId="t" cut={cut} why="Matched" onHideSite={() => {}} />, root);
  return [...root.querySelectorAll('article > *')].map((e) => e.textContent ?? '');
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the first screen of a card', () => {
  it('is the top of the whole card, section by section, without the footer', () => {
    const model = modelOf('steve-witkoff');
    const cut = firstScreen(model);
    expect(cut.isWhole).toBe(false);
    const first = renderCard(model, cut);
    const whole = renderCard(model);
    expect(first.length).toBeLessThan(whole.length);
    // Every section shown but the last is shown whole; the last is the beginning of its whole.
    first.slice(0, -1).forEach((text, i) => expect(text).toBe(whole[i]));
    expect(whole[first.length - 1]?.startsWith(first.at(-1)!.slice(0, 40))).toBe(true);
    expect(first.join(' ')).not.toContain('Hide Dramatis on this site');
  });

  it('holds more than a screenful: at least the header, summary, roles and one more section', () => {
    for (const person of PEOPLE) {
      const model = modelOf(person.id);
      const cut = firstScreen(model);
      const whole = wholeCard(model);
      expect(cut.roles, person.id).toBe(whole.roles);
      if (!cut.isWhole) expect(cut.descriptions + cut.quotes, person.id).toBeGreaterThan(0);
    }
  });

  it('never says a person is quoted nowhere when their quotes are only left for later', () => {
    const model = modelOf('volodymyr-zelensky');
    const text = renderCard(model, { ...firstScreen(model), quotes: 0, isWhole: false }).join(' ');
    expect(text).not.toContain('The sources quote nothing');
    expect(text).not.toContain('What they said');
  });

  it('is the whole card when everything fits', () => {
    const short: CardModel = {
      ...modelOf('steve-witkoff'),
      descriptions: [],
      actions: [],
      links: [],
      background: [],
    };
    short.topics = short.topics.slice(0, 1).map((t) => ({ ...t, quotes: t.quotes.slice(0, 1) }));
    expect(firstScreen(short)).toEqual({ ...wholeCard(short), isWhole: true });
    expect(renderCard(short, firstScreen(short)).join(' ')).toContain('Hide Dramatis on this site');
  });
});
