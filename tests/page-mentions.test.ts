// @vitest-environment happy-dom
/**
 * PageMentions on a changing page: a bare ambiguous surname ("Graham") is anchored by a naming anywhere
 * on the page, and follows namings added or removed later; namings of other people leave it alone.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PageMentions, type PageMention } from '../page/page-mentions';
import { matcherFromIndex } from '../core/matcher';
import { PEOPLE } from '../data/bundle';
import { MATCHER_INDEX } from '../data/matcher-index';

beforeAll(() => {
  // happy-dom has no StaticRange; the scanner only needs the four fields.
  (globalThis as { StaticRange?: unknown }).StaticRange ??= class {
    constructor(init: StaticRangeInit) {
      Object.assign(this, init);
    }
  };
});

// The page's matcher, as the content script builds it.
const matcher = matcherFromIndex(MATCHER_INDEX, PEOPLE);
const now = () => Promise.resolve();
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 400));
let page: PageMentions | undefined;

afterEach(() => {
  page?.stop();
  page = undefined;
  document.body.innerHTML = '';
});

async function start(html: string): Promise<PageMentions> {
  document.body.innerHTML = html;
  page = new PageMentions(document.body, matcher, {
    scheduleChunk: (task) => void now().then(task),
    scheduleMutations: (task) => void now().then(task),
  });
  page.start();
  await page.firstPass;
  return page;
}

const people = (p: PageMentions) => p.mentions().map((m) => `${m.mention.surface}=${m.mention.person}`);

function append(html: string): HTMLElement {
  const paragraph = document.createElement('p');
  paragraph.innerHTML = html;
  document.body.append(paragraph);
  return paragraph;
}

describe('anchoring on a changing page', () => {
  it('anchors a bare ambiguous surname when its full name appears later, and lets go when it goes', async () => {
    const p = await start('<p>Graham said the talks would fail.</p>');
    expect(people(p)).toEqual([]);
    const naming = append('Thomas Graham, a former adviser, spoke first.');
    await settle();
    expect(people(p)).toEqual(['Graham=thomas-graham', 'Thomas Graham=thomas-graham']);
    naming.remove();
    await settle();
    expect(people(p)).toEqual([]);
  });

  it('keeps a bare surname unanchored while a feed names other people', async () => {
    const p = await start('<p>Graham said the talks would fail.</p>');
    for (let i = 0; i < 20; i++) append(`Update ${i}: Kirill Dmitriev said the talks would go on.`);
    await settle();
    expect(people(p).filter((x) => x.startsWith('Graham'))).toEqual([]);
    expect(people(p).filter((x) => x === 'Kirill Dmitriev=kirill-dmitriev')).toHaveLength(20);
    append('Lindsey Graham, the senator, disagreed.');
    await settle();
    // Someone else of the surname decides too: the bare "Graham" stays unattributed.
    expect(people(p).filter((x) => x.includes('Graham'))).toEqual([]);
    // The first naming after it decides (there is none before): still the senator, not Thomas Graham.
    append('Thomas Graham answered him.');
    await settle();
    expect(people(p).filter((x) => x.includes('Graham'))).toEqual(['Thomas Graham=thomas-graham']);
  });
});

describe('the reader’s view first', () => {
  it('paints the names at the top of a long page in the task that starts the scan, before the rest', () => {
    const filler = '<p>The committee met again on Tuesday and talked about the budget for hours.</p>';
    document.body.innerHTML = `<p>Steve Witkoff flew to Moscow.</p>${filler.repeat(20_000)}<p>Marco Rubio</p>`;
    const later: (() => void)[] = [];
    const painted: string[][] = [];
    page = new PageMentions(document.body, matcher, {
      scheduleChunk: (task) => void later.push(task),
      onChange: ({ added }) => painted.push(added.map((m) => m.mention.surface)),
    });
    page.start();
    // Only the first chunk has run (the page is far longer than one task's budget).
    expect(later).toHaveLength(1);
    expect(painted).toEqual([['Steve Witkoff']]);
  });
});

describe('the first pass on a long page', () => {
  it('leaves resolving and painting what a task found to the next task once scanning spent its budget, and paints every name at the end', () => {
    const names = ['Marco Rubio', 'Kirill Dmitriev', 'Rustem Umerov', 'Yuri Ushakov'];
    document.body.innerHTML = [
      '<p>Steve Witkoff flew to Moscow.</p>',
      ...names.map((name) => `<p>Later that week ${name} spoke to reporters.</p>`),
    ].join('');
    const later: (() => void)[] = [];
    const painted: string[] = [];
    // A clock on which every look costs 9 ms: each task scans one block before its budget is spent.
    let clock = 0;
    page = new PageMentions(document.body, matcher, {
      scheduleChunk: (task) => void later.push(task),
      now: () => (clock += 9),
      onChange: ({ added }) => painted.push(...added.map((m) => m.mention.surface)),
    });
    page.start();
    // The first task (the reader's view) scans, resolves and paints.
    expect([page.mentions().length, painted]).toEqual([1, ['Steve Witkoff']]);
    // The next scans a block and stops: what it found waits for the task after it.
    later.shift()!();
    expect(page.mentions().length).toBe(1);
    later.shift()!();
    expect(page.mentions().map((m) => m.mention.surface)).toEqual(['Steve Witkoff', 'Marco Rubio']);
    for (let task = later.shift(); task; task = later.shift()) task();
    expect(painted).toEqual(['Steve Witkoff', ...names]);
    expect(page.isSettled()).toBe(true);
  });
});

describe('a page that keeps growing', () => {
  it('catches up with thousands of paragraphs in tasks queued behind the page’s own, and finds every name', async () => {
    document.body.innerHTML = '<p>Steve Witkoff flew to Moscow.</p><section id="feed"></section>';
    const backlog: (() => void)[] = [];
    const painted = new Set<PageMention>();
    page = new PageMentions(document.body, matcher, {
      scheduleChunk: (task) => void now().then(task),
      scheduleMutations: (task) => void now().then(task),
      scheduleBacklog: (task) => void backlog.push(task),
      onChange: ({ added, removed }) => {
        for (const m of removed) painted.delete(m);
        for (const m of added) painted.add(m);
      },
    });
    page.start();
    await page.firstPass;
    const feed = document.getElementById('feed')!;
    const paragraphs = Array.from(
      { length: 4_000 },
      (_, i) => `<p>Update ${i}: the committee met; Kirill Dmitriev said the talks would go on.</p>`,
    );
    for (let i = 0; i < paragraphs.length; i += 100)
      feed.insertAdjacentHTML('beforeend', paragraphs.slice(i, i + 100).join(''));
    await settle();
    // One task's budget does not cover them: the rest waits in the backlog's queue, not in the page's way.
    expect(backlog.length).toBeGreaterThan(0);
    expect(page.isSettled()).toBe(false);
    for (let task = backlog.shift(); task; task = backlog.shift()) task();
    expect(page.isSettled()).toBe(true);
    expect(people(page).filter((x) => x === 'Kirill Dmitriev=kirill-dmitriev')).toHaveLength(4_000);
    // Every one of them painted, and nothing else.
    expect(painted).toEqual(new Set(page.mentions()));
  });
});

describe('a page that keeps changing, on a slow machine', () => {
  it('leaves resolving and painting what a DOM-change task scanned to the next task, and forgets a paragraph removed in between', async () => {
    document.body.innerHTML = '<p>Steve Witkoff flew to Moscow.</p><section id="feed"></section>';
    const later: (() => void)[] = [];
    const painted = new Set<string>();
    // A clock on which every look costs 9 ms: each task scans one paragraph before its budget is spent.
    let clock = 0;
    page = new PageMentions(document.body, matcher, {
      scheduleChunk: (task) => void now().then(task),
      scheduleMutations: (task) => void later.push(task),
      scheduleBacklog: (task) => void later.push(task),
      now: () => (clock += 9),
      // As the session's painter takes a change: what went first, then what came.
      onChange: ({ added, removed }) => {
        for (const m of removed) painted.delete(m.mention.surface);
        for (const m of added) painted.add(m.mention.surface);
      },
    });
    page.start();
    await page.firstPass;
    const feed = document.getElementById('feed')!;
    const names = ['Marco Rubio', 'Kirill Dmitriev', 'Rustem Umerov', 'Yuri Ushakov'];
    for (const name of names)
      feed.insertAdjacentHTML('beforeend', `<p>Later that week ${name} spoke to reporters.</p>`);
    await settle();
    expect(later).toHaveLength(1);
    // The first DOM-change task scans one paragraph and stops: what it found waits for the next task.
    later.shift()!();
    expect(page.mentions().map((m) => m.mention.surface)).toEqual(['Steve Witkoff']);
    expect(page.isSettled()).toBe(false);
    // Before that task runs, the page takes the paragraph away again.
    feed.firstElementChild!.remove();
    await settle();
    later.shift()!();
    expect(page.mentions().map((m) => m.mention.surface)).toEqual(['Steve Witkoff', 'Marco Rubio']);
    for (let task = later.shift(); task; task = later.shift()) {
      task();
      if (later.length === 0) await settle(); // the removal's own pass, after the throttle
    }
    const rest = ['Steve Witkoff', ...names.slice(1)];
    expect(page.mentions().map((m) => m.mention.surface)).toEqual(rest);
    expect([...painted]).toEqual(rest);
    expect(page.isSettled()).toBe(true);
  });
});

describe('the reader’s corrections on a page', () => {
  it('a correction takes the name and the bare surnames it anchored at once; undoing it brings them back', async () => {
    const p = await start('<p>Thomas Graham spoke first.</p><p>Graham said the talks would fail.</p>');
    expect(people(p)).toEqual(['Thomas Graham=thomas-graham', 'Graham=thomas-graham']);
    p.setCorrections([{ name: 'Thomas Graham', person: 'thomas-graham' }]);
    expect(people(p)).toEqual([]);
    // A paragraph added later is read under the same correction.
    append('Graham left early.');
    await settle();
    expect(people(p)).toEqual([]);
    p.setCorrections([]);
    expect(people(p)).toEqual([
      'Thomas Graham=thomas-graham',
      'Graham=thomas-graham',
      'Graham=thomas-graham',
    ]);
  });
});
