import { describe, expect, it } from 'vitest';
import { classifyPage, explainNoAccess, siteOfUrl, type PageAccess } from '../core/page-access';

describe('classifyPage', () => {
  it.each<[string | undefined, PageAccess]>([
    ['https://www.kyivpost.com/post/12345', 'web'],
    ['http://127.0.0.1:4173/', 'web'],
    ['chrome://extensions/', 'browser-page'],
    ['about:addons', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['edge://settings', 'browser-page'],
    ['view-source:https://example.com/', 'browser-page'],
    ['chrome-extension://abcdefghijklmnop/options.html', 'browser-page'],
    ['moz-extension://5d8b3a1e/popup.html', 'browser-page'],
    ['https://chromewebstore.google.com/detail/x/abc', 'store'],
    ['https://chrome.google.com/webstore/detail/abc', 'store'],
    ['https://chrome.google.com/search?q=x', 'web'],
    ['https://addons.mozilla.org/en-US/firefox/', 'store'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'store'],
    ['https://example.com/report.PDF', 'pdf'],
    ['file:///home/me/report.pdf', 'pdf'],
    ['file:///home/me/article.html', 'file'],
    [undefined, 'unknown'],
    ['not a url', 'unknown'],
  ])('%s is %s', (url, access) => {
    expect(classifyPage(url)).toBe(access);
  });
});

describe('siteOfUrl', () => {
  it.each<[string | undefined, string | undefined]>([
    ['https://www.Example.com/news/1', 'example.com'],
    ['http://127.0.0.1:8080/a', '127.0.0.1'],
    ['http://localhost:3000/', 'localhost'],
    ['chrome://extensions/', undefined],
    ['file:///tmp/a.html', undefined],
    [undefined, undefined],
  ])('%s -> %s', (url, site) => {
    expect(siteOfUrl(url)).toBe(site);
  });
});

describe('explainNoAccess', () => {
  it('says plainly why, for every kind of page', () => {
    expect(explainNoAccess('pdf')).toMatch(/PDF/);
    expect(explainNoAccess('store')).toMatch(/extension stores/);
    expect(explainNoAccess('browser-page')).toMatch(/browsers keep extensions out/);
    expect(explainNoAccess('web')).toMatch(/reload it/);
    expect(explainNoAccess('unknown')).toMatch(/own pages, the extension stores and PDFs/);
  });
});
