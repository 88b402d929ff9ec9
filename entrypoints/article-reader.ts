/**
 * The script injected into a tab when the reader asks to save its article (platform/article-access.ts);
 * its return value is the reading. Wiring only: the work is in page/article-reader.ts.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readArticle } from '../page/article-reader';

export default defineUnlistedScript(() => readArticle(document, location.href));
