// The overlay reads a product page of some shops before it has finished loading, once an element
// the shop places after every product part is parsed (the adapter's `earlyProduct`). That is only
// right if the page cut there reads exactly as the whole page: checked on every saved product page
// of those shops, cut just before the first marker element.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../shared/extract/charset.ts';
import { extractPage } from '../../../shared/read.ts';
import { earlyProductMarkers } from '../../../shared/sites/index.ts';
import { fixturePages, fixtureUrl, HAS_SHARED, readFixtureBytes } from '../../shared-fixtures.ts';

const read = (html: string, url: string) => extractPage(parseHTML(html).document as unknown as Document, url);

describe('which pages are read early', () => {
  it.each([
    ['https://www.amazon.de/dp/B00CYG4J5U', true],
    ['https://www.amazon.com/Gorilla-6012110-Black-2-Pack-Piece/dp/B00N150YS4/ref=sr_1_1?k=tape', true],
    ['https://www.ebay.co.uk/itm/143863282131', true],
    ['https://www.amazon.com/s?k=portable+charger', false],
    ['https://www.ebay.com/sch/i.html?_nkw=rtx+3080', false],
    ['https://www.ikea.com/gb/en/p/moeckelby-table-oak-00293772/', false],
    ['not a url', false],
  ])('%s: %s', (url, early) => {
    expect(earlyProductMarkers(url) !== null).toBe(early);
  });
});

const pages = HAS_SHARED
  ? fixturePages().filter((p) => p.page_type === 'product' && earlyProductMarkers(fixtureUrl(p) ?? '') !== null)
  : [];

describe.skipIf(!HAS_SHARED)(
  "a product page cut at its shop's marker reads as the whole page (../shared/fixtures)",
  () => {
    it('covers the saved pages of every shop read early', () => {
      expect(pages.length).toBeGreaterThanOrEqual(18);
    });

    it.each(pages.map((p) => [p.file.split('/').pop()!, p] as const))('%s', (_, fixture) => {
      const url = fixtureUrl(fixture)!;
      const html = decodeHtml(readFixtureBytes(fixture.file));
      const cuts = earlyProductMarkers(url)!
        .map((id) => html.search(new RegExp(`<[a-zA-Z][^>]*\\sid=["']${id}["']`)))
        .filter((at) => at >= 0);
      // Every saved page of these shops has a marker: a layout without one is simply read when complete.
      expect(cuts.length).toBeGreaterThan(0);
      const whole = read(html, url);
      expect(whole.page).toBe('product');
      expect(read(html.slice(0, Math.min(...cuts)), url)).toEqual(whole);
    });
  },
);
