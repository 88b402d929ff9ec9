/**
 * The background's quote check (issue 13) over WXT's fake browser: a page's blocks in, each quotation
 * of a knowledge-base person out with its verdict, offsets into its block, and the sources and people
 * the card names; a pack imported later is checked against at once.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PackResult, PageQuotes } from '../platform/messages';
import { serializePack } from '../platform/packs-db';
import { askBackground, startFreshBackground } from './support/background';
import { createTestPack } from './support/packs';

beforeEach(startFreshBackground);

const check = (blocks: string[]) => askBackground<PageQuotes>({ type: 'background:check-quotes', blocks });

describe('background: quote check', () => {
  it('answers each block’s quotations with verdicts, offsets into the block and the sources named', async () => {
    const blocks = [
      'Analysts were blunt about the talks.',
      '“Russia does not intend to fight Europe,” Kremlin spokesman Dmitry Peskov told reporters.',
      '“Putin still believes Russia can achieve his goals … He thus sees no need to compromise,” Steven Pifer said.',
    ];
    const answer = await check(blocks);
    expect(answer.quotes.map(({ block, verdict, speaker }) => ({ block, verdict, speaker }))).toEqual([
      { block: 1, verdict: 'other-speaker', speaker: 'dmitry-peskov' },
      { block: 2, verdict: 'shortened', speaker: 'steven-pifer' },
    ]);
    for (const q of answer.quotes) expect(blocks[q.block]!.slice(q.start, q.end)).toBe(q.text);
    expect(answer.quotes[0]!.matches.map((m) => m.person)).toEqual(['vladimir-putin']);
    expect(answer.sources.map((s) => s.id)).toEqual(['001_9c4c8f1c2ef386b9']);
    expect(answer.sources[0]!.outlet.name).toBeTruthy();
    expect(answer.people.map((p) => p.name).sort()).toEqual([
      'Dmitry Peskov',
      'Steven Pifer',
      'Vladimir Putin',
    ]);
  });

  it('checks against an imported pack’s quotes from then on', async () => {
    const blocks = ['“Nothing is agreed until everything is agreed,” Steve Witkoff said.'];
    expect((await check(blocks)).quotes.map((q) => q.verdict)).toEqual(['new']);
    const imported = await askBackground<PackResult>({
      type: 'background:import-pack',
      text: serializePack(createTestPack()),
      fileName: 'desk.dramatis.json',
    });
    expect(imported.ok).toBe(true);
    const after = await check(blocks);
    expect(after.quotes.map((q) => q.verdict)).toEqual(['other-speaker']);
    expect(after.sources.map((s) => s.outlet.name)).toEqual(['Test Wire']);
  });
});
