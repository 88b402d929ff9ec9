/**
 * The knowledge base's validator, on the real files altered in memory: every mistake a contributor
 * can make is refused with a problem that names the file, the person and the field, so that a
 * misquote never reaches a reader's card. Then `npm run kb:check` itself, on a broken copy of data/.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateKnowledgeBase, type Problem, type RawKnowledgeBase } from '../data/validate';
import { PROJECT_ROOT, readKnowledgeBaseFiles } from '../scripts/kb-files';

const REAL = readKnowledgeBaseFiles();

interface StatementJson {
  id: string;
  kind: string;
  text: string;
  source: string;
  context: string;
  cue: string;
  topic: string;
}

type PersonJson = Record<string, unknown> & {
  id: string;
  aliases: Record<string, unknown>[];
  roles: {
    title: string;
    sources: string[];
    conflicts?: { kind: string; note: string; sources: string[] }[];
  }[];
  quotes: StatementJson[];
  links: { person: string; relation: string; sources: string[] }[];
};

/** A fresh copy of the real raw knowledge base with one person's JSON rewritten by `edit`. */
function withPerson(id: string, edit: (person: PersonJson) => void, raw = REAL): RawKnowledgeBase {
  const copy = structuredClone(raw);
  const file = copy.people.find((f) => f.path === `data/people/${id}.json`);
  if (!file) throw new Error(`no person ${id}`);
  const person = JSON.parse(file.content) as PersonJson;
  edit(person);
  file.content = JSON.stringify(person, null, 2);
  return copy;
}

function problemsOf(raw: RawKnowledgeBase): Problem[] {
  return validateKnowledgeBase(raw).problems;
}

function personJson(id: string): PersonJson {
  const file = REAL.people.find((f) => f.path === `data/people/${id}.json`);
  return JSON.parse(file?.content ?? 'null') as PersonJson;
}

/** Changes one character of a direct quote: a typographic apostrophe typed as a straight one. */
function misquote(text: string): string {
  const at = text.indexOf('’');
  if (at < 0) throw new Error('the quote has no typographic apostrophe');
  return `${text.slice(0, at)}'${text.slice(at + 1)}`;
}

describe('validateKnowledgeBase on the real files', () => {
  it('finds no problem in the knowledge base as shipped', () => {
    const { kb, problems } = validateKnowledgeBase(REAL);
    expect(problems).toEqual([]);
    expect(kb?.people.length).toBe(REAL.people.length);
    expect(kb?.sources.length).toBe(REAL.sources.length);
  });

  it('refuses a direct quote with one character changed, naming file, person, field and the quote', () => {
    const index = personJson('george-barros').quotes.findIndex(
      (q) => q.kind === 'direct' && q.text.includes('’'),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    let altered = '';
    const raw = withPerson('george-barros', (p) => {
      const quote = p.quotes[index];
      if (!quote) throw new Error('no quote');
      altered = misquote(quote.text);
      quote.text = altered;
    });
    expect(problemsOf(raw)).toEqual([
      {
        file: 'data/people/george-barros.json',
        entry: 'george-barros',
        field: `quotes[${index}].text`,
        message: expect.stringContaining(altered.slice(0, 60)),
      },
    ]);
    expect(validateKnowledgeBase(raw).kb).toBeUndefined();
  });

  it('names the file, person and field of a missing field', () => {
    const raw = withPerson('kaja-kallas', (p) => {
      delete p.summary;
    });
    expect(problemsOf(raw)).toEqual([
      expect.objectContaining({
        file: 'data/people/kaja-kallas.json',
        entry: 'kaja-kallas',
        field: 'summary',
      }),
    ]);
  });

  it('refuses a quote citing a source that does not exist', () => {
    const raw = withPerson('liana-fix', (p) => {
      const quote = p.quotes[0];
      if (quote) quote.source = '999_0123456789abcdef';
    });
    expect(problemsOf(raw)).toEqual([
      {
        file: 'data/people/liana-fix.json',
        entry: 'liana-fix',
        field: 'quotes[0].source',
        message: 'unknown source "999_0123456789abcdef"',
      },
    ]);
  });

  it('refuses an alias two people share without declaring it, on both people', () => {
    const kushner = personJson('jared-kushner');
    const raw = withPerson('jared-kushner', (p) => {
      p.aliases.push({ text: 'WITKOFF', kind: 'surname', case: 'insensitive' });
    });
    const problems = problemsOf(raw);
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual({
      file: 'data/people/jared-kushner.json',
      entry: 'jared-kushner',
      field: `aliases[${kushner.aliases.length}].sharedWith`,
      message: `alias "WITKOFF" is also steve-witkoff's: declare it shared`,
    });
    expect(problems).toContainEqual({
      file: 'data/people/steve-witkoff.json',
      entry: 'steve-witkoff',
      field: 'aliases[0].sharedWith',
      message: `alias "Witkoff" is also jared-kushner's: declare it shared`,
    });
  });

  it('accepts a shared alias declared on both people', () => {
    const once = withPerson('jared-kushner', (p) => {
      p.aliases.push({
        text: 'Witkoff',
        kind: 'surname',
        case: 'insensitive',
        sharedWith: ['steve-witkoff'],
      });
    });
    const both = withPerson(
      'steve-witkoff',
      (p) => {
        const alias = p.aliases[0];
        if (alias) alias.sharedWith = ['jared-kushner'];
      },
      once,
    );
    expect(problemsOf(once)).toEqual([expect.objectContaining({ entry: 'steve-witkoff' })]);
    expect(problemsOf(both)).toEqual([]);
  });

  it('refuses a paraphrase written in quotation marks', () => {
    const index = personJson('kaja-kallas').quotes.findIndex((q) => q.kind === 'paraphrase');
    const raw = withPerson('kaja-kallas', (p) => {
      const quote = p.quotes[index];
      if (quote) quote.text = `She said it was “a trap”.`;
    });
    expect(problemsOf(raw)).toEqual([
      {
        file: 'data/people/kaja-kallas.json',
        entry: 'kaja-kallas',
        field: `quotes[${index}].text`,
        message: 'a paraphrase is in our own words and carries no quotation marks',
      },
    ]);
  });

  it('names the file that is not valid JSON', () => {
    const raw = structuredClone(REAL);
    const file = raw.people.find((f) => f.path === 'data/people/kaja-kallas.json');
    if (!file) throw new Error('no kaja-kallas.json');
    // Nobody links to Kaja Kallas, so her unreadable file is the only problem.
    file.content = file.content.replace(/}\s*$/, '');
    expect(problemsOf(raw)).toEqual([
      {
        file: 'data/people/kaja-kallas.json',
        entry: 'kaja-kallas',
        field: '(file)',
        message: expect.stringMatching(/^not valid JSON/),
      },
    ]);
  });

  it('refuses two people with the same id', () => {
    const raw = structuredClone(REAL);
    const original = raw.people.find((f) => f.path === 'data/people/kaja-kallas.json');
    if (!original) throw new Error('no kaja-kallas.json');
    raw.people.push({ path: 'data/people/kaja-kallas-copy.json', content: original.content });
    const problems = problemsOf(raw);
    expect(problems).toContainEqual({
      file: 'data/people/kaja-kallas-copy.json',
      entry: 'kaja-kallas',
      field: 'id',
      message: 'duplicate id, also used by data/people/kaja-kallas.json',
    });
    expect(problems).toContainEqual({
      file: 'data/people/kaja-kallas-copy.json',
      entry: 'kaja-kallas',
      field: 'id',
      message: 'must equal the file name "kaja-kallas-copy"',
    });
  });
});

const KYIV_POST_000 = '000_3cc1c4cc7cf39fe5';
const ARTICLE_002 = '002_508fa90569225c0e';

/** The one problem of `raw`, which must be about `id`'s `field`. */
function expectOneProblem(raw: RawKnowledgeBase, id: string, field: string, message: RegExp): void {
  expect(problemsOf(raw)).toEqual([
    { file: `data/people/${id}.json`, entry: id, field, message: expect.stringMatching(message) },
  ]);
}

describe('what the articles say, kept apart from our own words', () => {
  it('refuses a paraphrase that copies eight words in a row from an article', () => {
    const index = personJson('yuriy-boyechko').quotes.findIndex((q) => q.id === 'boyechko-wrong-messenger');
    const raw = withPerson('yuriy-boyechko', (p) => {
      const quote = p.quotes[index];
      if (quote)
        quote.text = 'He sees Witkoff as the wrong messenger at the most dangerous moment of the war.';
    });
    expectOneProblem(
      raw,
      'yuriy-boyechko',
      `quotes[${index}].text`,
      /shares 8 or more words in a row with source 000_3cc1c4cc7cf39fe5 \("the wrong messenger at the most dangerous moment/,
    );
  });

  it('refuses a link relation that copies an article, and accepts the same words quoted in “…”', () => {
    const copied = 'Calls the trip a waste of time and a diplomatic misstep';
    const copiedRaw = withPerson('yuriy-boyechko', (p) => {
      const link = p.links[0];
      if (link) link.relation = copied;
    });
    expectOneProblem(copiedRaw, 'yuriy-boyechko', 'links[0].relation', /shares 8 or more words in a row/);
    const quotedRaw = withPerson('yuriy-boyechko', (p) => {
      const link = p.links[0];
      if (link) link.relation = 'Calls the trip “A waste of time and a diplomatic misstep”';
    });
    expect(problemsOf(quotedRaw)).toEqual([]);
  });

  it('refuses words quoted in our prose that the cited article does not print', () => {
    const raw = withPerson('kaja-kallas', (p) => {
      const summary = p.summary as { text: string; sources: string[] }[];
      const first = summary[0];
      if (first) first.text = '002 calls her “the foreign policy chief of Estonia”.';
    });
    expectOneProblem(raw, 'kaja-kallas', 'summary[0].text', /quotes "the foreign policy chief of Estonia"/);
  });

  it('refuses a quotation whose speaker is named only in another paragraph (the narrator’s words)', () => {
    // 000 prints “endless series of Witkoff–Dmitriev conversations” in a paragraph with no speaker,
    // after a paragraph about Sestanovich: the article does not attribute it to him.
    const raw = withPerson('stephen-sestanovich', (p) => {
      p.quotes.push({
        id: 'sestanovich-endless-series',
        kind: 'partial',
        text: 'endless series of Witkoff–Dmitriev conversations',
        source: KYIV_POST_000,
        context:
          'But Sestanovich delivers a blunt assessment: Trump may not realize he’s being played. Russia, he warns, is “tapping him along.” The White House must stop imagining itself as a mediator and instead behave like an interested party supporting Ukraine.\n\nOnly then can Washington reset the balance of power and escape the “endless series of Witkoff–Dmitriev conversations” that create motion without momentum.',
        cue: 'But Sestanovich delivers a blunt assessment',
        topic: 'us-role',
      });
    });
    const index = personJson('stephen-sestanovich').quotes.length;
    expectOneProblem(raw, 'stephen-sestanovich', `quotes[${index}].cue`, /another paragraph/);
  });

  it('refuses a cue that names nobody, and a pronoun far from any naming of the person', () => {
    const carpenter = personJson('michael-carpenter').quotes.findIndex((q) =>
      q.cue.startsWith('Carpenter told'),
    );
    const nameless = withPerson('michael-carpenter', (p) => {
      const quote = p.quotes[carpenter];
      if (quote) quote.cue = 'told Kyiv Post on Tuesday evening';
    });
    expectOneProblem(nameless, 'michael-carpenter', `quotes[${carpenter}].cue`, /names nobody/);

    // Kallas's “She warned” attributed to Leavitt, who is named far earlier in 002.
    const kallas = personJson('kaja-kallas').quotes.find((q) => q.cue === 'She warned');
    if (!kallas) throw new Error('no “She warned” quote of Kaja Kallas');
    const index = personJson('karoline-leavitt').quotes.length;
    const misattributed = withPerson('karoline-leavitt', (p) => {
      p.quotes.push({ ...kallas, id: 'leavitt-misattributed' });
    });
    expectOneProblem(
      misattributed,
      'karoline-leavitt',
      `quotes[${index}].cue`,
      /not named in the \d+ characters before it/,
    );
  });

  it('refuses background cited as if an article stated it, and a public-record conflict without background', () => {
    const asRole = withPerson('kaja-kallas', (p) => {
      p.roles.push({ title: 'EU High Representative', sources: ['bg-kallas-eu-post'] });
    });
    const index = personJson('kaja-kallas').roles.length;
    expectOneProblem(
      asRole,
      'kaja-kallas',
      `roles[${index}].sources[0]`,
      /is background: only an article can state this/,
    );

    const withoutBackground = withPerson('kaja-kallas', (p) => {
      const conflict = p.roles[0]?.conflicts?.[0];
      if (conflict) conflict.sources = [ARTICLE_002, '001_9c4c8f1c2ef386b9'];
    });
    // The statement it cited is now cited by nothing, which is reported too.
    expect(problemsOf(withoutBackground)).toContainEqual({
      file: 'data/people/kaja-kallas.json',
      entry: 'kaja-kallas',
      field: 'roles[0].conflicts[0].sources',
      message: 'public-record cites at least one background statement',
    });
  });

  it('refuses a conflict note that hands down a verdict', () => {
    const raw = withPerson('kaja-kallas', (p) => {
      const conflict = p.roles[0]?.conflicts?.[0];
      if (conflict) conflict.note = '002 is mistaken about her post.';
    });
    expectOneProblem(
      raw,
      'kaja-kallas',
      'roles[0].conflicts[0].note',
      /says "mistaken": say what each source states/,
    );
  });

  it('refuses a background statement that nothing cites', () => {
    const raw = structuredClone(REAL);
    if (!raw.background) throw new Error('no data/background.json');
    const statements = JSON.parse(raw.background.content) as Record<string, string>[];
    statements.push({
      id: 'bg-unused',
      text: 'Kyiv is the capital of Ukraine.',
      restsOn: 'Common knowledge.',
      asOf: '2025-12-01',
    });
    raw.background.content = JSON.stringify(statements);
    expect(problemsOf(raw)).toEqual([
      {
        file: 'data/background.json',
        entry: 'bg-unused',
        field: 'id',
        message: expect.stringMatching(/cited by no conflict and no date/),
      },
    ]);
  });
});

describe('npm run kb:check on a broken copy of data/', () => {
  // A scratch project: the real kb-check, kb-files and validator, byte for byte, over a copy of
  // data/ with one direct quote altered. kb-files.ts reads the data beside the scripts it is in.
  const scratch = mkdtempSync(join(tmpdir(), 'dramatis-kb-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('exits 1 and names the file, person and field of the altered quote', { timeout: 30_000 }, async () => {
    cpSync(join(PROJECT_ROOT, 'data'), join(scratch, 'data'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'scripts'), join(scratch, 'scripts'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'package.json'), join(scratch, 'package.json'));
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(scratch, 'node_modules'), 'dir');
    const path = join(scratch, 'data', 'people', 'george-barros.json');
    const person = JSON.parse(readFileSync(path, 'utf8')) as PersonJson;
    const index = person.quotes.findIndex((q) => q.kind === 'direct' && q.text.includes('’'));
    const quote = person.quotes[index];
    if (!quote) throw new Error('no direct quote with an apostrophe');
    quote.text = misquote(quote.text);
    writeFileSync(path, JSON.stringify(person, null, 2));

    const { status, stderr } = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', join(scratch, 'scripts', 'kb-check.ts')],
        { cwd: scratch, encoding: 'utf8' },
        (error, _stdout, stderr) =>
          resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
      );
    });
    expect(status).toBe(1);
    expect(stderr).toContain(`data/people/george-barros.json: george-barros: quotes[${index}].text: quote "`);
    expect(stderr).toContain('kb:check: 1 problem(s)');
  });
});
