// The two ways of indexing a page (page-index.ts) must read every page the same: the content
// script queries a live page, the CLI and the conformance test walk a parsed one. Here both run
// over linkedom on every saved real page and on hand-made edge cases.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../shared/extract/charset.ts';
import { indexPage, type PageIndex } from '../../../shared/extract/page-index.ts';
import { extractIndexed, extractPage } from '../../../shared/read.ts';
import { fixturePages, fixtureUrl, HAS_SHARED, readFixtureBytes } from '../../shared-fixtures.ts';

const documentOf = (html: string): Document => parseHTML(html).document as unknown as Document;

/** The kinds a query can answer without the walk, as comparable lists. */
function queryableKinds(index: PageIndex) {
  return {
    headings: index.headings,
    jsonLdScripts: index.jsonLdScripts,
    metas: [...index.metas],
    props: index.props,
    scopes: index.scopes,
    specCells: index.specCells,
    tiles: index.tiles,
  };
}

describe('page index: query and walk agree', () => {
  it('on markup that puts elements where the walk does not look', () => {
    const doc = documentOf(`<!doctype html><html><head>
      <meta property="og:type" content="product"><meta name="og:type" content="second">
      <script type="application/ld+json">{"@type":"Product","name":"A"}</script>
      <script type="text/javascript">var x = 1;</script></head><body>
      <svg id="logo"><g id="dup" itemprop="logo"></g></svg>
      <div id="dup" itemscope itemtype="https://schema.org/Product" data-asin="B1" data-id="2">
        <h1 itemprop="name" property="name">Kettle</h1>
        <meta itemprop="brand" content="Acme"><span property="price">10</span>
        <ul><li>Weight: 1 kg</li></ul><table><tr><th>Colour</th><td>Red</td></tr></table>
      </div>
      <template><h1>Not read</h1><li data-asin="T">x</li></template>
      <noscript><h1>Not read either</h1></noscript></body></html>`);
    const walk = indexPage(doc, 'walk');
    const query = indexPage(doc, 'query');
    expect(queryableKinds(query)).toEqual(queryableKinds(walk));
    expect(query.byId('dup')).toBe(walk.byId('dup'));
    expect(query.byId('dup')?.tagName).toBe('DIV');
    expect(query.byId('logo')).toBe(walk.byId('logo'));
    expect(query.byId('missing')).toBeNull();
    // An element with two tile attributes (or itemprop and property) is listed once.
    expect(query.tiles).toHaveLength(1);
    expect(query.props.filter((el) => el.tagName === 'H1')).toHaveLength(1);
    expect(query.walked).toBe(false);
    expect(query.priced).toEqual(walk.priced);
    expect(query.walked).toBe(true);
  });

  describe.skipIf(!HAS_SHARED)('on every saved real page', () => {
    for (const page of fixturePages()) {
      const url = fixtureUrl(page) ?? 'https://shop.example/';
      it(page.file, { timeout: 60_000 }, () => {
        const doc = documentOf(decodeHtml(readFixtureBytes(page.file)));
        expect(queryableKinds(indexPage(doc, 'query'))).toEqual(queryableKinds(indexPage(doc, 'walk')));
        expect(extractPage(doc, url, { strategy: 'query' })).toEqual(extractPage(doc, url, { strategy: 'walk' }));
      });
    }
  });
});

describe.skipIf(!HAS_SHARED)('page index: a shop adapter that knows its page reads it without walking it', () => {
  // The content script's budget: pages of the shops it runs on are read by a few native queries.
  const known = [
    'pages/amazon-com/zyte_squirrel_buster_mini_B001FK81PU.html',
    'pages/ebay/understudy_ebay-com-search.html',
    'pages/amazon-com/parsy_bestsellers_tools_home_improvement.html',
  ];
  for (const file of known) {
    it(file, () => {
      const page = fixturePages().find((p) => p.file === file);
      expect(page, `${file} is in pages.json`).toBeDefined();
      const index = indexPage(documentOf(decodeHtml(readFixtureBytes(file))), 'query');
      const reading = extractIndexed(index, fixtureUrl(page!)!);
      expect(reading.items.length).toBeGreaterThan(0);
      expect(index.walked).toBe(false);
    });
  }
});
