/**
 * The reader's corrections of who a name is (issue 14): kept per page or per site, validated and capped
 * as a setting, and taken as facts by the page-level resolver.
 */
import { describe, expect, it } from 'vitest';
import {
  addCorrection,
  correctionsForPage,
  MAX_CORRECTIONS,
  readCorrection,
  type Correction,
  type NameCorrection,
} from '../core/corrections';
import { resolveMentions, scanText } from '../core/matcher';
import { sanitizeSettings, SETTINGS } from '../core/settings';
import { parseSettingsFile, SETTINGS_FILE_MARKER } from '../core/settings-file';
import { loadTestKnowledgeBase } from './support/kb';

const { matcher } = loadTestKnowledgeBase();
const NOW = new Date('2026-12-02T03:00:00Z');
/** Person and surface of each mention of a page made of `blocks`, under `corrections`. */
const seen = (blocks: string[], corrections: NameCorrection[] = []) =>
  resolveMentions(
    blocks.map((b) => scanText(matcher, b)),
    corrections,
  ).flatMap((mentions) => mentions.map(({ person, surface }) => ({ person, surface })));

describe('the resolver takes corrections as facts', () => {
  const page = ['Thomas Graham said the talks were hard.', 'Graham added that nothing was agreed.'];

  it('without a correction, the full name anchors the bare surname', () => {
    expect(seen(page)).toEqual([
      { person: 'thomas-graham', surface: 'Thomas Graham' },
      { person: 'thomas-graham', surface: 'Graham' },
    ]);
  });

  it('a corrected full name is someone else, and the bare surname it anchored follows it', () => {
    expect(seen(page, [{ name: 'Thomas Graham', person: 'thomas-graham' }])).toEqual([]);
  });

  it('a corrected bare surname goes, while the full name stays', () => {
    expect(seen(page, [{ name: 'Graham', person: 'thomas-graham' }])).toEqual([
      { person: 'thomas-graham', surface: 'Thomas Graham' },
    ]);
  });

  it('a correction of one person leaves the others on the page alone', () => {
    const text = ['Steve Witkoff met Yuri Ushakov. Witkoff said little.'];
    expect(seen(text, [{ name: 'Steve  witkoff', person: 'steve-witkoff' }])).toEqual([
      { person: 'yuri-ushakov', surface: 'Yuri Ushakov' },
    ]);
    // Said of someone else, the same name is not corrected.
    expect(seen(text, [{ name: 'Steve Witkoff', person: 'yuri-ushakov' }])).toHaveLength(3);
  });
});

describe('where a correction holds', () => {
  const base = { name: 'Graham', person: 'thomas-graham', is: 'someone-else' } as const;

  it('on its page (whatever the fragment), or on every page of its site', () => {
    let list = addCorrection([], { ...base, url: 'https://news.example.com/a?id=1#top', scope: 'page' }, NOW);
    expect(list[0]).toMatchObject({ where: 'https://news.example.com/a?id=1', scope: 'page' });
    expect(correctionsForPage(list, 'https://news.example.com/a?id=1#more')).toEqual([
      { name: 'Graham', person: 'thomas-graham' },
    ]);
    expect(correctionsForPage(list, 'https://news.example.com/b')).toEqual([]);
    list = addCorrection(list, { ...base, url: 'https://www.example.com/a', scope: 'site' }, NOW);
    expect(list[1]).toMatchObject({ where: 'example.com', scope: 'site' });
    expect(correctionsForPage(list, 'https://news.example.com/b')).toHaveLength(1);
    expect(correctionsForPage(list, 'https://example.org/b')).toEqual([]);
  });

  it('the same correction made again replaces the first; the oldest go beyond the cap', () => {
    const request = { ...base, url: 'https://example.com/a', scope: 'page' } as const;
    const twice = addCorrection(addCorrection([], request, NOW), { ...request, is: 'nobody' }, NOW);
    expect(twice).toHaveLength(1);
    expect(twice[0]?.is).toBe('nobody');
    let many: Correction[] = [];
    for (let i = 0; i <= MAX_CORRECTIONS; i++)
      many = addCorrection(many, { ...request, url: `https://example.com/${i}` }, NOW);
    expect(many).toHaveLength(MAX_CORRECTIONS);
    expect(many[0]?.where).toBe('https://example.com/1');
  });

  it('a page without a web address cannot be corrected', () => {
    expect(addCorrection([], { ...base, url: 'about:blank', scope: 'page' }, NOW)).toEqual([]);
  });
});

describe('corrections as a setting', () => {
  const valid: Correction = {
    scope: 'page',
    where: 'https://example.com/a',
    name: 'Graham',
    person: 'thomas-graham',
    is: 'nobody',
    at: NOW.toISOString(),
  };
  const file = (corrections: unknown) =>
    JSON.stringify({ format: SETTINGS_FILE_MARKER, version: 1, exportedAt: 'x', settings: { corrections } });

  it('a stored list keeps its valid corrections and drops junk', () => {
    expect(
      sanitizeSettings({ corrections: [valid, { ...valid, person: 'Not An Id' }, 7] }).corrections,
    ).toEqual([valid]);
    expect(sanitizeSettings({ corrections: 'x' }).corrections).toEqual([]);
  });

  const errorOf = (text: string) => {
    const parsed = parseSettingsFile(text);
    return parsed.ok ? '' : parsed.error;
  };

  it('a settings file with a wrong correction is refused with the item and the field named', () => {
    expect(parseSettingsFile(file([valid]))).toEqual({
      ok: true,
      settings: expect.objectContaining({ corrections: [valid] }),
    });
    expect(errorOf(file([valid, { ...valid, is: 'maybe' }]))).toMatch(
      '"settings.corrections" item 2 has an "is" that is not "someone-else" or "nobody".',
    );
    expect(errorOf(file([{ ...valid, where: 'https://example.com/a#x' }]))).toMatch(/item 1 has a "where"/);
    expect(errorOf(file(Array(MAX_CORRECTIONS + 1).fill(valid)))).toMatch(/at most 300 corrections/);
  });

  it('reads one correction strictly', () => {
    expect(readCorrection(valid)).toEqual(valid);
    expect(readCorrection({ ...valid, scope: 'world' })).toMatch(/scope/);
    expect(SETTINGS.corrections.fallback).toEqual([]);
  });
});
