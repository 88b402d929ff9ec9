/**
 * Knowledge packs: the format (and its committed JSON Schema), the one validation every pack passes
 * (a malformed pack is refused whole, each problem naming pack, entry, field and what is wrong), the
 * merge of packs into the knowledge base the reader sees, and `npm run pack`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergePacks } from '../core/knowledge-base';
import { countPack, packJsonSchema, packOfKnowledgeBase, type Pack } from '../core/pack';
import { readPackFile, validatePack } from '../core/pack-validate';
import type { Person } from '../data/schema';
import { formatProblem } from '../data/validate';
import { loadKnowledgeBase, PROJECT_ROOT } from '../scripts/kb-files';
import { ARTICLE_TEXT, createTestPack } from './support/packs';

const BUNDLED = packOfKnowledgeBase(loadKnowledgeBase());

/** The problems of `pack` joining the bundled pack, as the lines `npm run pack -- check` prints. */
function problemLines(pack: unknown): string[] {
  return validatePack(pack, [BUNDLED], 'test.dramatis.json').problems.map(formatProblem);
}

describe('the pack format', () => {
  it('has its JSON Schema committed, up to date (run `npm run -s pack -- schema > docs/pack.schema.json`)', () => {
    const committed = JSON.parse(
      readFileSync(join(PROJECT_ROOT, 'docs', 'pack.schema.json'), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(packJsonSchema());
  });

  it('describes a pack: format, version, sources with their text, people and additions', () => {
    const schema = packJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(
      expect.arrayContaining(['format', 'version', 'id', 'name', 'sources', 'people', 'additions']),
    );
    expect(JSON.stringify(schema.properties.sources)).toContain('"text"');
  });

  it('exports the bundled knowledge base as a valid pack, which reads back unchanged from its JSON', () => {
    expect(BUNDLED.people.length).toBeGreaterThan(20);
    expect(BUNDLED.sources.every((s) => s.text.length > 1000)).toBe(true);
    const { pack, problems } = readPackFile(JSON.stringify(BUNDLED), []);
    expect(problems).toEqual([]);
    expect(pack).toEqual(BUNDLED);
  });
});

/** The test pack with a paraphrase added to Witkoff's quote (valid: the same context and cue). */
function createPackWithParaphrase(): Pack {
  const pack = createTestPack();
  const [witkoff] = pack.additions;
  const quote = witkoff?.quotes?.[0];
  if (!witkoff || !quote) throw new Error('the test pack adds a quote to steve-witkoff');
  witkoff.quotes = [
    quote,
    { ...quote, id: 'test-paraphrase', kind: 'paraphrase', text: 'He sounded hopeful.' },
  ];
  return pack;
}

describe('countPack', () => {
  it('counts quotes (direct and partial) and paraphrases apart, additions included', () => {
    expect(countPack(createPackWithParaphrase())).toEqual({
      sources: 1,
      people: 1,
      quotes: 2,
      paraphrases: 1,
    });
  });
});

describe('validatePack', () => {
  it('accepts a pack that adds a quote to a bundled person and brings a new person', () => {
    expect(problemLines(createTestPack())).toEqual([]);
  });

  it('refuses a schema error, naming the file, pack, person and field', () => {
    const pack = createTestPack();
    (pack.people[0] as { country?: unknown }).country = 'Ukraine';
    (pack as { version: number }).version = 2;
    expect(problemLines(pack)).toEqual([
      'test.dramatis.json (pack "test-desk"): (pack): version: must be 1 (the version this Dramatis reads)',
      expect.stringMatching(
        /^test\.dramatis\.json \(pack "test-desk"\) people\[0\]: test-desk-olena-testenko: country: /,
      ),
    ]);
    expect(validatePack(pack, [BUNDLED]).pack).toBeUndefined();
  });

  it('refuses a file that is not JSON, or not a pack at all', () => {
    expect(readPackFile('{"format": "dramatis-pack",', [BUNDLED], 'cut.json').problems[0]?.message).toMatch(
      /^not valid JSON/,
    );
    expect(problemLines({ format: 'dramatis-settings', version: 1 })).toContain(
      'test.dramatis.json (pack): (pack): format: must be "dramatis-pack"',
    );
  });

  it('refuses a quote that is not verbatim in its source text (one apostrophe changed), naming it', () => {
    const pack = createTestPack();
    const addition = pack.additions[0]!;
    addition.quotes![0]!.text = 'We are closer than we’ve ever been,';
    expect(problemLines(pack)).toEqual([
      'test.dramatis.json (pack "test-desk") additions[0]: steve-witkoff: quotes[0].text: quote "We are closer than we’ve ever been," is not found verbatim in source test-desk-wire-1',
    ]);
  });

  it('refuses references to unknown people: an addition, and a link', () => {
    const pack = createTestPack();
    pack.additions[0]!.person = 'steve-witkof';
    pack.people[0]!.links[0]!.person = 'nobody-known';
    expect(problemLines(pack)).toEqual([
      'test.dramatis.json (pack "test-desk") additions[0]: steve-witkof (addition): person: unknown person "steve-witkof" (in no other pack)',
      'test.dramatis.json (pack "test-desk") people[0]: test-desk-olena-testenko: links[0].person: unknown person "nobody-known"',
    ]);
  });

  it('refuses a claim citing a source of another pack, and ids another pack already uses', () => {
    const pack = createTestPack();
    const bundledSource = BUNDLED.sources[0]!.id;
    pack.additions[0]!.roles = [{ title: 'Envoy', sources: [bundledSource] }];
    pack.people.push({ ...BUNDLED.people[0]!, quotes: [], descriptions: [], roles: pack.people[0]!.roles });
    pack.sources[0]!.id = bundledSource;
    const lines = problemLines(pack);
    expect(lines).toContain(
      `test.dramatis.json (pack "test-desk") sources[0]: ${bundledSource}: id: already the id of a source of another pack`,
    );
    expect(lines).toContain(
      `test.dramatis.json (pack "test-desk") people[1]: ${BUNDLED.people[0]!.id}: id: already a person of another pack: add to them under "additions"`,
    );
    // The pack's own claims now cite a source id that is not the pack's own.
    expect(lines.some((l) => l.includes('additions[0]: steve-witkoff: roles[0].sources[0]'))).toBe(false);
    expect(lines.some((l) => /people\[0\]: .*: roles\[0\]\.sources\[0\]: unknown source/.test(l))).toBe(true);
  });

  it('carries background statements: cited ones pass, unknown, unused and clashing ones are refused', () => {
    expect(BUNDLED.background?.map((b) => b.id)).toEqual(loadKnowledgeBase().background.map((b) => b.id));
    expect(BUNDLED.background?.length).toBeGreaterThan(0);

    const unknown = createTestPack();
    unknown.sources[0]!.published.background = ['bg-test-desk-nowhere'];
    expect(problemLines(unknown)).toEqual([
      'test.dramatis.json (pack "test-desk") sources[0]: test-desk-wire-1: published.background[0]: unknown background statement "bg-test-desk-nowhere"',
      'test.dramatis.json (pack "test-desk") background[0]: bg-test-desk-talks-year: id: cited by no conflict and no date: background is kept only where a reader needs it',
    ]);

    const clash = createTestPack();
    const bundledStatement = BUNDLED.background![0]!;
    clash.background!.push(bundledStatement);
    clash.additions[0]!.roles = [
      {
        title: 'U.S. envoy',
        sources: ['test-desk-wire-1'],
        conflicts: [
          { kind: 'public-record', note: 'Test note.', sources: ['test-desk-wire-1', bundledStatement.id] },
        ],
      },
    ];
    expect(problemLines(clash)).toEqual([
      `test.dramatis.json (pack "test-desk") background[1]: ${bundledStatement.id}: id: already the id of a background statement of another pack`,
    ]);
  });

  it('checks the cue of an addition against the other pack’s names for the person', () => {
    const pack = createTestPack();
    pack.additions[0]!.actions![0]!.cue = 'said on Tuesday';
    expect(problemLines(pack)).toEqual([
      'test.dramatis.json (pack "test-desk") additions[0]: steve-witkoff: actions[0].cue: cue "said on Tuesday" names nobody: it needs an alias of Steve Witkoff, a description of them from this source, or a pronoun',
    ]);
  });

  it('refuses duplicate ids inside one pack', () => {
    const pack = createTestPack();
    pack.sources.push({ ...pack.sources[0]! });
    pack.additions.push(structuredClone(pack.additions[0]!));
    const lines = problemLines(pack);
    expect(lines).toContain(
      'test.dramatis.json (pack "test-desk") sources[1]: test-desk-wire-1: id: duplicate source id in this pack',
    );
    expect(lines.some((l) => l.includes('duplicate quote id "test-desk-witkoff-closer"'))).toBe(true);
  });
});

describe('mergePacks', () => {
  const pack = createTestPack();

  it('adds the pack’s people and its quotes to bundled people, beside the bundled ones', () => {
    const merged = mergePacks([BUNDLED, pack]);
    const witkoff = merged.people.find((p) => p.id === 'steve-witkoff')!;
    const bundledWitkoff = BUNDLED.people.find((p) => p.id === 'steve-witkoff')!;
    expect(witkoff.quotes.length).toBe(bundledWitkoff.quotes.length + 1);
    expect(witkoff.quotes.at(-1)?.text).toBe('We are closer than we have ever been,');
    expect(merged.people.map((p) => p.id)).toContain('test-desk-olena-testenko');
    expect(merged.sources.find((s) => s.id === 'test-desk-wire-1')).toMatchObject({
      pack: 'test-desk',
      url: 'https://example.com/news/talks',
    });
    expect(JSON.stringify(merged.sources)).not.toContain(ARTICLE_TEXT.slice(0, 40));
  });

  it('leaves out a disabled pack whole, and the claims of a source turned off', () => {
    const off = mergePacks([BUNDLED, pack], { disabledPacks: new Set(['test-desk']) });
    expect(off.people).toEqual(mergePacks([BUNDLED]).people);
    expect(off.people.map((p) => p.id)).not.toContain('test-desk-olena-testenko');

    const sourceOff = mergePacks([BUNDLED, pack], { isSourceOn: (s) => s.id !== 'test-desk-wire-1' });
    const testenko = sourceOff.people.find((p) => p.id === 'test-desk-olena-testenko')!;
    expect(testenko.quotes).toEqual([]);
    expect(testenko.roles).toEqual([]);
    expect(testenko.summary).toEqual([]);
    expect(testenko.country).toBeUndefined();
    expect(
      sourceOff.people.find((p) => p.id === 'steve-witkoff')?.actions.map((a) => a.source),
    ).not.toContain('test-desk-wire-1');
    expect(sourceOff.people.find((p) => p.id === 'steve-witkoff')?.quotes.map((q) => q.source)).not.toContain(
      'test-desk-wire-1',
    );
  });

  it('keeps background statements with their pack, and a conflict only with what it cites that is left', () => {
    const merged = mergePacks([BUNDLED, pack]);
    expect(merged.background.map((b) => b.id)).toContain('bg-test-desk-talks-year');
    expect(mergePacks([BUNDLED, pack], { disabledPacks: new Set(['test-desk']) }).background).toEqual(
      mergePacks([BUNDLED]).background,
    );

    const backgroundCited = (people: readonly Person[]) =>
      people.flatMap((p) =>
        [...p.roles, ...p.actions].flatMap((item) => (item.conflicts ?? []).flatMap((c) => c.sources)),
      );
    expect(backgroundCited(merged.people).filter((id) => id.startsWith('bg-')).length).toBeGreaterThan(0);
    // Without background statements, a public-record conflict keeps only its articles, never a dangling id.
    const noBackground = mergePacks([{ ...BUNDLED, background: [] }]);
    const ids = new Set([...noBackground.sources.map((s) => s.id)]);
    for (const person of noBackground.people)
      for (const item of [...person.roles, ...person.actions])
        for (const conflict of item.conflicts ?? [])
          for (const id of conflict.sources) expect(ids).toContain(id);
  });

  it('reports additions whose person no enabled pack holds', () => {
    const merged = mergePacks([BUNDLED, pack], { disabledPacks: new Set(['bundled']) });
    expect(merged.orphanAdditions).toEqual([{ pack: 'test-desk', person: 'steve-witkoff' }]);
  });
});

describe('npm run pack and npm run spot --pack', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dramatis-pack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (script: string, args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        'npx',
        ['tsx', join(PROJECT_ROOT, 'scripts', script), ...args],
        { cwd: PROJECT_ROOT },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
  const write = (name: string, value: Pack | string) => {
    const path = join(dir, name);
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };

  it('export-bundled prints the bundled pack; check accepts it and a good pack', async () => {
    const exported = await run('pack.ts', ['export-bundled']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(BUNDLED);
    const checked = await run('pack.ts', [
      'check',
      write('bundled.json', exported.stdout),
      write('good.json', createTestPack()),
    ]);
    expect(checked).toMatchObject({ code: 0 });
    const bundled = countPack(BUNDLED);
    expect(checked.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/bundled\.json: ok, pack "bundled": /),
      expect.stringMatching(
        /good\.json: ok, pack "test-desk": 1 source, 1 new person, 2 quotes, 0 paraphrases$/,
      ),
    ]);
    // The bundled pack's counts, quotes and paraphrases apart, as countPack makes them.
    expect(checked.stdout).toContain(
      `${bundled.sources} sources, ${bundled.people} new people, ${bundled.quotes} quotes, ${bundled.paraphrases} paraphrases`,
    );
    expect(bundled.paraphrases).toBeGreaterThan(0);
  }, 60_000);

  it('check prints a pack’s paraphrases apart from its quotes', async () => {
    const checked = await run('pack.ts', ['check', write('paraphrased.json', createPackWithParaphrase())]);
    expect(checked).toMatchObject({ code: 0, stderr: '' });
    expect(checked.stdout).toMatch(
      /^\S*paraphrased\.json: ok, pack "test-desk": 1 source, 1 new person, 2 quotes, 1 paraphrase\n$/,
    );
  }, 60_000);

  it('check exits 1 with one line per problem', async () => {
    const pack = createTestPack();
    pack.additions[0]!.person = 'nobody-known';
    pack.people[0]!.quotes[0]!.text = 'Nothing is agreed.';
    const checked = await run('pack.ts', ['check', write('bad.json', pack)]);
    expect(checked.code).toBe(1);
    const lines = checked.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('additions[0]: nobody-known (addition): person: unknown person');
    expect(lines[1]).toContain('quotes[0].text: quote "Nothing is agreed." is not found verbatim');
  }, 60_000);

  it('spot --pack finds the pack’s new people; a bad pack is refused with its problems', async () => {
    const article = write('article.txt', 'Olena Testenko met Steve Witkoff.');
    const withPack = await run('spot.ts', ['--pack', write('good.json', createTestPack()), article]);
    expect(withPack.code).toBe(0);
    const people = withPack.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { person: string }).person);
    expect(people).toEqual(['test-desk-olena-testenko', 'steve-witkoff']);
    const without = await run('spot.ts', [article]);
    expect(without.stdout).not.toContain('testenko');

    const bad = createTestPack();
    bad.sources[0]!.text = 'Another text.';
    const refused = await run('spot.ts', ['--pack', write('bad.json', bad), article]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(
      'bad.json (pack "test-desk") people[0]: test-desk-olena-testenko: quotes[0].context',
    );
  }, 60_000);
});
