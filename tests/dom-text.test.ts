// @vitest-environment happy-dom
/**
 * The DOM text walk the content script scans: which text of a page is read, how it is grouped into
 * blocks (so a name split by <b> is still one name), and how a mention's offsets map back to the
 * page's text nodes to be painted.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  blockPosition,
  isInSkippedSubtree,
  UI_HOST_TAG,
  walkTextBlocks,
  type TextBlock,
} from '../core/dom-text';
import { buildMatcher, type Mention } from '../core/matcher';
import { spotPage } from '../core/spot-page';
// The knowledge base as the extension bundles it (scripts/kb-files.ts is Node-only: it needs file URLs).
import { OTHER_GIVEN_NAMES, PEOPLE } from '../data/bundle';

function texts(root: Node = document.body): string[] {
  return [...walkTextBlocks(root)].map((b) => b.text);
}

function onlyBlock(root: Node = document.body): TextBlock {
  const blocks = [...walkTextBlocks(root)];
  expect(blocks).toHaveLength(1);
  const [block] = blocks;
  if (!block) throw new Error('no block');
  return block;
}

/** The page's blocks and their mentions, as the content script finds them. */
function walkAndMatch(): { blocks: TextBlock[]; resolved: Mention[][] } {
  const spotted = spotPage(buildMatcher(PEOPLE, OTHER_GIVEN_NAMES), document.body);
  return { blocks: spotted.map((s) => s.block), resolved: spotted.map((s) => s.mentions) };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('blocks of running text', () => {
  it('keeps a name split across inline elements in one block', () => {
    document.body.innerHTML = '<p>Steve <b>Wit<i>koff</i></b> met <a href="#">Vladimir</a> Putin.</p>';
    const block = onlyBlock();
    expect(block.text).toBe('Steve Witkoff met Vladimir Putin.');
    expect(block.nodes.map((n) => n.data)).toEqual(['Steve ', 'Wit', 'koff', ' met ', 'Vladimir', ' Putin.']);
    expect(block.starts).toEqual([0, 6, 9, 13, 18, 26]);
  });

  it('splits blocks at block elements, in document order', () => {
    document.body.innerHTML =
      'Before<div>Steve</div><div>Witkoff</div>After<ul><li>Putin</li><li>Trump</li></ul><h2>End</h2>';
    expect(texts()).toEqual(['Before', 'Steve', 'Witkoff', 'After', 'Putin', 'Trump', 'End']);
  });

  it('joins the two sides of a <br> with "\\n" and drops blocks with no visible text', () => {
    document.body.innerHTML = '<p><br>Steve<br>Witkoff</p><p>  <br>  </p><p>\n</p>';
    const block = onlyBlock();
    expect(block.text).toBe('Steve\nWitkoff');
    expect(block.starts).toEqual([0, 6]);
  });
});

describe('words that markup glues together', () => {
  it('reads an element boundary as a word boundary where a name meets a number or a capital', () => {
    document.body.innerHTML =
      '<li><a href="#">Donald Trump</a><span>42,070</span></li><li><a>Marco Rubio</a><b>Secretary of State</b></li>';
    const { blocks, resolved } = walkAndMatch();
    expect(resolved.flat().map((m) => `${m.person}: ${m.surface}`)).toEqual([
      'donald-trump: Donald Trump',
      'marco-rubio: Marco Rubio',
    ]);
    const [first] = blocks;
    if (!first) throw new Error('no block');
    expect(blockPosition(first, 12, true)).toEqual({ node: first.nodes[0], offset: 12 });
  });

  it('keeps a word split for styling in one piece ("<span>S</span>teve", "Wit<b>koff</b>")', () => {
    document.body.innerHTML = '<p><span class="dropcap">S</span>teve Wit<b>koff</b> flew in.</p>';
    expect(onlyBlock().text).toBe('Steve Witkoff flew in.');
  });
});

describe('text that is never scanned', () => {
  it('skips code, form fields, templates, editable regions and our own UI', () => {
    document.body.innerHTML = `
      <p>Visible Witkoff</p>
      <script>var Putin = 1;</script>
      <style>.Putin {}</style>
      <noscript>Putin noscript</noscript>
      <template><p>Putin template</p></template>
      <textarea>Putin textarea</textarea>
      <select><option>Putin option</option></select>
      <div contenteditable="true">Putin editable</div>
      <div contenteditable="">Putin editable empty</div>
      <div contenteditable="plaintext-only">Putin plain editable</div>
      <div role="textbox">Putin textbox</div>
      <div contenteditable="false">Not editable Macron</div>
      <${UI_HOST_TAG}><p>Putin card</p></${UI_HOST_TAG}>
      <p>Last Zelensky</p>`;
    // An <input> has no text children in HTML; a script can still append one.
    const input = document.createElement('input');
    input.appendChild(document.createTextNode('Putin input'));
    document.body.appendChild(input);
    expect(texts()).toEqual(['Visible Witkoff', 'Not editable Macron', 'Last Zelensky']);
  });

  it("does not walk into our own UI host's shadow root", () => {
    const host = document.createElement(UI_HOST_TAG);
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Vladimir Putin in a card</p>';
    document.body.append(host);
    expect(texts()).toEqual([]);
    const inCard = host.shadowRoot?.querySelector('p')?.firstChild;
    if (!inCard) throw new Error('no card text');
    expect(isInSkippedSubtree(inCard)).toBe(true);
  });

  it('tells whether text added later sits in a skipped subtree', () => {
    document.body.innerHTML = '<p>Putin <b>said</b></p><div contenteditable><p><b>Putin</b></p></div>';
    const said = document.querySelector('p b')?.firstChild;
    const editable = document.querySelector('div b')?.firstChild;
    if (!said || !editable) throw new Error('fixture');
    expect(isInSkippedSubtree(said)).toBe(false);
    expect(isInSkippedSubtree(editable)).toBe(true);
  });
});

describe('shadow DOM and hostile pages', () => {
  it('walks open shadow roots', () => {
    const host = document.createElement('article-card');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Steve <b>Witkoff</b> in a shadow root</p>';
    document.body.append(host);
    expect(texts()).toEqual(['Steve Witkoff in a shadow root']);
  });

  it('walks 50,000 nested elements without overflowing the stack', () => {
    const root = document.createElement('div');
    let deepest: Element = root;
    for (let i = 0; i < 50_000; i++) {
      const child = document.createElement(i % 2 ? 'span' : 'div');
      deepest.appendChild(child);
      deepest = child;
    }
    deepest.appendChild(document.createTextNode('Vladimir Putin'));
    expect(texts(root)).toEqual(['Vladimir Putin']);
  });
});

describe('mapping block offsets back to the page', () => {
  function rangeText(block: TextBlock, start: number, end: number): string {
    const from = blockPosition(block, start, false);
    const to = blockPosition(block, end, true);
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range.toString();
  }

  it('maps node boundaries to the right node: a start to the next node, an end to the previous', () => {
    document.body.innerHTML = '<p>Steve <b>Witkoff</b> met</p>';
    const block = onlyBlock();
    const [steve, witkoff, met] = block.nodes;
    expect(blockPosition(block, 0, false)).toEqual({ node: steve, offset: 0 });
    expect(blockPosition(block, 6, false)).toEqual({ node: witkoff, offset: 0 });
    expect(blockPosition(block, 6, true)).toEqual({ node: steve, offset: 6 });
    expect(blockPosition(block, 13, true)).toEqual({ node: witkoff, offset: 7 });
    expect(blockPosition(block, 13, false)).toEqual({ node: met, offset: 0 });
    expect(blockPosition(block, 17, true)).toEqual({ node: met, offset: 4 });
    expect(rangeText(block, 6, 13)).toBe('Witkoff');
  });

  it('clamps offsets that fall on a <br> separator into the neighbouring nodes', () => {
    document.body.innerHTML = '<p>Steve<br><br>Witkoff</p>';
    const block = onlyBlock();
    expect(block.text).toBe('Steve\n\nWitkoff');
    const [steve, witkoff] = block.nodes;
    expect(blockPosition(block, 6, false)).toEqual({ node: witkoff, offset: 0 });
    expect(blockPosition(block, 7, true)).toEqual({ node: steve, offset: 5 });
  });

  it("paints each matcher mention over exactly the mention's surface", () => {
    document.body.innerHTML =
      '<h1>Dmitriev in Miami</h1><p>Envoy Steve <b>Wit</b>koff met <i>Kirill</i>&nbsp;Dmitriev and <a>Jared Kushner</a>.</p>';
    const { blocks, resolved } = walkAndMatch();
    const painted = blocks.flatMap((block, i) =>
      (resolved[i] ?? []).map((m) => {
        expect(rangeText(block, m.start, m.end)).toBe(m.surface);
        return `${m.person}: ${m.surface}`;
      }),
    );
    expect(painted).toEqual([
      'kirill-dmitriev: Dmitriev',
      'steve-witkoff: Steve Witkoff',
      'kirill-dmitriev: Kirill\u00a0Dmitriev',
      'jared-kushner: Jared Kushner',
    ]);
  });
});
