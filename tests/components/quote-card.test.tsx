// @vitest-environment happy-dom
/**
 * QuoteCard as a reader meets it, for each verdict the check gives on real bundled quotes: the verdict
 * in plain words (never "misquoted"), the page's words, the stored quote with the left-out and added
 * words marked and labelled in text, every source with outlet and date, and no axe violations.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { QuoteCard, type CheckedQuote } from '../../components/QuoteCard';
import { buildKnowledgeChecker, checkQuote } from '../../core/quote-check';
import { PEOPLE, SOURCES } from '../../data/bundle';
import { findAxeViolations } from './axe';

const checker = buildKnowledgeChecker({ people: PEOPLE, sources: SOURCES });
const nameOf = (id: string) => PEOPLE.find((p) => p.id === id)?.name ?? id;

function checked(speaker: string, text: string): CheckedQuote {
  return { text, speaker, speakerName: null, ...checkQuote(checker, speaker, text) };
}

const CASES = {
  same: checked('vladimir-putin', 'Russia does not intend to fight Europe'),
  shortened: checked(
    'steven-pifer',
    'Putin still believes Russia can achieve his goals … He thus sees no need to compromise',
  ),
  reworded: checked(
    'george-barros',
    'We should not allow Putin to keep stringing the United States along forever',
  ),
  'other-speaker': checked('dmitry-peskov', 'Russia does not intend to fight Europe'),
  new: checked('steven-pifer', 'Sanctions on oil revenue are the one lever that Moscow truly feels'),
};

afterEach(() => cleanup());

const show = (quote: CheckedQuote) =>
  render(<QuoteCard quote={quote} sources={SOURCES} nameOf={nameOf} headingId="quote-title" />);

describe('QuoteCard', () => {
  it.each(Object.entries(CASES))(
    '%s: says what was found, without a charge against the writer',
    (verdict, quote) => {
      expect(quote.verdict).toBe(verdict);
      const { container } = show(quote);
      expect(screen.getByRole('heading', { level: 2 }).id).toBe('quote-title');
      expect(container.textContent).toContain(`“${quote.text}”`);
      expect(container.textContent?.toLowerCase()).not.toMatch(/misquot|wrong|false|error/);
      for (const match of quote.matches) {
        const source = SOURCES.find((s) => s.id === match.source)!;
        expect(container.textContent).toContain(source.outlet.name ?? 'Outlet unknown');
      }
    },
  );

  it('shows the stored quote whole, the words the page leaves out struck through and labelled', () => {
    const { container } = show(CASES.shortened);
    const stored = container.querySelector('.dr-diff')!;
    const visible = (node: Element): string =>
      [...node.childNodes]
        .map((n) =>
          n instanceof Element ? (n.classList.contains('dr-sr') ? '' : visible(n)) : n.textContent,
        )
        .join('');
    expect(visible(stored).replace(/^\s*“|”\s*$/g, '')).toBe(CASES.shortened.matches[0]!.quote);
    const leftOut = [...stored.querySelectorAll('del')].map((d) => d.textContent);
    expect(leftOut).toEqual(['[left out on this page: on the battlefield. ]']);
    expect(container.textContent).toContain('Struck through: left out on this page.');
  });

  it('marks both wordings of a reworded quote, and names the other speaker of someone else’s words', () => {
    const reworded = show(CASES.reworded).container;
    expect([...reworded.querySelectorAll('.dr-diff ins')].map((i) => i.textContent?.trim())).toEqual([
      '[this page has instead: allow]',
      '[this page has instead: United States]',
      '[this page has instead: forever]',
    ]);
    expect([...reworded.querySelectorAll('.dr-diff del')].length).toBeGreaterThan(0);
    cleanup();
    const other = show(CASES['other-speaker']).container;
    expect(other.textContent).toContain('your sources quote Vladimir Putin with them');
  });

  it.each(Object.entries(CASES))('%s: no axe violations', async (_verdict, quote) => {
    const { container } = show(quote);
    expect(await findAxeViolations(container)).toEqual([]);
  });
});
