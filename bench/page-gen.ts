/**
 * The bench's pages, generated deterministically: the five source articles as plain article pages,
 * a large news-like page (>= 1 MB of text in >= 20,000 text nodes, names at news density, some split
 * across elements), and the paragraphs the dynamic-page scenario appends.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

interface KbPerson {
  id: string;
  name: string;
  givenNames: string[];
  aliases: { text: string; kind: string; case: string; ambiguous?: string; sharedWith?: string[] }[];
}

/** mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function loadPeople(): KbPerson[] {
  const dir = path.join(ROOT, 'data/people');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as KbPerson);
}

export interface ArticlePage {
  id: string;
  title: string;
  html: string;
  chars: number;
}

/** The five source articles, one <p> per non-empty line. */
export function articlePages(): ArticlePage[] {
  const dir = path.join(ROOT, 'data/sources');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.txt$/, '');
      const text = readFileSync(path.join(dir, f), 'utf8');
      let title = id;
      try {
        const meta = JSON.parse(readFileSync(path.join(dir, `${id}.json`), 'utf8')) as {
          headline?: { text?: string };
        };
        title = meta.headline?.text ?? id;
      } catch {
        /* no metadata: the id is the title */
      }
      const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
      const body = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
      const html = page(title, `<article><h1>${escapeHtml(title)}</h1>\n${body}\n</article>`);
      return { id, title, html, chars: text.length };
    });
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:1rem auto;padding:0 1rem;color:#222}
.box{border:1px solid #ccc;padding:.5rem 1rem;margin:1rem 0}aside{font-size:.9em;color:#444}</style>
</head><body>${body}</body></html>`;
}

/** Filler vocabulary: lower-case words of the articles that cannot be read as a name, plus a few proper nouns. */
function vocabulary(people: KbPerson[]): { words: string[]; proper: string[] } {
  const banned = new Set<string>();
  for (const p of people) {
    for (const a of p.aliases) banned.add(a.text.toLowerCase());
    for (const g of p.givenNames) banned.add(g.toLowerCase());
  }
  const dir = path.join(ROOT, 'data/sources');
  const words = new Set<string>();
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    for (const w of readFileSync(path.join(dir, f), 'utf8').split(/[^A-Za-z]+/)) {
      if (/^[a-z]{2,14}$/.test(w) && !banned.has(w)) words.add(w);
    }
  }
  const proper = [
    'Moscow',
    'Kyiv',
    'Washington',
    'Ukraine',
    'Russia',
    'Europe',
    'Kremlin',
    'Florida',
    'Geneva',
    'Monday',
    'Tuesday',
    'Wednesday',
    'December',
    'November',
    'NATO',
    'Brussels',
    'Donbas',
    'Crimea',
  ];
  return { words: [...words].sort(), proper };
}

/** Generates news-like text with names at news density (one per 300-600 characters). */
class NewsWriter {
  private readonly words: string[];
  private readonly proper: string[];
  /** Names written, by form (for the report). */
  readonly written = { full: 0, surname: 0, split: 0, link: 0, titled: 0, possessive: 0 };
  private readonly weighted: KbPerson[];

  constructor(
    private readonly rand: () => number,
    private readonly people: KbPerson[],
  ) {
    const v = vocabulary(people);
    this.words = v.words;
    this.proper = v.proper;
    // The principals appear more often, as in the coverage.
    const heavy = new Set([
      'steve-witkoff',
      'vladimir-putin',
      'volodymyr-zelensky',
      'donald-trump',
      'jared-kushner',
      'marco-rubio',
      'yuri-ushakov',
      'kirill-dmitriev',
      'rustem-umerov',
      'dmitry-peskov',
    ]);
    this.weighted = people.flatMap((p) => (heavy.has(p.id) ? [p, p, p, p] : [p]));
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)] as T;
  }

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }

  /** Plain filler of about `chars` characters (sentences), with inline elements sprinkled in. Returns [html, textLength]. */
  filler(chars: number, inline = true, capitalize = true): [string, number] {
    let html = '';
    let len = 0;
    let sentenceLeft = 0;
    while (len < chars) {
      if (sentenceLeft === 0) sentenceLeft = this.int(8, 20);
      let word = this.rand() < 0.06 ? this.pick(this.proper) : this.pick(this.words);
      const isFirst = (html === '' && capitalize) || html.endsWith('. ');
      if (isFirst) word = word[0]!.toUpperCase() + word.slice(1);
      sentenceLeft--;
      const end = sentenceLeft === 0 ? '. ' : this.rand() < 0.08 ? ', ' : ' ';
      if (inline && this.rand() < 1 / 9) {
        // An inline element around 1-3 words: links, emphasis, spans (text nodes every ~50 chars).
        const extra = this.int(0, 2);
        let phrase = word;
        for (let k = 0; k < extra; k++) phrase += ` ${this.pick(this.words)}`;
        const tag = this.pick(['a', 'em', 'strong', 'span', 'i', 'a', 'b']);
        const open =
          tag === 'a'
            ? `<a href="#n${this.int(1, 9999)}">`
            : tag === 'span'
              ? '<span class="s">'
              : `<${tag}>`;
        html += `${open}${escapeHtml(phrase)}</${tag}>${end}`;
        len += phrase.length + end.length;
      } else {
        html += escapeHtml(word) + end;
        len += word.length + end.length;
      }
    }
    return [html, len];
  }

  /** One name, in one of the forms the press uses. Returns [html, textLength]. */
  name(): [string, number] {
    const p = this.pick(this.weighted);
    const surnameAlias = p.aliases.find((a) => a.kind === 'surname' && /^[A-Za-z]/.test(a.text));
    const surname = surnameAlias?.text ?? p.name;
    const given = p.name.slice(0, p.name.length - surname.length).trim() || p.givenNames[0] || '';
    const isAmbiguous = Boolean(surnameAlias?.ambiguous || surnameAlias?.sharedWith?.length);
    const r = this.rand();
    let text: string;
    let html: string;
    if (r < 0.3 || (isAmbiguous && r < 0.6)) {
      text = p.name;
      html = escapeHtml(text);
      this.written.full++;
    } else if (r < 0.6) {
      text = surname;
      html = escapeHtml(text);
      this.written.surname++;
    } else if (r < 0.72) {
      text = `${given} ${surname}`;
      html = `${escapeHtml(given)} <b>${escapeHtml(surname)}</b>`;
      this.written.split++;
    } else if (r < 0.84) {
      text = p.name;
      html = `<a href="#p-${p.id}">${escapeHtml(text)}</a>`;
      this.written.link++;
    } else if (r < 0.94) {
      const title = this.pick(['President', 'envoy', 'Minister', 'adviser', 'spokesman']);
      text = `${title} ${surname}`;
      html = escapeHtml(text);
      this.written.titled++;
    } else {
      text = `${surname}’s`;
      html = escapeHtml(text);
      this.written.possessive++;
    }
    return [html, text.length];
  }

  /** A paragraph of about `chars` characters with names every 300-600 characters. */
  paragraph(chars: number): [string, number] {
    let html = '';
    let len = 0;
    let nextName = this.int(40, 400);
    while (len < chars) {
      const take = Math.min(nextName, chars - len);
      const [fh, fl] = this.filler(Math.max(1, take), true, html === '');
      html += fh;
      len += fl;
      if (len >= chars) break;
      const [nh, nl] = this.name();
      const sep = this.rand() < 0.5 ? ' ' : ', ';
      html += `${nh}${sep}`;
      len += nl + sep.length;
      nextName = this.int(300, 600);
    }
    return [html.trimEnd(), len];
  }

  namesWritten(): number {
    return Object.values(this.written).reduce((a, b) => a + b, 0);
  }
}

export interface BigPage {
  html: string;
  /** Characters of text written (approximate: entities count as one). */
  textChars: number;
  namesWritten: number;
  forms: NewsWriter['written'];
}

/** The large page: sections of paragraphs, lists, boxes, quotes and link lists. */
export function bigPage(seed = 20251202, minChars = 1_100_000): BigPage {
  const rand = prng(seed);
  const w = new NewsWriter(rand, loadPeople());
  const parts: string[] = ['<header><h1>Live: the peace talks, day by day</h1><nav><ul>'];
  for (let i = 0; i < 12; i++) parts.push(`<li><a href="#s${i}">Section ${i + 1}</a></li>`);
  parts.push('</ul></nav></header><main>');
  let chars = 0;
  let section = 0;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  while (chars < minChars) {
    parts.push(`<section id="s${section}"><h2>`);
    const [hh, hl] = w.filler(int(30, 70), false);
    parts.push(hh, '</h2>');
    chars += hl;
    const blocks = int(6, 12);
    for (let b = 0; b < blocks; b++) {
      const kind = rand();
      if (kind < 0.62) {
        const [ph, pl] = w.paragraph(int(250, 900));
        parts.push('<p>', ph, '</p>');
        chars += pl;
      } else if (kind < 0.77) {
        parts.push('<ul>');
        for (let k = int(3, 6); k > 0; k--) {
          const [lh, ll] = w.paragraph(int(60, 260));
          parts.push('<li>', lh, '</li>');
          chars += ll;
        }
        parts.push('</ul>');
      } else if (kind < 0.9) {
        // Nested boxes: div > p, div > div > p.
        const [a, al] = w.paragraph(int(200, 600));
        const [c, cl] = w.paragraph(int(200, 600));
        parts.push('<div class="box"><p>', a, '</p><div><p>', c, '</p></div></div>');
        chars += al + cl;
      } else if (kind < 0.96) {
        const [q, ql] = w.paragraph(int(150, 400));
        parts.push('<blockquote><p>', q, '</p></blockquote>');
        chars += ql;
      } else {
        parts.push('<aside><ol>');
        for (let k = int(3, 5); k > 0; k--) {
          const [lh, ll] = w.filler(int(40, 90));
          parts.push(`<li><a href="#r${int(1, 99999)}">`, lh, '</a></li>');
          chars += ll;
        }
        parts.push('</ol></aside>');
      }
    }
    parts.push('</section>');
    section++;
  }
  parts.push('</main><footer><p>Generated for the Dramatis bench.</p></footer>');
  return {
    html: page('Bench: large news page', parts.join('')),
    textChars: chars,
    namesWritten: w.namesWritten(),
    forms: { ...w.written },
  };
}

/** The dynamic scenarios' page: an article with a ticker line and an empty feed after it (bench/harness.ts). */
export function dynamicPageHtml(articleHtml: string): string {
  return articleHtml.replace(
    '</body>',
    '<p id="ticker">Live 0: waiting for news.</p><section id="feed"></section></body>',
  );
}

/** Paragraphs for the dynamic-append scenario, grouped in batches of HTML. */
export function appendBatches(
  seed = 777,
  paragraphs = 10_000,
  batches = 100,
): { batches: string[]; names: number } {
  const rand = prng(seed);
  const w = new NewsWriter(rand, loadPeople());
  const out: string[] = [];
  const per = Math.ceil(paragraphs / batches);
  for (let b = 0; b < batches; b++) {
    let html = '';
    for (let k = 0; k < per; k++) {
      const [ph] = w.paragraph(150 + Math.floor(rand() * 300));
      html += `<p>${ph}</p>`;
    }
    out.push(html);
  }
  return { batches: out, names: w.namesWritten() };
}

/** A page that names nobody of the knowledge base: what most pages a reader opens are. */
export interface PlainPage {
  id: string;
  html: string;
  textNodes: number;
}

/**
 * Pages that name nobody (for the page-cost bench): an ordinary 3 KB article, a long reference page
 * (headings, lists, a table, many links: about 250 KB of text) and a page of 10,000 text nodes.
 */
export function plainPages(seed = 4242): PlainPage[] {
  const rand = prng(seed);
  const w = new NewsWriter(rand, loadPeople());
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const paragraphs = (chars: number, inline: boolean): string[] => {
    const out: string[] = [];
    for (let written = 0; written < chars;) {
      const [html, len] = w.filler(int(250, 700), inline);
      out.push(`<p>${html}</p>`);
      written += len;
    }
    return out;
  };
  // Text nodes: the runs of text between tags (whitespace runs included, as the DOM keeps them).
  const count = (html: string) => html.split(/<[^>]*>/).filter((run) => run.length > 0).length;

  const ordinary = `<article><h1>${w.filler(50, false)[0]}</h1>${paragraphs(3_000, false).join('')}</article>`;

  const reference: string[] = ['<nav><ul>'];
  for (let i = 0; i < 40; i++) reference.push(`<li><a href="#r${i}">${w.filler(20, false)[0]}</a></li>`);
  reference.push('</ul></nav><main>');
  for (let section = 0; section < 40; section++) {
    reference.push(`<h2 id="r${section}">${w.filler(30, false)[0]}</h2>`, ...paragraphs(5_000, true));
    reference.push('<table>');
    for (let row = 0; row < 6; row++) {
      reference.push('<tr>');
      for (let cell = 0; cell < 4; cell++) reference.push(`<td>${w.filler(int(5, 25), false)[0]}</td>`);
      reference.push('</tr>');
    }
    reference.push('</table><ul>');
    for (let k = 0; k < 8; k++)
      reference.push(`<li><a href="#x">${w.filler(int(20, 60), false)[0]}</a></li>`);
    reference.push('</ul>');
  }
  reference.push('</main>');

  const many: string[] = ['<main>'];
  for (let i = 0; i < 3_334; i++) {
    const [a] = w.filler(int(10, 30), false);
    const [b] = w.filler(int(10, 30), false);
    many.push(`<div><span>${a}</span> <a href="#n${i}">${b}</a></div>`);
  }
  many.push('</main>');

  return [
    ['plain-article', 'An ordinary article', ordinary],
    ['plain-reference', 'A long reference page', reference.join('')],
    ['plain-10k-nodes', 'A page of 10,000 text nodes', many.join('')],
  ].map(([id, title, body]) => ({ id: id!, html: page(title!, body!), textNodes: count(body!) }));
}
