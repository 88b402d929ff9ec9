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

type PersonJson = Record<string, unknown> & {
  id: string;
  aliases: Record<string, unknown>[];
  quotes: { id: string; kind: string; text: string; source: string; context: string }[];
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
      delete p.affiliation;
    });
    expect(problemsOf(raw)).toEqual([
      expect.objectContaining({
        file: 'data/people/kaja-kallas.json',
        entry: 'kaja-kallas',
        field: 'affiliation',
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
