/**
 * A news page's metadata for "Save this article" (issue 12): headline, outlet, authors, publication
 * date and canonical address, read in order of trust from schema.org JSON-LD (NewsArticle and its kin),
 * then Open Graph, then other meta tags. Each field says where it came from; a field no source gives
 * stays undefined (never guessed, not even from the <title>, which usually carries the outlet too), and
 * the reader edits every field before saving. Pure: takes a Document, touches nothing.
 */

/** One field's value and where on the page it was read (e.g. `JSON-LD NewsArticle headline`, `og:title`). */
export interface MetadataField<T> {
  value: T;
  from: string;
}

/** What the page says about itself. */
export interface PageMetadata {
  headline?: MetadataField<string>;
  outlet?: MetadataField<string>;
  authors?: MetadataField<string[]>;
  /** As the page writes it (an ISO 8601 date or date-time, normally). */
  published?: MetadataField<string>;
  /** The canonical address, absolute. */
  url?: MetadataField<string>;
}

/** schema.org types of a news article or its kin, most specific first (a page may declare several). */
const ARTICLE_TYPES = [
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'LiveBlogPosting',
  'Article',
  'BlogPosting',
  'Report',
];

type LdNode = Record<string, unknown>;

/** Collapses whitespace; undefined for an empty or non-string value. */
function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/** True when `text` is an address rather than a name (article:author often holds a profile URL). */
function isAddress(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

/** Makes `href` absolute against `base`; undefined unless it is an http(s) address. */
function absoluteUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Every JSON-LD node of the page (arrays and `@graph`s flattened); unparsable blocks are skipped. */
function readJsonLd(document: Document): LdNode[] {
  const nodes: LdNode[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      nodes.push(value as LdNode);
      const graph = (value as LdNode)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(script.textContent ?? '') as unknown);
    } catch {
      // A page's broken JSON-LD block says nothing; the other sources may.
    }
  }
  return nodes;
}

function typesOf(node: LdNode): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^https?:\/\/schema\.org\//, ''));
}

/** The node `value` stands for: itself, or the node its `@id` refers to elsewhere on the page. */
function resolve(value: unknown, nodes: readonly LdNode[]): LdNode | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const node = value as LdNode;
  const id = node['@id'];
  if (typeof id === 'string' && Object.keys(node).length === 1)
    return nodes.find((n) => n !== node && n['@id'] === id) ?? node;
  return node;
}

/** A name from a string, or a node's `name` (resolving `@id` references). */
function nameOf(value: unknown, nodes: readonly LdNode[]): string | undefined {
  return clean(value) ?? clean(resolve(value, nodes)?.name);
}

/** The article node the page describes: the most specific article type wins, then the first. */
function findArticle(nodes: readonly LdNode[]): { node: LdNode; type: string } | undefined {
  for (const type of ARTICLE_TYPES) {
    const node = nodes.find((n) => typesOf(n).includes(type));
    if (node) return { node, type };
  }
  return undefined;
}

/** The metadata JSON-LD gives. */
function fromJsonLd(document: Document, base: string | undefined): PageMetadata {
  const nodes = readJsonLd(document);
  const found = findArticle(nodes);
  if (!found) return {};
  const { node, type } = found;
  const at = (field: string) => `JSON-LD ${type} ${field}`;
  const out: PageMetadata = {};

  const headline = clean(node.headline) ?? clean(node.name);
  if (headline) out.headline = { value: headline, from: at(clean(node.headline) ? 'headline' : 'name') };

  const publishers = Array.isArray(node.publisher) ? node.publisher : [node.publisher];
  const outlet = publishers.map((p) => nameOf(p, nodes)).find((name) => name !== undefined);
  if (outlet) out.outlet = { value: outlet, from: at('publisher.name') };

  const authorList = Array.isArray(node.author)
    ? node.author
    : node.author === undefined
      ? []
      : [node.author];
  const authors = [
    ...new Set(authorList.flatMap((a) => nameOf(a, nodes) ?? []).filter((name) => !isAddress(name))),
  ];
  if (authors.length > 0) out.authors = { value: authors, from: at('author') };

  const published = clean(node.datePublished);
  if (published) out.published = { value: published, from: at('datePublished') };

  const mainEntity = node.mainEntityOfPage;
  const url =
    absoluteUrl(clean(node.url), base) ??
    absoluteUrl(clean(mainEntity) ?? clean(resolve(mainEntity, nodes)?.['@id']), base);
  if (url) out.url = { value: url, from: at(clean(node.url) ? 'url' : 'mainEntityOfPage') };
  return out;
}

/** The `content` of every meta tag with this property or name, in page order. */
function metaContents(document: Document, key: string): string[] {
  const lower = key.toLowerCase();
  return [...document.querySelectorAll('meta[content]')].flatMap((meta) => {
    const names = [meta.getAttribute('property'), meta.getAttribute('name'), meta.getAttribute('itemprop')];
    if (!names.some((n) => n?.toLowerCase() === lower)) return [];
    const content = clean(meta.getAttribute('content'));
    return content ? [content] : [];
  });
}

/** The first of `keys` that the page's meta tags give, with where it came from. */
function firstMeta(document: Document, keys: readonly string[]): MetadataField<string> | undefined {
  for (const key of keys) {
    const [value] = metaContents(document, key);
    if (value) return { value, from: `meta ${key}` };
  }
  return undefined;
}

/** The metadata Open Graph (and its article: properties) gives. */
function fromOpenGraph(document: Document, base: string | undefined): PageMetadata {
  const out: PageMetadata = {};
  const headline = firstMeta(document, ['og:title']);
  if (headline) out.headline = headline;
  const outlet = firstMeta(document, ['og:site_name']);
  if (outlet) out.outlet = outlet;
  const authors = metaContents(document, 'article:author').filter((a) => !isAddress(a));
  if (authors.length > 0) out.authors = { value: [...new Set(authors)], from: 'meta article:author' };
  const published = firstMeta(document, ['article:published_time']);
  if (published) out.published = published;
  const url = absoluteUrl(firstMeta(document, ['og:url'])?.value, base);
  if (url) out.url = { value: url, from: 'meta og:url' };
  return out;
}

/** The metadata other meta tags and the canonical link give. */
function fromMetaTags(document: Document, base: string | undefined): PageMetadata {
  const out: PageMetadata = {};
  const headline = firstMeta(document, ['twitter:title', 'citation_title', 'dc.title', 'headline']);
  if (headline) out.headline = headline;
  const outlet = firstMeta(document, ['application-name', 'publisher', 'citation_publisher', 'dc.publisher']);
  if (outlet) out.outlet = outlet;
  for (const key of ['author', 'citation_author', 'dc.creator', 'byl']) {
    const authors = metaContents(document, key)
      .map((a) => (key === 'byl' ? a.replace(/^by\s+/i, '') : a))
      .filter((a) => !isAddress(a));
    if (authors.length > 0) {
      out.authors = { value: [...new Set(authors)], from: `meta ${key}` };
      break;
    }
  }
  const published = firstMeta(document, [
    'datePublished',
    'date',
    'pubdate',
    'publishdate',
    'citation_publication_date',
    'dc.date',
    'dc.date.issued',
    'sailthru.date',
  ]);
  if (published) out.published = published;
  const canonical = absoluteUrl(
    document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ?? undefined,
    base,
  );
  if (canonical) out.url = { value: canonical, from: 'link rel=canonical' };
  return out;
}

/** Reads the page's metadata; `pageUrl` resolves relative addresses (default: the document's base URI). */
export function extractPageMetadata(document: Document, pageUrl?: string): PageMetadata {
  const base =
    pageUrl ?? (document.baseURI && document.baseURI !== 'about:blank' ? document.baseURI : undefined);
  const layers = [fromJsonLd(document, base), fromOpenGraph(document, base), fromMetaTags(document, base)];
  const out: PageMetadata = {};
  for (const key of ['headline', 'outlet', 'authors', 'published', 'url'] as const) {
    const field = layers.find((layer) => layer[key] !== undefined)?.[key];
    if (field) (out as Record<string, unknown>)[key] = field;
  }
  return out;
}
