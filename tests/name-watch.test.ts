// @vitest-environment happy-dom
/**
 * The first stage on every page (page/name-watch.ts): it says once that a page may name someone, wherever
 * the page's matcher would find them (at load, in what the page adds, in open shadow roots, for the people
 * the reader added), says nothing on a page that names nobody, and never writes to the page.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileAddedPeople } from '../core/added-people';
import { walkTextBlocks } from '../core/dom-text';
import { matcherFromIndex, resolveMentions, scanText } from '../core/matcher';
import { nameGateSource } from '../core/name-gate-source';
import { OTHER_GIVEN_NAMES, PEOPLE } from '../data/bundle';
import { parseMarked } from './support/marked';
import { readFileSync } from 'node:fs';
import { MATCHER_INDEX, MATCHER_PEOPLE } from '../data/matcher-index';
import { BUNDLED_NAME_GATE } from '../data/name-gate';
import { NameWatch } from '../page/name-watch';

let watch: NameWatch | undefined;

afterEach(() => {
  watch?.stop();
  watch = undefined;
  document.body.innerHTML = '';
});

/** Starts a watch on the page's body (as the content script does); `onNames` records its calls. */
function startWatch(html?: string, sliceMs?: number) {
  if (html !== undefined) document.body.innerHTML = html;
  const onNames = vi.fn();
  watch = new NameWatch({ root: document.body, gate: BUNDLED_NAME_GATE, onNames, sliceMs });
  return { watch, onNames };
}

/** Lets the page's mutations reach the watch and its time slices run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 30));

/** The people the page's matcher (the second stage) finds on the page, read as the session reads it. */
function matcherFinds(root: Node = document.body): string[] {
  const matcher = matcherFromIndex(MATCHER_INDEX, MATCHER_PEOPLE);
  const blocks = [...walkTextBlocks(root)].map((block) => block.text);
  return resolveMentions(blocks.map((text) => scanText(matcher, text))).flatMap((found) =>
    found.map((m) => m.person),
  );
}

const NOBODY = `<h1>Rain across the north</h1>
  <p>Rain is expected on Thursday, with strong winds along the coast and snow on higher ground.</p>
  <p>He played his trump card; a quick fix, they said. <i>Mark my words</i>, I will not.</p>
  <ul><li>Don't drive</li><li>Check for delays</li></ul>`;

describe('a page that names nobody', () => {
  it('never hears from the watch, at load or as it changes', async () => {
    const { onNames } = startWatch(NOBODY);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'More rain on Friday.' }));
    await settle();
    expect(matcherFinds()).toEqual([]);
    expect(onNames).not.toHaveBeenCalled();
    expect(watch?.isStopped).toBe(false);
  });

  it('says once that it has read the page as loaded and found nobody (a page that names someone never does)', async () => {
    document.body.innerHTML = NOBODY;
    const onShut = vi.fn();
    watch = new NameWatch({ root: document.body, gate: BUNDLED_NAME_GATE, onNames: vi.fn(), onShut });
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'More rain on Friday.' }));
    await settle();
    expect(onShut).toHaveBeenCalledOnce();
    watch.stop();

    document.body.innerHTML = '<p>Marco Rubio spoke.</p>';
    const named = { onNames: vi.fn(), onShut: vi.fn() };
    watch = new NameWatch({ root: document.body, gate: BUNDLED_NAME_GATE, ...named });
    await vi.waitFor(() => expect(named.onNames).toHaveBeenCalledOnce());
    expect(named.onShut).not.toHaveBeenCalled();
  });

  it('goes idle after reading a change that names nobody (no reading again and again)', async () => {
    const { onNames } = startWatch(NOBODY);
    (document.querySelector('li')!.firstChild as Text).data = 'Do not drive';
    document.querySelector('h1')!.append(' tonight');
    await settle();
    const timers = vi.spyOn(globalThis, 'setTimeout');
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
    expect(timers).toHaveBeenCalledTimes(1); // this test's own
    timers.mockRestore();
    expect(onNames).not.toHaveBeenCalled();
  });

  it('with a name only in code, styles, noscript or a text field, still names nobody', async () => {
    const { onNames } = startWatch(`${NOBODY}
      <script>const Witkoff = 'Putin';</script>
      <style>.Putin { color: red; }</style>
      <noscript>Steve Witkoff</noscript>
      <textarea>Vladimir Putin</textarea>`);
    const script = document.createElement('script');
    script.textContent = 'window.Zelensky = 1;';
    document.body.append(script);
    await settle();
    expect(matcherFinds()).toEqual([]);
    expect(onNames).not.toHaveBeenCalled();
  });
});

describe('a page that names someone', () => {
  it('hears once, at load', async () => {
    const { onNames, watch } = startWatch(`${NOBODY}<p>Steve Witkoff met Vladimir Putin.</p>`);
    expect(matcherFinds()).toContain('steve-witkoff');
    await vi.waitFor(() => expect(onNames).toHaveBeenCalledOnce());
    expect(watch.isStopped).toBe(true);
  });

  it('hears when the page adds a paragraph that names someone', async () => {
    const { onNames } = startWatch(NOBODY);
    await settle();
    expect(onNames).not.toHaveBeenCalled();
    const added = document.createElement('div');
    added.innerHTML = '<p>Later, <b>Kirill Dmitriev</b> flew to Miami.</p>';
    document.body.appendChild(added);
    await vi.waitFor(() => expect(onNames).toHaveBeenCalledOnce());
  });

  it('hears when the page rewrites an element’s text to name someone', async () => {
    const { onNames } = startWatch(NOBODY);
    await settle();
    document.querySelector('h1')!.textContent = 'Zelensky flies to Berlin';
    await vi.waitFor(() => expect(onNames).toHaveBeenCalledOnce());
  });

  it('hears when the page changes a text node’s data to name someone', async () => {
    const { onNames } = startWatch(NOBODY);
    await settle();
    const text = document.querySelector('li')!.firstChild as Text;
    text.data = 'Don’t believe Peskov';
    await vi.waitFor(() => expect(onNames).toHaveBeenCalledOnce());
  });

  it('hears a name inside an open shadow root, at load or added later', async () => {
    document.body.innerHTML = NOBODY;
    const host = document.createElement('article-body');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Karoline Leavitt told reporters.</p>';
    document.body.append(host);
    expect(matcherFinds()).toContain('karoline-leavitt');
    const atLoad = startWatch();
    await vi.waitFor(() => expect(atLoad.onNames).toHaveBeenCalledOnce());
    watch?.stop();

    host.remove();
    const later = startWatch();
    await settle();
    expect(later.onNames).not.toHaveBeenCalled();
    document.body.append(host);
    await vi.waitFor(() => expect(later.onNames).toHaveBeenCalledOnce());
  });

  it('hears no more once it has heard: later names do not call again', async () => {
    const { onNames, watch } = startWatch('<p>Marco Rubio spoke.</p>');
    await vi.waitFor(() => expect(onNames).toHaveBeenCalledOnce());
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Kaja Kallas replied.' }));
    (document.querySelector('p')!.firstChild as Text).data = 'Sergey Lavrov spoke.';
    watch.addGate(BUNDLED_NAME_GATE);
    await settle();
    expect(onNames).toHaveBeenCalledOnce();
  });

  it('says nothing once stopped (the extension went away)', async () => {
    const { onNames, watch } = startWatch(NOBODY);
    watch.stop();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Putin spoke.' }));
    await settle();
    expect(onNames).not.toHaveBeenCalled();
  });
});

describe('the people the reader added', () => {
  const added = compileAddedPeople(
    [
      ...PEOPLE,
      {
        ...PEOPLE[0]!,
        id: 'keith-kellogg',
        name: 'Keith Kellogg',
        givenNames: ['Keith'],
        aliases: [{ text: 'Kellogg', kind: 'surname', case: 'insensitive' }],
        links: [],
      },
    ],
    new Set(PEOPLE.map((p) => p.id)),
    OTHER_GIVEN_NAMES,
  );

  it('are heard on the page already read once their gate is added', async () => {
    const { onNames, watch } = startWatch(`${NOBODY}<p>Envoy Keith Kellogg arrived in Kyiv.</p>`);
    await settle();
    expect(onNames).not.toHaveBeenCalled();
    watch.addGate(nameGateSource(added!.index, added!.people));
    await vi.waitFor(() => expect(onNames).toHaveBeenCalledOnce());
  });

  it('are heard in what the page adds after their gate was added', async () => {
    const { onNames, watch } = startWatch(NOBODY);
    watch.addGate(nameGateSource(added!.index, added!.people));
    await settle();
    expect(onNames).not.toHaveBeenCalled();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Kellogg said no.' }));
    await vi.waitFor(() => expect(onNames).toHaveBeenCalledOnce());
  });
});

describe('a large page', () => {
  it('reads 20,000 paragraphs in slices, finds the name in the last, and never writes to the page', async () => {
    const paragraphs = Array.from(
      { length: 20_000 },
      (_, i) => `<p>Paragraph ${i} of the weather report.</p>`,
    );
    document.body.innerHTML = `${paragraphs.join('')}<p>Yuri Ushakov closed the briefing.</p>`;
    const before = document.body.innerHTML;
    const mutations: MutationRecord[] = [];
    const spy = new MutationObserver((records) => mutations.push(...records));
    spy.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const { onNames } = startWatch(undefined, 1);
    expect(onNames, 'the first slice yields to the page before the end').not.toHaveBeenCalled();
    await vi.waitFor(() => expect(onNames).toHaveBeenCalledOnce(), { timeout: 20_000, interval: 20 });
    await settle();
    spy.disconnect();
    expect(mutations).toEqual([]);
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('a name that markup splits across text nodes', () => {
  it.each([
    '<p>Envoy Steve Wit<b>koff</b> flew in.</p>',
    '<p><span class="drop-cap">P</span>utin said so.</p>',
    '<p>Defence Minister <a href="#r">Rustem</a> Umirov said so.</p>',
    '<p>Defence Minister Rustem <a href="#r">Umirov</a> said so.</p>',
    '<p><span>Rus</span><span>tem</span> <em>Umi</em>rov said so.</p>',
    '<h2>THE WAR</h2><p><span>Z</span>elensky said so.</p>',
    // Markup that glues words: the page's text read whole holds "talksWitkoff", "Witkoffenvoy", "RustemUmirov".
    '<h2>Peace talks</h2><p>Witkoff flew in.</p>',
    '<ul><li>Witkoff</li><li>envoy to the talks</li></ul>',
    '<p>Defence Minister Rustem<br>Umirov said so.</p>',
  ])('%s', async (html) => {
    document.body.innerHTML = html;
    expect(matcherFinds()).not.toEqual([]);
    const { onNames } = startWatch();
    await vi.waitFor(() => expect(onNames).toHaveBeenCalledOnce());
  });
});

describe('a name that markup splits across text nodes, as the page changes', () => {
  /** A page, then a change to it; the matcher finds someone after the change, and so must the watch. */
  it.each<[string, string, (body: HTMLElement) => void]>([
    [
      'text added after a drop cap',
      '<p><span>P</span></p>',
      (b) => b.querySelector('p')!.append('utin said so.'),
    ],
    [
      'a surname added after a given name',
      '<p>Minister Rustem <b></b></p>',
      (b) => (b.querySelector('b')!.textContent = 'Umirov'),
    ],
    [
      'the start of a name added before its end',
      '<p><i></i>tin said so.</p>',
      (b) => (b.querySelector('i')!.textContent = 'Pu'),
    ],
    [
      'a text node changed to end a name',
      '<p><b>Pu</b><i>xx</i> said so.</p>',
      (b) => ((b.querySelector('i')!.firstChild as Text).data = 'tin'),
    ],
    [
      'the start of a name added before two nodes that end it',
      '<p><span></span><span>u</span><span>tin received the envoy.</span></p>',
      (b) => (b.querySelector('span')!.textContent = 'President P'),
    ],
    [
      'a name begun two nodes back',
      '<p><b>Z</b><i>e</i><u>l</u></p>',
      (b) => b.querySelector('p')!.append(document.createElement('span'), 'ensky said so.'),
    ],
  ])('%s', async (_, html, change) => {
    const { onNames } = startWatch(html);
    await settle();
    expect(onNames).not.toHaveBeenCalled();
    change(document.body);
    expect(matcherFinds()).not.toEqual([]);
    await vi.waitFor(() => expect(onNames).toHaveBeenCalledOnce());
  });
});

describe('the watch against the matcher on pages made of split text', () => {
  const texts = (
    JSON.parse(readFileSync('tests/fixtures/hard-cases.json', 'utf8')) as {
      marked: string;
    }[]
  ).map((c) => parseMarked(c.marked).text);
  const INLINE = ['span', 'b', 'a', 'em'];
  const BLOCK = ['p', 'div', 'li'];

  const page = fc.record({
    text: fc.constantFrom(...texts),
    cuts: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
    tags: fc.array(fc.constantFrom(...INLINE, ...BLOCK, '#text', 'br'), { minLength: 12, maxLength: 12 }),
    late: fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }),
  });

  /** Writes `text` into the body cut at `cuts`, each piece in a text node or an element of `tags`; returns the pieces' nodes. */
  function build(
    text: string,
    cuts: readonly number[],
    tags: readonly string[],
  ): { node: Text | Element; piece: string }[] {
    const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    const body = document.body;
    body.innerHTML = '';
    let last = 0;
    return [...points, text.length].map((point, i) => {
      const piece = text.slice(last, point);
      last = point;
      const tag = tags[i % tags.length] ?? '#text';
      if (tag === '#text' || tag === 'br') {
        const node = document.createTextNode(piece);
        if (tag === 'br') body.append(document.createElement('br'));
        body.append(node);
        return { node, piece };
      }
      const node = Object.assign(document.createElement(tag), { textContent: piece });
      body.append(node);
      return { node, piece };
    });
  }

  it('hears wherever the matcher finds someone, however markup cuts and wraps the text', () => {
    let heard = 0;
    fc.assert(
      fc.property(page, ({ text, cuts, tags }) => {
        watch?.stop();
        build(text, cuts, tags);
        const found = matcherFinds();
        // A page of a few nodes is read within the first slice, before the constructor returns.
        const { onNames } = startWatch();
        if (found.length === 0) return;
        heard++;
        expect(onNames, document.body.innerHTML).toHaveBeenCalledOnce();
      }),
      { numRuns: 300 },
    );
    expect(heard).toBeGreaterThan(100);
  });

  it('hears wherever the matcher finds someone once the page has written in the pieces it left empty', async () => {
    let heard = 0;
    await fc.assert(
      fc.asyncProperty(page, async ({ text, cuts, tags, late }) => {
        watch?.stop();
        const pieces = build(text, cuts, tags);
        const found = matcherFinds();
        const emptied = pieces.filter((_, i) => late[i]);
        for (const { node } of emptied) {
          if (node.nodeType === Node.TEXT_NODE) (node as Text).data = '';
          else node.textContent = '';
        }
        const { onNames } = startWatch();
        if (found.length === 0 || emptied.length === 0 || onNames.mock.calls.length > 0) return;
        heard++;
        for (const { node, piece } of emptied) {
          if (node.nodeType === Node.TEXT_NODE) (node as Text).data = piece;
          else node.textContent = piece;
        }
        await vi.waitFor(() => expect(onNames, document.body.innerHTML).toHaveBeenCalledOnce(), {
          timeout: 500,
          interval: 5,
        });
      }),
      { numRuns: 150 },
    );
    expect(heard).toBeGreaterThan(20);
  });
});
