/**
 * A card's first screen (issue 10): the first card of a page is laid out from nothing as it opens, and
 * that layout grows with everything the card holds, most of it below the card's fold (520 px at most).
 * The page card therefore renders first what fills its first screen and the rest a frame later
 * (page/card-ui.tsx). This estimates, from the model alone, how much of each list that is: in lines of the
 * card's small text (about 50 characters across its 380 px), generously, so that the first screen is never
 * short of what the reader sees.
 */
import type { CardModel, ConflictModel, SourceLabel } from '../core/card-model';

/** Lines a card's first screen holds, with room to spare: 520 px of 12-13 px text is about 29. */
export const FIRST_SCREEN_LINES = 40;

/** How many of each list's items a card renders (all of them where it is whole). */
export interface CardCut {
  readonly roles: number;
  readonly descriptions: number;
  /** Quotes, counted across topics in their order; for a card with none, 1 stands for the line saying so. */
  readonly quotes: number;
  readonly actions: number;
  readonly links: number;
  readonly background: number;
  /** True when nothing is left out (the footer shows only then). */
  readonly isWhole: boolean;
}

const CHARS_PER_LINE = 50;
const SECTION_LINES = 2; // a section's title and its margin

const linesOf = (chars: number) => Math.max(1, Math.ceil(chars / CHARS_PER_LINE));
const citeChars = (sources: readonly SourceLabel[]) =>
  sources.reduce((n, s) => n + s.outlet.length + s.date.length + 4, 0);
const conflictChars = (conflicts: readonly ConflictModel[]) =>
  conflicts.reduce((n, c) => n + c.label.length + c.note.length + citeChars(c.sources) + 2, 0);

/** The whole card: what every card but the first of a page renders. */
export function wholeCard(model: CardModel): CardCut {
  return {
    roles: model.roles.length,
    descriptions: model.descriptions.length,
    quotes: Math.max(
      1,
      model.topics.reduce((n, t) => n + t.quotes.length, 0),
    ),
    actions: model.actions.length,
    links: model.links.length,
    background: model.background.length,
    isWhole: true,
  };
}

/**
 * The items of `model` that fill `lines` lines, in the card's order (header and summary always), and
 * whether that is the whole card.
 */
export function firstScreen(model: CardModel, lines = FIRST_SCREEN_LINES): CardCut {
  let left = lines - 3 - linesOf(model.summary.reduce((n, s) => n + s.text.length + citeChars(s.sources), 0));
  /** How many of `items` fit in what is left (a section's title counts against its first item). */
  const fit = <T>(items: readonly T[], charsOf: (item: T) => number, extra = 0): number => {
    let count = 0;
    for (const item of items) {
      if (left <= 0) break;
      left -= linesOf(charsOf(item)) + extra + (count === 0 ? SECTION_LINES : 0);
      count++;
    }
    return count;
  };
  const quotes = model.topics.flatMap((t) => t.quotes);
  // A card that quotes nobody says so in one line, where the quotes would be.
  const quoteChars =
    quotes.length > 0
      ? quotes.map(
          (q) => q.text.length + citeChars(q.sources) + (q.kind === 'partial' ? q.context.length : 0),
        )
      : [60];
  const cut = {
    roles: fit(model.roles, (r) => r.title.length + citeChars(r.sources) + conflictChars(r.conflicts)),
    descriptions: fit(model.descriptions, (d) => d.text.length + citeChars([d.source])),
    // A quote stands in a block of its own, with its sources on the line below: a line more.
    quotes: fit(quoteChars, (chars) => chars, 1),
    actions: fit(model.actions, (a) => a.text.length + citeChars([a.source]) + conflictChars(a.conflicts)),
    links: fit(model.links, (l) => l.name.length + l.relation.length + citeChars(l.sources)),
    background: fit(model.background, (b) => b.text.length + b.restsOn.length + 20),
  };
  const whole = wholeCard(model);
  const isWhole = (Object.keys(cut) as (keyof typeof cut)[]).every((key) => cut[key] === whole[key]);
  return { ...cut, isWhole };
}
