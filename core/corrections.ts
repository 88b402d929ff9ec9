/**
 * The reader's corrections of who a name is (issue 14): "Not Thomas Graham?" on a card says that this
 * name, on this page (or on the whole site), is someone else or nobody. Stored as the `corrections`
 * setting (core/settings.ts), so they are read with the settings and travel in the settings file; the
 * page-level resolver (`resolveMentions` in core/matcher.ts) takes the ones of the page as facts. Pure.
 */
import { foldString } from './text-normalize';

/** What a corrected name is instead of the person Dramatis took it for. */
export type CorrectionKind = 'someone-else' | 'nobody';

/** One correction, as stored. */
export interface Correction {
  /** page: the page's address alone; site: every page of its site. */
  scope: 'page' | 'site';
  /** The page's address without its fragment (scope page), or the site's host name (scope site). */
  where: string;
  /** The name as the page writes it ("Graham", "Thomas Graham"). */
  name: string;
  /** The id of the person Dramatis took the name for. */
  person: string;
  /** Who the name is instead. */
  is: CorrectionKind;
  /** When the reader made it (ISO 8601). */
  at: string;
}

/** What the resolver needs of a correction: that this name is not this person. */
export interface NameCorrection {
  name: string;
  person: string;
}

/** The most corrections kept: beyond it the oldest go (a page cannot grow the settings without bound). */
export const MAX_CORRECTIONS = 300;

const PERSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// With these bounds the full list stays well inside a settings file (MAX_SETTINGS_FILE_BYTES).
const MAX_NAME_LENGTH = 100;
const MAX_WHERE_LENGTH = 500;

/** The key two spellings of one name share: folded, with its spaces collapsed. */
export function foldName(name: string): string {
  return foldString(name.replace(/\s+/g, ' ').trim());
}

/**
 * A page's address as corrections compare it: http(s) only, without the fragment (the same article
 * with another `#section` is the same page); undefined for anything else.
 */
export function normalizePageAddress(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** The site of a page's address, as a site-wide correction stores it ("www." and a final dot dropped). */
export function siteOfAddress(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host.replace(/^www\./, '').replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/** True when `correction` holds on the page at `url`. */
function holdsOn(correction: Correction, page: string | undefined, site: string | undefined): boolean {
  if (correction.scope === 'page') return correction.where === page;
  return site !== undefined && (site === correction.where || site.endsWith(`.${correction.where}`));
}

/** The corrections that hold on the page at `url` (its own and its site's). */
export function correctionsForPage(corrections: readonly Correction[], url: string): NameCorrection[] {
  const page = normalizePageAddress(url);
  const site = siteOfAddress(url);
  return corrections.filter((c) => holdsOn(c, page, site)).map(({ name, person }) => ({ name, person }));
}

/** What a new correction is made of: the mention, where it was made, and the reader's answer. */
export interface CorrectionRequest {
  name: string;
  person: string;
  url: string;
  is: CorrectionKind;
  scope: 'page' | 'site';
}

/**
 * The corrections with one more (a repeat of the same name, person and place replaces the old one);
 * the oldest go beyond MAX_CORRECTIONS. Unchanged when the page has no http(s) address.
 */
export function addCorrection(
  corrections: readonly Correction[],
  request: CorrectionRequest,
  now: Date,
): Correction[] {
  const where = request.scope === 'page' ? normalizePageAddress(request.url) : siteOfAddress(request.url);
  if (!where) return [...corrections];
  const added: Correction = {
    scope: request.scope,
    where,
    name: request.name.replace(/\s+/g, ' ').trim(),
    person: request.person,
    is: request.is,
    at: now.toISOString(),
  };
  const others = corrections.filter((c) => !isSameCorrection(c, added));
  return [...others, added].slice(-MAX_CORRECTIONS);
}

/** True when two corrections say the same thing of the same place (whatever they say it is). */
export function isSameCorrection(a: Correction, b: Correction): boolean {
  return (
    a.scope === b.scope &&
    a.where === b.where &&
    a.person === b.person &&
    foldName(a.name) === foldName(b.name)
  );
}

/**
 * Reads one correction: the correction, or a sentence saying what is wrong with it (for a settings
 * file's messages: it follows "item N").
 */
export function readCorrection(value: unknown): Correction | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object';
  const v = value as Record<string, unknown>;
  if (v.scope !== 'page' && v.scope !== 'site') return 'has a "scope" that is not "page" or "site"';
  if (typeof v.where !== 'string' || !v.where || v.where.length > MAX_WHERE_LENGTH)
    return 'has no "where" (the page address or site)';
  if (v.scope === 'page' && normalizePageAddress(v.where) !== v.where)
    return `has a "where" that is not a page address without a fragment: "${v.where.slice(0, 80)}"`;
  if (v.scope === 'site' && !/^[a-z0-9.-]+$/.test(v.where))
    return `has a "where" that is not a site name: "${v.where.slice(0, 80)}"`;
  if (typeof v.name !== 'string' || !v.name.trim() || v.name.length > MAX_NAME_LENGTH)
    return `has no "name" (the name as the page writes it, at most ${MAX_NAME_LENGTH} characters)`;
  if (typeof v.person !== 'string' || !PERSON_ID.test(v.person))
    return 'has a "person" that is not a person id (kebab-case)';
  if (v.is !== 'someone-else' && v.is !== 'nobody')
    return 'has an "is" that is not "someone-else" or "nobody"';
  if (typeof v.at !== 'string' || Number.isNaN(Date.parse(v.at))) return 'has an "at" that is not a date';
  return { scope: v.scope, where: v.where, name: v.name, person: v.person, is: v.is, at: v.at };
}

/** A test of whether the page's corrections say that `surface` is not `person` (names compared folded). */
export function makeCorrectionTest(
  corrections: readonly NameCorrection[],
): (person: string, surface: string) => boolean {
  const keys = new Set(corrections.map((c) => `${c.person}\u0000${foldName(c.name)}`));
  return (person, surface) => keys.has(`${person}\u0000${foldName(surface)}`);
}
