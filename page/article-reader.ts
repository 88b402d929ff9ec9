/**
 * Reads the article of the page it runs in, for "Save this article" (issue 12): the text from
 * @mozilla/readability, run on a clone of the document (Readability rewrites the DOM it is given, and
 * the page must never change), and the metadata from the page itself (core/page-metadata.ts). Runs only
 * in the script injected on demand (entrypoints/article-reader.ts), never in the content script.
 */
import { Readability } from '@mozilla/readability';
import { walkTextBlocks } from '../core/dom-text';
import { extractPageMetadata } from '../core/page-metadata';
import type { ArticleReading } from '../core/save-article';

/** The reading of `document` (at `pageUrl`); the text is empty when Readability finds no article. */
export function readArticle(document: Document, pageUrl: string): ArticleReading {
  const metadata = extractPageMetadata(document, pageUrl);
  const clone = document.cloneNode(true) as Document;
  // The serializer keeps Readability's cleaned article element, so that its paragraphs stay lines of
  // text (its textContent runs paragraphs together, and the quotation finder reads paragraphs).
  const article = new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();
  const root = article?.content;
  const text = root
    ? [...walkTextBlocks(root)]
        // Source line breaks inside a paragraph are layout, not text: one line per block of running text.
        .map((block) => block.text.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join('\n')
    : '';
  return { text, metadata, pageUrl };
}
