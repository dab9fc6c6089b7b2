// The price, brand, breadcrumb and GTIN tables from zytedata/zyte-parsers' tests, read from
// ../shared (never copied here). Each table reports its pass rate and holds a floor.

import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { type Crumb, crumbsIn } from '../../../shared/extract/breadcrumbs.ts';
import { gtinFromText } from '../../../shared/extract/gtin.ts';
import { brandNameOf } from '../../../shared/extract/heuristics.ts';
import { parsePrice } from '../../../shared/extract/price.ts';
import { HAS_SHARED, sharedPath } from '../../shared-fixtures.ts';

const zyte = (...parts: string[]): string => sharedPath('fixtures', 'prices', 'zyte-parsers', 'tests', ...parts);
const body = (html: string): Element =>
  (parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document).body;

/** Python string literals of the simple kind these tables use, as JSON. */
const pyString = (literal: string): string => JSON.parse(literal.replace(/^'(.*)'$/, '"$1"').replace(/\t/g, '\\t'));

function report(name: string, passed: number, total: number): number {
  console.info(`zyte-parsers ${name}: ${passed}/${total} (${((passed / total) * 100).toFixed(1)} %)`);
  return passed / total;
}

describe.skipIf(!HAS_SHARED)('zyte-parsers tables', () => {
  it('GTIN: classification and identifiers, every case', () => {
    const source = readFileSync(zyte('test_gtin.py'), 'utf8');
    const table = (name: string): [string, string | null][] => {
      const start = source.indexOf(`${name} = [`);
      const text = source.slice(start, source.indexOf('\n]', start));
      return [...text.matchAll(/^\s*\(("(?:[^"\\]|\\.)*"|'[^']*'),\s*(None|"[^"]*")\),?\s*$/gm)].map((m) => [
        pyString(m[1]!),
        m[2] === 'None' ? null : pyString(m[2]!),
      ]);
    };
    const kinds = table('GTIN_CLASSIFICATION_CASES');
    const ids = table('GTIN_IDS');
    expect(kinds.length).toBeGreaterThan(70);
    expect(ids.length).toBeGreaterThan(40);
    const wrong = [
      ...kinds.filter(([value, kind]) => (gtinFromText(value)?.kind ?? null) !== kind),
      ...ids.filter(([value, id]) => (gtinFromText(value)?.id ?? null) !== id),
    ];
    report('GTIN', kinds.length + ids.length - wrong.length, kinds.length + ids.length);
    expect(wrong).toEqual([]);
  });

  it('price: the element cases, with and without a currency hint', () => {
    const source = readFileSync(zyte('test_price.py'), 'utf8');
    const cases = [
      ...source.matchAll(
        /\("(<p>[^"]*<\/p>)",\s*(None|"[^"]*"),\s*Price\((None|Decimal\("([\d.]+)"\)),\s*(None|"[^"]*")/g,
      ),
    ];
    expect(cases.length).toBeGreaterThanOrEqual(6);
    for (const [, html, hint, , amount, currency] of cases) {
      const hintText = hint === 'None' ? null : body(pyString(hint!)).textContent;
      const parsed = parsePrice(body(html!).textContent, { currencyHint: hintText });
      expect(parsed.amount).toBe(amount === undefined ? null : Number(amount));
      expect(parsed.currencyText).toBe(currency === 'None' ? null : pyString(currency!));
    }
    report('price', cases.length, cases.length);
  });

  it('brand: names from elements (text, or a logo image alt/title)', () => {
    const items = JSON.parse(readFileSync(zyte('data', 'brand_values.json'), 'utf8')) as {
      html: string;
      value: string | null;
    }[];
    const passed = items.filter((item) => {
      const root = body(item.html);
      const only =
        root.children.length === 1 && root.children[0]!.textContent === root.textContent ? root.children[0]! : root;
      return brandNameOf(only) === item.value;
    }).length;
    // The two misses: text split by an inline span ("Mis<span>S</span>ena") and an SVG whose text is not a name.
    expect(report('brand', passed, items.length)).toBeGreaterThanOrEqual(0.995);
  });

  it('breadcrumbs: steps with names and addresses', () => {
    const items = (
      JSON.parse(readFileSync(zyte('data', 'breadcrumb_items_extract.json'), 'utf8')) as {
        expected: Crumb[];
        snippet_path: string;
        base_url: string;
        xfail?: string;
      }[]
    ).filter((item) => !item.xfail);
    // The same address compared as an address: decoded, host case-insensitive, bare-origin slash optional.
    const address = (url: string): string => {
      const decoded = decodeURI(url).replace(
        /^(https?:\/\/)([^/]+)/i,
        (_, scheme: string, host: string) => scheme.toLowerCase() + host.toLowerCase(),
      );
      return decoded.replace(/^(https?:\/\/[^/]+)\/$/, '$1');
    };
    const same = (a: Crumb[], b: Crumb[]): boolean =>
      a.length === b.length &&
      a.every(
        (crumb, i) =>
          crumb.name === (b[i]?.name ?? null) &&
          (crumb.url ? address(crumb.url) : undefined) === (b[i]?.url ? address(b[i]!.url!) : undefined),
      );
    const passed = items.filter((item) => {
      const html = readFileSync(zyte('data', 'breadcrumb_items_snippets', item.snippet_path), 'utf8');
      const root = body(html);
      return same(crumbsIn(root.firstElementChild ?? root, item.base_url), item.expected);
    }).length;
    expect(report('breadcrumbs', passed, items.length)).toBeGreaterThanOrEqual(0.9);
  });
});
