// @vitest-environment happy-dom
/**
 * The injected article reader (page/article-reader.ts) on a news page with JSON-LD: the article's text
 * without navigation or "most read" lists, one line per paragraph, the metadata with where each field
 * came from, and the page left exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../page/article-reader';

const PAGE = readFileSync(resolve(__dirname, 'fixtures/pages/saved-article.html'), 'utf8');

describe('readArticle', () => {
  it('reads the article text and metadata from a clone, leaving the page unchanged', () => {
    document.documentElement.innerHTML = PAGE;
    const before = document.documentElement.outerHTML;
    const reading = readArticle(document, 'http://127.0.0.1:4173/saved-article.html');
    expect(document.documentElement.outerHTML).toBe(before);

    const lines = reading.text.split('\n');
    expect(lines).toContain(
      '“We narrowed the list of open questions, and that is real work,” Steve Witkoff told reporters outside the hotel where the delegations had met since Wednesday morning.',
    );
    expect(reading.text).not.toContain('Most read');
    expect(reading.text).not.toContain('Business');
    expect(reading.metadata.headline).toEqual({
      value: 'Envoys leave Geneva with no date for a second round',
      from: 'JSON-LD NewsArticle headline',
    });
    expect(reading.metadata.outlet?.value).toBe('The Harbour Ledger');
    expect(reading.metadata.url?.value).toBe('https://harbour-ledger.example/world/2025/12/11/geneva-envoys');
    expect(reading.pageUrl).toBe('http://127.0.0.1:4173/saved-article.html');
  });
});
