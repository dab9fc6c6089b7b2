// Reads schema.org Product data published as microdata (itemscope/itemprop) or RDFa
// (typeof/property), and Open Graph product tags (og:*, product:*).

import { absoluteUrl, clean, schemaTypeOf, textOf, visibleTextOf } from './dom.ts';
import type { ProductFields } from './fields.ts';
import { validGtin } from './gtin.ts';
import { jsonAmount, normaliseCode, splitCategory } from './jsonld.ts';
import type { PageIndex } from './page-index.ts';
import { parsePrice } from './price.ts';
import { conditionFrom } from './specs.ts';

/** Value of a property: content/href/src attribute first, then visible text. */
function propValue(el: Element): string | null {
  const attr = el.getAttribute('content') ?? el.getAttribute('value');
  if (attr?.trim()) return attr.trim();
  const link =
    el.tagName === 'LINK' || el.tagName === 'A'
      ? el.getAttribute('href')
      : el.tagName === 'IMG'
        ? el.getAttribute('src')
        : null;
  if (link && (el.tagName !== 'A' || /schema\.org/.test(link))) return link.trim();
  return clean(el.tagName === 'META' ? '' : visibleTextOf(el, 300) || textOf(el, 300));
}

const propName = (el: Element): string =>
  (el.getAttribute('itemprop') ?? el.getAttribute('property') ?? '').replace(/^(?:schema|s):/, '');

/** The item an itemprop belongs to: the nearest enclosing itemscope (not the element's own). */
const ownerOf = (el: Element): Element | null =>
  (el.hasAttribute('itemscope') ? el.parentElement : el)?.closest('[itemscope], [typeof]') ?? null;

/** Properties of one item: inside the scope and not inside a nested item (breadcrumbs, offers are kept). */
function props(index: PageIndex, scope: Element | null, name: string): Element[] {
  const out: Element[] = [];
  for (const el of index.props) {
    if (!propName(el).split(/\s+/).includes(name)) continue;
    if (scope) {
      if (!scope.contains(el) || el === scope) continue;
      const owner = ownerOf(el);
      // Offers and brands nest inside the product; breadcrumb and related-item scopes do not count.
      if (
        owner !== scope &&
        !(owner && /Offer|Brand|Organization|PriceSpecification|Rating/i.test(schemaTypeOf(owner)))
      )
        continue;
    }
    out.push(el);
    if (out.length >= 5) break;
  }
  return out;
}

const prop = (index: PageIndex, scope: Element | null, name: string): string | null => {
  for (const el of props(index, scope, name)) {
    const value = propValue(el);
    if (value) return value;
  }
  return null;
};

/** The page's main microdata/RDFa Product, as product fields. */
export function productFromMicrodata(index: PageIndex, url: string): ProductFields | null {
  const scope =
    index.scopes.find((el) =>
      /schema\.org\/Product|data-vocabulary\.org\/Product|^(?:schema:)?Product$/i.test(schemaTypeOf(el)),
    ) ?? null;
  // Some shops mark up price and currency without a Product scope around them.
  const root = scope;
  const priceEl = props(index, root, 'price')[0] ?? props(index, root, 'lowPrice')[0];
  if (!scope && !priceEl) return null;
  const priceText = priceEl ? propValue(priceEl) : null;
  const currencyText = prop(index, root, 'priceCurrency');
  let price = null;
  if (priceText) {
    const amount = jsonAmount(priceEl?.getAttribute('content') ?? '') ?? parsePrice(priceText).amount;
    const printed = parsePrice(priceText);
    const currency = currencyText ? normaliseCode(currencyText) : printed.currency;
    if (amount !== null && amount > 0 && currency && /^[A-Z]{3}$/.test(currency)) {
      price = { amount, currency, ...(props(index, root, 'price').length === 0 ? { isRangeLowerBound: true } : {}) };
    }
  }
  if (!scope) return { price };
  const brandEl = props(index, scope, 'brand')[0];
  const brand = brandEl ? (prop(index, brandEl, 'name') ?? propValue(brandEl)) : null;
  const gtin = ['gtin13', 'gtin', 'gtin12', 'gtin14', 'gtin8', 'isbn']
    .map((key) => validGtin(prop(index, scope, key)))
    .find(Boolean);
  const image = props(index, scope, 'image')[0];
  return {
    title: prop(index, scope, 'name'),
    price,
    brand,
    category: splitCategory(prop(index, scope, 'category')),
    gtin: gtin ?? null,
    sku: prop(index, scope, 'sku') ?? prop(index, scope, 'productID'),
    availability: prop(index, scope, 'availability')?.replace(/^.*[/:#]/, '') ?? null,
    image: image
      ? absoluteUrl(image.getAttribute('src') ?? image.getAttribute('content') ?? image.getAttribute('href'), url)
      : null,
    condition: conditionFrom(prop(index, scope, 'itemCondition')),
  };
}

/** Open Graph and Facebook product tags. */
export function productFromOpenGraph(index: PageIndex): ProductFields | null {
  const meta = (name: string): string | null => index.metas.get(name) ?? null;
  const amount = meta('product:price:amount') ?? meta('og:price:amount') ?? meta('product:sale_price:amount');
  const currency = meta('product:price:currency') ?? meta('og:price:currency') ?? meta('product:sale_price:currency');
  const parsed = amount ? (jsonAmount(amount) ?? parsePrice(amount).amount) : null;
  return {
    title: meta('og:title'),
    price: parsed !== null && parsed > 0 && currency ? { amount: parsed, currency: normaliseCode(currency) } : null,
    brand: meta('product:brand') ?? meta('og:brand'),
    gtin: validGtin(meta('product:gtin') ?? meta('product:ean') ?? meta('product:upc') ?? undefined),
    sku: meta('product:retailer_item_id'),
    availability: meta('product:availability') ?? meta('og:availability'),
    image: meta('og:image'),
    condition: conditionFrom(meta('product:condition')),
  };
}

/** Is the page declared a product page by Open Graph? */
export const isOpenGraphProduct = (index: PageIndex): boolean => /product/i.test(index.metas.get('og:type') ?? '');
