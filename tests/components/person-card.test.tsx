// @vitest-environment happy-dom
/**
 * PersonCard as a reader meets it: the name as the card's heading, who the person is, their roles with
 * the sources that state them, every direct quote word for word in quotation marks with outlet and
 * date, paraphrases labelled and never in quotation marks, the empty states, buttons a keyboard reaches,
 * and no axe violations. Rendered from the real knowledge base through the real card model.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PersonCard } from '../../components/PersonCard';
import { buildCardModel } from '../../core/card-model';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { BACKGROUND, PEOPLE, SOURCES } from '../../data/bundle';
import { findAxeViolations } from './axe';

const kb = { people: PEOPLE, sources: SOURCES };

function modelOf(id: string, settings: Settings = DEFAULT_SETTINGS) {
  const person = kb.people.find((p) => p.id === id);
  if (!person) throw new Error(`no person ${id}`);
  return buildCardModel(person, kb.sources, kb.people, settings, BACKGROUND);
}

/** The list item (or other block) that shows `text`, for reading what is cited beside it. */
const itemShowing = (text: string) => screen.getByText(text).closest('li') as HTMLElement;

afterEach(() => cleanup());

describe('PersonCard', () => {
  it('is headed by the name, with affiliation, country and roles with their sources', () => {
    const model = modelOf('steve-witkoff');
    render(<PersonCard model={model} headingId="card-title" />);
    const heading = screen.getByRole('heading', { level: 2, name: model.name });
    expect(heading.id).toBe('card-title');
    const stated = [model.affiliation, model.country].flatMap((claim) => (claim ? [claim.text] : []));
    expect(stated.length).toBeGreaterThan(0);
    expect(heading.nextElementSibling?.textContent).toBe(stated.join(' · '));
    expect(model.roles.length).toBeGreaterThan(0);
    for (const role of model.roles) {
      const item = itemShowing(role.title);
      for (const source of role.sources)
        expect(item.textContent).toContain(`${source.outlet}, ${source.date}`);
    }
  });

  it('shows every direct quote word for word, in quotation marks, with outlet and date', () => {
    const speaker = kb.people.find((p) => p.quotes.some((q) => q.kind === 'direct'));
    expect(speaker).toBeDefined();
    const model = modelOf(speaker!.id);
    render(<PersonCard model={model} headingId="h" />);
    const direct = model.topics.flatMap((t) => t.quotes).filter((q) => q.kind === 'direct');
    expect(direct.length).toBeGreaterThan(0);
    for (const quote of direct) {
      const item = itemShowing(`“${quote.text}”`);
      for (const source of quote.sources)
        expect(item.textContent).toContain(`${source.outlet}, ${source.date}`);
    }
    for (const topic of model.topics)
      expect(screen.getByRole('heading', { level: 4, name: topic.label })).toBeTruthy();
  });

  it('labels a paraphrase as such and never puts it in quotation marks', () => {
    const withParaphrase = kb.people.find((p) => p.quotes.some((q) => q.kind === 'paraphrase'));
    expect(withParaphrase).toBeDefined();
    const model = modelOf(withParaphrase!.id);
    render(<PersonCard model={model} headingId="h" />);
    const paraphrases = model.topics.flatMap((t) => t.quotes).filter((q) => q.kind === 'paraphrase');
    expect(paraphrases.length).toBeGreaterThan(0);
    for (const paraphrase of paraphrases) {
      const item = itemShowing(paraphrase.text);
      expect(item.textContent).toMatch(/^Paraphrase/);
      expect(item.textContent).not.toContain(`“${paraphrase.text}”`);
      const [source] = paraphrase.sources;
      expect(paraphrase.sources).toHaveLength(1);
      expect(item.textContent).toContain(`${source?.outlet}, ${source?.date}`);
    }
  });

  it('says why there are no quotes: none at all, or hidden by the sources turned off', () => {
    const quiet = kb.people.find((p) => p.quotes.length === 0);
    expect(quiet).toBeDefined();
    render(<PersonCard model={modelOf(quiet!.id)} headingId="h" />);
    expect(screen.getByText('The sources quote nothing from this person.')).toBeTruthy();
    cleanup();

    const everySourceOff = { ...DEFAULT_SETTINGS, disabledSources: kb.sources.map((s) => s.id) };
    const hidden = modelOf('steve-witkoff', everySourceOff);
    render(<PersonCard model={hidden} headingId="h" />);
    expect(
      screen.getByText(`No quotes from the sources you have turned on (${hidden.hiddenQuoteCount} hidden).`),
    ).toBeTruthy();
    expect(hidden.hiddenQuoteCount).toBeGreaterThan(0);
  });

  it('offers close, linked people and "Hide Dramatis on this site" as buttons a keyboard reaches', () => {
    const model = modelOf('steve-witkoff');
    expect(model.links.length).toBeGreaterThan(0);
    const onClose = vi.fn();
    const onHideSite = vi.fn();
    const onSelectPerson = vi.fn();
    render(
      <PersonCard
        model={model}
        headingId="h"
        why="“Witkoff” is Steve Witkoff, named in full on this page."
        onClose={onClose}
        onHideSite={onHideSite}
        onSelectPerson={onSelectPerson}
      />,
    );
    const buttons = screen.getAllByRole('button');
    // Native buttons: in the tab order, and Enter or Space activates them.
    for (const button of buttons) {
      expect(button.tagName).toBe('BUTTON');
      expect(button.tabIndex).toBe(0);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Close card' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hide Dramatis on this site' }));
    const link = model.links[0]!;
    fireEvent.click(screen.getByRole('button', { name: link.name }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(onHideSite).toHaveBeenCalledOnce();
    expect(onSelectPerson).toHaveBeenCalledWith(link.person);
    expect(screen.getByText('“Witkoff” is Steve Witkoff, named in full on this page.')).toBeTruthy();
  });

  it('without callbacks, shows linked people as text and no buttons', () => {
    const model = modelOf('steve-witkoff');
    render(<PersonCard model={model} headingId="h" />);
    expect(screen.queryAllByRole('button')).toEqual([]);
    const links = screen.getByRole('heading', { level: 3, name: 'Linked with' }).parentElement!;
    for (const link of model.links) expect(within(links).getByText(link.name)).toBeTruthy();
  });

  it.each(['steve-witkoff', 'donald-trump', 'kaja-kallas'])('%s: no axe violations', async (id) => {
    const { container } = render(
      <main>
        <section role="dialog" aria-labelledby="h">
          <PersonCard model={modelOf(id)} headingId="h" onClose={() => {}} onHideSite={() => {}} />
        </section>
      </main>,
    );
    expect(await findAxeViolations(container)).toEqual([]);
  });

  it('marks a saved article as the reader’s, links it, and lists every source of a quote', async () => {
    const model = modelOf('michael-carpenter');
    const [topic] = model.topics;
    const [quote] = topic?.quotes ?? [];
    if (!topic || !quote) throw new Error('Michael Carpenter has no quote');
    const bundled = quote.sources[0]!;
    const saved = {
      ...bundled,
      id: 'saved-0a1b2c3d',
      outlet: 'The Harbour Ledger',
      isOutletUnknown: false,
      date: '10 Dec 2025',
      published: '2025-12-10',
      isDateInferred: false,
      url: 'https://ledger.example/later',
      isSaved: true,
    };
    const withSaved = { ...model, topics: [{ ...topic, quotes: [{ ...quote, sources: [bundled, saved] }] }] };
    const { container } = render(
      <main>
        <section role="dialog" aria-labelledby="h">
          <PersonCard model={withSaved} headingId="h" />
        </section>
      </main>,
    );
    const item = itemShowing(`“${quote.text}”`);
    expect(item.textContent).toContain(`${bundled.outlet}, ${bundled.date}`);
    const link = within(item).getByRole('link', { name: /The Harbour Ledger, 10 Dec 2025/ });
    expect(link.getAttribute('href')).toBe('https://ledger.example/later');
    expect(within(item).getAllByText('My sources')).toHaveLength(1);
    expect(within(item).getAllByRole('link')).toHaveLength(1); // The bundled article has no address.
    expect(await findAxeViolations(container)).toEqual([]);
  });
});
