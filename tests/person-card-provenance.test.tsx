// @vitest-environment happy-dom
/**
 * The card keeps what the articles say apart from what Dramatis knows otherwise (issue 16): background
 * statements in their own section, each conflict under its label, partial quotes with the article's
 * sentence, reports of what a person did apart from what they said, and headlines we wrote marked.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PersonCard } from '../components/PersonCard';
import { buildCardModel } from '../core/card-model';
import { DEFAULT_SETTINGS } from '../core/settings';
import { BACKGROUND, PEOPLE, SOURCES } from '../data/bundle';

function renderCard(id: string): HTMLElement {
  const person = PEOPLE.find((p) => p.id === id);
  if (!person) throw new Error(id);
  const model = buildCardModel(person, SOURCES, PEOPLE, DEFAULT_SETTINGS, BACKGROUND);
  const root = document.createElement('div');
  document.body.append(root);
  render(<PersonCard model={model} headingId="card-title" />, root);
  return root;
}

const sectionTitles = (root: HTMLElement) =>
  [...root.querySelectorAll('.dr-section-title')].map((h) => h.textContent);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PersonCard: where each statement comes from', () => {
  it('shows background apart, after the articles’ sections, with what it rests on and as of when', () => {
    const root = renderCard('kaja-kallas');
    expect(sectionTitles(root).at(-1)).toBe('Background, not from these articles');
    const item = root.querySelector('.dr-background li');
    expect(item?.textContent).toContain('High Representative');
    expect(item?.textContent).toMatch(/Rests on: .+ As of 2 Dec 2025\./);
    const note = root.querySelector('.dr-conflict-note');
    expect(note?.getAttribute('data-conflict')).toBe('public-record');
    expect(note?.textContent).toMatch(/^Differs from the public record:/);
  });

  it('labels two articles that disagree as such, apart from the public record', () => {
    const root = renderCard('donald-trump');
    const labels = [...root.querySelectorAll('.dr-conflict-note strong')].map((s) => s.textContent);
    expect(labels).toEqual([
      'Sources disagree:',
      'Differs from the public record:',
      'Differs from the public record:',
    ]);
  });

  it('shows no background section on a card whose articles need none', () => {
    const root = renderCard('steven-pifer');
    expect(sectionTitles(root)).not.toContain('Background, not from these articles');
  });

  it('shows a partial quote in quotation marks with the article’s sentence, and a paraphrase without them', () => {
    const root = renderCard('thomas-graham');
    const partial = root.querySelector('[data-quote="graham-horrific-losses"]');
    expect(partial?.querySelector('.dr-quote-text')?.textContent).toBe(
      '“horrific losses for marginal gains”',
    );
    expect(partial?.querySelector('.dr-quote-context')?.textContent).toContain(
      'Russian forces are absorbing “horrific losses for marginal gains,”',
    );
    const paraphrase = root.querySelector('[data-quote="graham-increase-pressure"]');
    expect(paraphrase?.textContent).toMatch(/^Paraphrase/);
    expect(paraphrase?.querySelector('.dr-paraphrase-text')?.textContent).not.toMatch(/[“”"]/);
  });

  it('lists what the articles report a person did in its own section, not among their words', () => {
    const root = renderCard('steve-witkoff');
    expect(sectionTitles(root)).toContain('What the articles report they did');
    expect(root.querySelector('[data-action="witkoff-briefs-putin-on-florida"]')).not.toBeNull();
    expect(root.querySelector('[data-quote="witkoff-briefs-putin-on-florida"]')).toBeNull();
  });

  it('marks a headline written by Dramatis in the citation’s tooltip', () => {
    const root = renderCard('liana-fix');
    const cite = root.querySelector('.dr-role .dr-cite');
    expect(cite?.getAttribute('title')).toMatch(
      /^Headline written by Dramatis \(the article prints none\): /,
    );
    expect(cite?.getAttribute('title')).toContain('Date inferred from the text and background knowledge.');
  });
});
