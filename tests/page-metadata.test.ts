// @vitest-environment happy-dom
/**
 * Page metadata for "Save this article" (core/page-metadata.ts), on small pages shaped like real news
 * sites' heads: JSON-LD first (with @graph and @id references, as WordPress/Yoast write them), then
 * Open Graph, then meta tags; every field says where it came from; what no source gives stays empty.
 */
import { describe, expect, it } from 'vitest';
import { extractPageMetadata } from '../core/page-metadata';

const parse = (head: string, body = '<p>Text.</p>') =>
  new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

const OPEN_GRAPH = `
  <meta property="og:title" content="OG: Envoy heads to Moscow">
  <meta property="og:site_name" content="Example Wire">
  <meta property="og:url" content="https://example.com/og-url">
  <meta property="article:published_time" content="2025-12-02T08:00:00Z">
  <meta property="article:author" content="https://example.com/staff/jane">
  <meta name="author" content="Jane Reporter">
  <link rel="canonical" href="/news/envoy-moscow">`;

describe('extractPageMetadata', () => {
  it('reads a NewsArticle’s JSON-LD before Open Graph and meta tags, saying where each field came from', () => {
    const doc = parse(
      ld({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Witkoff  and Kushner head to Moscow',
        datePublished: '2025-12-01T18:30:00+02:00',
        author: [
          { '@type': 'Person', name: 'Olena Writer' },
          { '@type': 'Person', name: 'Tom Editor' },
        ],
        publisher: { '@type': 'NewsMediaOrganization', name: 'Kyiv Post' },
        mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://www.kyivpost.com/post/123' },
      }) + OPEN_GRAPH,
    );
    expect(extractPageMetadata(doc, 'https://www.kyivpost.com/post/123?utm=x')).toEqual({
      headline: { value: 'Witkoff and Kushner head to Moscow', from: 'JSON-LD NewsArticle headline' },
      outlet: { value: 'Kyiv Post', from: 'JSON-LD NewsArticle publisher.name' },
      authors: { value: ['Olena Writer', 'Tom Editor'], from: 'JSON-LD NewsArticle author' },
      published: { value: '2025-12-01T18:30:00+02:00', from: 'JSON-LD NewsArticle datePublished' },
      url: { value: 'https://www.kyivpost.com/post/123', from: 'JSON-LD NewsArticle mainEntityOfPage' },
    });
  });

  it('follows @graph and @id references, and prefers the article node over the page’s other nodes', () => {
    const doc = parse(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', '@id': 'https://example.org/a#page', name: 'Page title | Example' },
          { '@type': 'Organization', '@id': 'https://example.org/#org', name: 'Example Daily' },
          { '@type': 'Person', '@id': 'https://example.org/#jane', name: 'Jane Doe' },
          {
            '@type': ['Article', 'ReportageNewsArticle'],
            headline: 'Talks end without a deal',
            author: { '@id': 'https://example.org/#jane' },
            publisher: { '@id': 'https://example.org/#org' },
            datePublished: '2025-12-03',
            url: '/a',
          },
        ],
      }),
    );
    expect(extractPageMetadata(doc, 'https://example.org/a?ref=home')).toEqual({
      headline: { value: 'Talks end without a deal', from: 'JSON-LD ReportageNewsArticle headline' },
      outlet: { value: 'Example Daily', from: 'JSON-LD ReportageNewsArticle publisher.name' },
      authors: { value: ['Jane Doe'], from: 'JSON-LD ReportageNewsArticle author' },
      published: { value: '2025-12-03', from: 'JSON-LD ReportageNewsArticle datePublished' },
      url: { value: 'https://example.org/a', from: 'JSON-LD ReportageNewsArticle url' },
    });
  });

  it('falls back to Open Graph, then meta tags, field by field; a profile URL is not an author', () => {
    const doc = parse(ld({ '@type': 'NewsArticle', headline: 'From JSON-LD' }) + OPEN_GRAPH);
    expect(extractPageMetadata(doc, 'https://example.com/news/envoy-moscow')).toEqual({
      headline: { value: 'From JSON-LD', from: 'JSON-LD NewsArticle headline' },
      outlet: { value: 'Example Wire', from: 'meta og:site_name' },
      authors: { value: ['Jane Reporter'], from: 'meta author' },
      published: { value: '2025-12-02T08:00:00Z', from: 'meta article:published_time' },
      url: { value: 'https://example.com/og-url', from: 'meta og:url' },
    });
  });

  it('reads meta tags and the canonical link alone, resolving a relative canonical address', () => {
    const doc = parse(`
      <title>Envoy heads to Moscow - Example Wire</title>
      <meta name="citation_title" content="Envoy heads to Moscow">
      <meta name="byl" content="By Sam Byline">
      <meta name="pubdate" content="20251202">
      <link rel="canonical" href="/news/envoy-moscow">`);
    expect(extractPageMetadata(doc, 'https://example.com/amp/envoy-moscow')).toEqual({
      headline: { value: 'Envoy heads to Moscow', from: 'meta citation_title' },
      authors: { value: ['Sam Byline'], from: 'meta byl' },
      published: { value: '20251202', from: 'meta pubdate' },
      url: { value: 'https://example.com/news/envoy-moscow', from: 'link rel=canonical' },
    });
  });

  it('leaves every field empty on a page that says nothing about itself (not even from its <title>)', () => {
    const doc = parse(
      '<title>Some page</title><script type="application/ld+json">{ not json</script>' +
        ld({ '@type': 'WebSite', name: 'Example' }),
    );
    expect(extractPageMetadata(doc, 'https://example.com/')).toEqual({});
  });

  it('ignores a canonical address that is not http(s)', () => {
    const doc = parse(
      '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="ftp://x/y">',
    );
    expect(extractPageMetadata(doc, 'https://example.com/')).toEqual({});
  });
});
