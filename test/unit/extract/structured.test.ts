import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPage, extractPageWithAnchors } from '../../../shared/read.ts';

const page = (head: string, body = ''): Document =>
  parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;

const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('JSON-LD', () => {
  it('reads a product inside @graph with a wrongly cased type and an AggregateOffer', () => {
    const doc = page(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', name: 'Shop' },
          {
            '@type': 'product',
            name: 'Oak table',
            brand: { '@type': 'Brand', name: 'Woodco' },
            gtin13: '4006381333931',
            sku: 'T-1',
            offers: { '@type': 'AggregateOffer', lowPrice: '450.00', highPrice: '600', priceCurrency: 'gbp' },
          },
        ],
      }),
    );
    const [product] = extractPage(doc, 'https://shop.example/p/1').products;
    expect(product).toMatchObject({
      title: 'Oak table',
      brand: 'Woodco',
      gtin: '4006381333931',
      sku: 'T-1',
      price: { amount: 450, currency: 'GBP', isRangeLowerBound: true },
    });
  });

  it('takes the lowest of a list of offers, reads priceSpecification, and rejects a bad GTIN', () => {
    const doc = page(
      ld([
        {
          '@type': 'Product',
          name: 'Kettle',
          gtin13: '4006381333932',
          offers: [
            {
              '@type': 'Offer',
              priceSpecification: { price: 39.9, priceCurrency: 'EUR' },
              availability: 'https://schema.org/InStock',
            },
            {
              '@type': 'Offer',
              price: '34.50',
              priceCurrency: 'EUR',
              itemCondition: 'https://schema.org/RefurbishedCondition',
            },
          ],
        },
      ]),
    );
    const [product] = extractPage(doc, 'https://shop.example/k').products;
    expect(product?.price).toEqual({ amount: 34.5, currency: 'EUR', isRangeLowerBound: true });
    expect(product?.gtin).toBeNull();
    expect(product?.availability).toBe('InStock');
  });

  it('uses the BreadcrumbList and decodes entities left in names', () => {
    const doc = page(
      ld({ '@type': 'Product', name: '11&quot; Tablet', offers: { price: 10, priceCurrency: 'USD' } }) +
        ld({
          '@type': 'BreadcrumbList',
          itemListElement: [
            { '@type': 'ListItem', position: 2, name: 'Tablets' },
            { '@type': 'ListItem', position: 1, item: { name: 'Computing' } },
          ],
        }),
    );
    const [product] = extractPage(doc, 'https://shop.example/t').products;
    expect(product?.title).toBe('11" Tablet');
    expect(product?.category).toEqual(['Computing', 'Tablets']);
  });

  it('picks the product the page is about, not a related one listed first', () => {
    const doc = page(
      ld([
        {
          '@type': 'Product',
          name: 'Cable',
          url: '/p/cable',
          brand: 'X',
          image: 'c.jpg',
          offers: { price: 5, priceCurrency: 'EUR' },
        },
        { '@type': 'Product', name: 'Desk lamp', url: '/p/desk-lamp', offers: { price: 49, priceCurrency: 'EUR' } },
      ]),
      '<h1>Desk lamp</h1>',
    );
    expect(extractPage(doc, 'https://shop.example/p/desk-lamp').products[0]).toMatchObject({
      title: 'Desk lamp',
      price: { amount: 49 },
    });
  });

  it('survives a broken block and still reads a good one', () => {
    const doc = page(
      `<script type="application/ld+json">{ "@type": "Product", </script>${ld({ '@type': 'Product', name: 'Lamp', offers: { price: 5, priceCurrency: 'USD' } })}`,
    );
    expect(extractPage(doc, 'https://shop.example/').products[0]?.title).toBe('Lamp');
  });
});

describe('microdata, RDFa and Open Graph', () => {
  it('reads microdata without taking breadcrumb names for the product name', () => {
    const doc = page(
      '',
      `<div itemscope itemtype="https://schema.org/Product">
         <ol itemscope itemtype="https://schema.org/BreadcrumbList">
           <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><span itemprop="name">Garden</span></li>
           <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><span itemprop="name">Tools</span></li>
         </ol>
         <h1 itemprop="name">Spade</h1>
         <span itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Digger</span></span>
         <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
           <span itemprop="price" content="19.99">19,99 €</span><meta itemprop="priceCurrency" content="EUR">
         </div>
       </div>`,
    );
    const [product] = extractPage(doc, 'https://shop.example/spade').products;
    expect(product).toMatchObject({
      title: 'Spade',
      brand: 'Digger',
      price: { amount: 19.99, currency: 'EUR' },
      category: ['Garden', 'Tools'],
    });
  });

  it('reads RDFa properties', () => {
    const doc = page(
      '',
      `<div vocab="https://schema.org/" typeof="Product"><h1 property="name">Mug</h1>
         <div property="offers" typeof="Offer"><span property="price" content="8.5">8.50</span><span property="priceCurrency" content="CHF">CHF</span></div></div>`,
    );
    expect(extractPage(doc, 'https://shop.example/mug').products[0]).toMatchObject({
      title: 'Mug',
      price: { amount: 8.5, currency: 'CHF' },
    });
  });

  it('reads Open Graph product tags, mapping the legacy RUR code', () => {
    const doc = page(
      '<meta property="og:type" content="product"><meta property="og:title" content="Glasses"><meta property="product:price:amount" content="249"><meta property="product:price:currency" content="RUR">',
      '<h1>Glasses</h1>',
    );
    expect(extractPage(doc, 'https://shop.example/g').products[0]?.price).toEqual({ amount: 249, currency: 'RUB' });
  });
});

describe('page heuristics', () => {
  it('takes the price nearest the heading, not the struck-out, shipping or review figures', () => {
    const doc = page(
      '',
      `<header><span class="cart-price">$0.00</span></header>
       <h1 class="product-title">Rolling duffle</h1>
       <div class="rating">4.5 (1,234 reviews)</div>
       <del class="price">$120.00</del>
       <span class="price">$87.11</span>
       <span class="shipping-price">+ $99.23 Shipping</span>`,
    );
    const { page: kind, items } = extractPageWithAnchors(doc, 'https://www.shop.example/p/duffle');
    expect(kind).toBe('product');
    expect(items[0]?.product.price).toEqual({ amount: 87.11, currency: 'USD' });
    expect(items[0]?.anchor?.textContent).toBe('$87.11');
  });

  it('reads cents printed in <sup>', () => {
    const doc = page('', '<h1>Whiskey</h1><p class="product-new-price">173<sup>34</sup> <span>Lei</span></p>');
    expect(extractPage(doc, 'https://www.shop.ro/p').products[0]?.price).toEqual({ amount: 173.34, currency: 'RON' });
  });

  it('reads weight, materials, dimensions and energy class from specification rows', () => {
    const doc = page(
      '<script type="application/ld+json">{"@type":"Product","name":"Dryer","offers":{"price":500,"priceCurrency":"EUR"}}</script>',
      `<h1>Dryer</h1><table>
         <tr><th>Gewicht</th><td>59,00 kg</td></tr>
         <tr><th>Material</th><td>Steel, Plastic</td></tr>
         <tr><th>Abmessungen</th><td>85 x 59.6 x 63.6 cm</td></tr>
         <tr><th>Energieeffizienzklasse</th><td>A+++</td></tr>
       </table><ul><li><span>Condition:</span> Used</li></ul>`,
    );
    expect(extractPage(doc, 'https://shop.example/d').products[0]).toMatchObject({
      weightKg: 59,
      materials: ['Steel', 'Plastic'],
      dimensionsCm: [85, 59.6, 63.6],
      energyClass: 'A+++',
      condition: 'used',
    });
  });

  it('keeps a product page with an unnamed row of other products a product page', () => {
    const others = ['One', 'Two', 'Three', 'Four', 'Five']
      .map(
        (name, i) =>
          `<div class="tile"><a href="/p/${i}">${name} lamp</a><span class="price">€${10 + i},00</span></div>`,
      )
      .join('');
    const doc = page(
      '',
      `<h1>Desk lamp</h1><div class="buy"><span class="price">€49,00</span></div><section>${others}</section>`,
    );
    const result = extractPage(doc, 'https://shop.example/p/desk-lamp');
    expect(result.page).toBe('product');
    expect(result.products[0]?.price).toEqual({ amount: 49, currency: 'EUR' });
  });

  it('reports an article without prices as "other"', () => {
    const doc = page('', '<h1>How to choose a kettle</h1><p>Long text about kettles.</p>');
    expect(extractPage(doc, 'https://blog.example/kettles')).toEqual({ page: 'other', products: [] });
  });
});

describe('listings', () => {
  it('lists every priced tile in reading order with its anchor, flagging sponsored ones', () => {
    const tiles = ['Alpha kettle|€10,00', 'Beta kettle|€12,50', 'Gamma kettle|€9,99', 'Delta kettle|€30,00']
      .map((entry, i) => {
        const [title, price] = entry.split('|');
        const ad = i === 1 ? '<span>Sponsored</span>' : '';
        return `<li class="product-tile">${ad}<h3><a href="/p/${i}">${title}</a></h3><span class="price">${price}</span></li>`;
      })
      .join('');
    const doc = page('', `<h1>Kettles</h1><ul>${tiles}</ul>`);
    const result = extractPageWithAnchors(doc, 'https://shop.example/c/kettles');
    expect(result.page).toBe('listing');
    expect(result.items.map((i) => i.product.title)).toEqual([
      'Alpha kettle',
      'Beta kettle',
      'Gamma kettle',
      'Delta kettle',
    ]);
    expect(result.items.map((i) => i.sponsored)).toEqual([false, true, false, false]);
    expect(result.items[2]?.product.price).toEqual({ amount: 9.99, currency: 'EUR' });
    expect(result.items[0]?.product.url).toBe('https://shop.example/p/0');
    expect(result.items[0]?.anchor?.tagName).toBe('A');
  });

  it('lists products a page publishes only in JSON-LD, anchored to their links', () => {
    const items = ['Red mug', 'Blue mug', 'Green mug'].map((name, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      item: { '@type': 'Product', name, url: `/p/${i}`, offers: { price: 5 + i, priceCurrency: 'EUR' } },
    }));
    const doc = page(ld({ '@type': 'ItemList', itemListElement: items }), '<h1>Mugs</h1><a href="/p/1">Blue mug</a>');
    const result = extractPageWithAnchors(doc, 'https://shop.example/c/mugs');
    expect(result.page).toBe('listing');
    expect(result.items.map((i) => [i.product.title, i.product.price?.amount])).toEqual([
      ['Red mug', 5],
      ['Blue mug', 6],
      ['Green mug', 7],
    ]);
    expect(result.items[1]?.anchor?.textContent).toBe('Blue mug');
    expect(result.items[0]?.anchor).toBeNull();
  });

  it('flags eBay placeholder cards instead of dropping them', () => {
    const card = (title: string, href: string, price: string): string =>
      `<li class="s-item"><a class="s-item__link" href="${href}"><div class="s-item__title"><span>${title}</span></div></a><span class="s-item__price">${price}</span></li>`;
    const doc = page(
      '',
      `<ul class="srp-results">${card('Shop on eBay', 'https://ebay.com/itm/123456?hash=x', '$20.00')}${card('Cable', 'https://www.ebay.de/itm/1', 'EUR 10,79')}${card('Charger', 'https://www.ebay.de/itm/2', 'EUR 3,79')}</ul>`,
    );
    const { page: kind, products } = extractPage(doc, 'https://www.ebay.de/sch/i.html?_nkw=apple');
    expect(kind).toBe('listing');
    expect(products.map((p) => [p.title, p.placeholder])).toEqual([
      ['Shop on eBay', true],
      ['Cable', false],
      ['Charger', false],
    ]);
    expect(products[1]?.price).toEqual({ amount: 10.79, currency: 'EUR' });
  });
});
