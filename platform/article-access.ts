/**
 * Runs the article reader (entrypoints/article-reader.ts) in a tab, on demand: the activeTab grant the
 * reader gave by opening the popup or choosing the context-menu item lets Dramatis inject it into that
 * one tab. MV3 injects with `scripting.executeScript`; Firefox's MV2 build with `tabs.executeScript`.
 */
import { browser } from 'wxt/browser';
import type { ArticleReading } from '../core/save-article';

const READER_FILE = '/article-reader.js';

/** Why a page could not be read, for the reader. */
export class ArticleAccessError extends Error {
  override readonly name = 'ArticleAccessError';
}

/** Injects the reader into `tabId` and returns its reading of the page. */
export async function readArticleInTab(tabId: number): Promise<ArticleReading> {
  let result: unknown;
  try {
    if (browser.scripting?.executeScript) {
      const [first] = await browser.scripting.executeScript({ target: { tabId }, files: [READER_FILE] });
      result = first?.result;
    } else {
      const results = (await browser.tabs.executeScript(tabId, { file: READER_FILE })) as unknown[];
      result = results[0];
    }
  } catch (error) {
    throw new ArticleAccessError(
      `Dramatis cannot read this page (${(error as Error).message ?? String(error)}). Browsers keep extensions out of their own pages and stores; on an ordinary page, open the Dramatis popup there (or right-click the page) and choose “Save this article” again.`,
    );
  }
  const reading = result as Partial<ArticleReading> | undefined;
  if (!reading || typeof reading.text !== 'string' || typeof reading.pageUrl !== 'string')
    throw new ArticleAccessError('Dramatis could not read this page: the reader returned nothing.');
  return reading as ArticleReading;
}
