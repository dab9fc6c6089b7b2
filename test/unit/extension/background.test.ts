// The background's message handling against a real (in-memory) IndexedDB: what a shop page may
// ask, what it may not, and that a product view lands in the ledger.

import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../extension/entrypoints/background/handlers.ts';
import { kgText } from '../../../extension/format.ts';
import { openLedger, readSettings } from '../../../extension/ledger/db.ts';
import { enroll } from '../../../extension/ledger/study.ts';

const OWN_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const product = {
  title: 'Stainless steel electric kettle 1.7 l',
  url: 'https://www.amazon.com/dp/B000000002',
  price: { amount: 39.99, currency: 'USD' },
  brand: null,
  category: ['Home & Kitchen', 'Kitchen Small Appliances', 'Electric Kettles'],
  gtin: null,
};
const fromAmazon = {
  url: 'https://www.amazon.com/dp/B000000002',
  tab: { url: 'https://www.amazon.com/dp/B000000002' },
};

const countEvents = () => openLedger().events.count();

beforeEach(async () => {
  await openLedger().delete();
  // The fake browser has no message catalogue: a message reads as its key and substitutions.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string, subs?: string | (string | number)[]) => `${key}(${[subs ?? []].flat().join(',')})`,
  );
});

describe('handleMessage', () => {
  it('estimates a product viewed on its own site and records the view', async () => {
    const answer = (await handleMessage({ type: 'product-viewed', product }, fromAmazon, OWN_ORIGIN)) as {
      estimate: { kgCO2e: number; low: number; high: number } | null;
    };
    expect(answer.estimate?.kgCO2e).toBeGreaterThan(0);
    expect(answer.estimate?.low).toBeLessThan(answer.estimate?.kgCO2e ?? 0);
    expect(answer.estimate?.high).toBeGreaterThan(answer.estimate?.kgCO2e ?? 0);
    const events = await openLedger().events.toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'product-viewed', shopHost: 'www.amazon.com', schemaVersion: 1 });
    expect(events[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
  });

  it('estimates a product read while its page loads without recording a view', async () => {
    const early = (await handleMessage({ type: 'product-estimate', product }, fromAmazon, OWN_ORIGIN)) as {
      estimate: { kgCO2e: number } | null;
      hidden: boolean;
    };
    const viewed = (await handleMessage({ type: 'product-viewed', product }, fromAmazon, OWN_ORIGIN)) as {
      estimate: { kgCO2e: number } | null;
    };
    expect(early.hidden).toBe(false);
    expect(early.estimate?.kgCO2e).toBe(viewed.estimate?.kgCO2e);
    // The badge's figures come as text, so the shop's page does no number formatting.
    const { texts, alternatives, car } = viewed as unknown as {
      texts: { badge: string; car: string | null; carSource: string | null; saves: string[] };
      alternatives: { avoidedKgCO2e: number }[];
      car: { km: number } | null;
    };
    expect(texts.badge).toBe(`overlay_estimate(${kgText(viewed.estimate?.kgCO2e ?? 0)})`);
    expect(car).not.toBeNull();
    expect(texts.car).toMatch(/^overlay_carKm\([\d.,]+\)$/);
    expect(texts.carSource).toMatch(/^overlay_carSource\([\d.,]+,.+\)$/);
    expect(texts.saves).toEqual(alternatives.map((a) => `overlay_saves(${kgText(a.avoidedKgCO2e)})`));
    expect(await countEvents()).toBe(1);
    const forged = { ...product, url: 'https://www.ebay.com/itm/1' };
    expect(await handleMessage({ type: 'product-estimate', product: forged }, fromAmazon, OWN_ORIGIN)).toBeUndefined();
  });

  it('ignores a page reporting a product of another site', async () => {
    const forged = { ...product, url: 'https://www.ebay.com/itm/1' };
    expect(await handleMessage({ type: 'product-viewed', product: forged }, fromAmazon, OWN_ORIGIN)).toBeUndefined();
    expect(await countEvents()).toBe(0);
  });

  it('ignores a content script without a page URL', async () => {
    expect(await handleMessage({ type: 'product-viewed', product }, {}, OWN_ORIGIN)).toBeUndefined();
    expect(await countEvents()).toBe(0);
  });

  it('answers ledger questions only to our own pages', async () => {
    await handleMessage({ type: 'product-viewed', product }, fromAmazon, OWN_ORIGIN);
    expect(await handleMessage({ type: 'ledger-count' }, fromAmazon, OWN_ORIGIN)).toBeUndefined();
    expect(await handleMessage({ type: 'ledger-count' }, { url: `${OWN_ORIGIN}/popup.html` }, OWN_ORIGIN)).toEqual({
      events: 1,
    });
  });

  it('ignores malformed messages without touching the ledger', async () => {
    for (const junk of [null, 42, 'product-viewed', { type: 'product-viewed' }, { type: 'drop-tables' }]) {
      expect(await handleMessage(junk, fromAmazon, OWN_ORIGIN)).toBeUndefined();
    }
    expect(await countEvents()).toBe(0);
  });

  it('estimates every item of a listing from its own site, and logs nothing', async () => {
    const items = [product, { ...product, title: 'Glass kettle 1.2 l', url: 'https://www.amazon.com/dp/B000000003' }];
    const answer = (await handleMessage({ type: 'listing-viewed', items }, fromAmazon, OWN_ORIGIN)) as {
      estimates: ({ kgCO2e: number; texts: { badge: string; range: string; label: string } } | null)[];
      lowest: { mark: string; among: string[] };
    };
    expect(answer.estimates).toHaveLength(2);
    expect(answer.estimates.every((e) => e !== null && e.kgCO2e > 0)).toBe(true);
    // The badge's texts come ready, so the shop's page does no formatting or message lookups.
    const kg = kgText(answer.estimates[0]?.kgCO2e ?? 0);
    expect(answer.estimates[0]?.texts).toEqual({
      badge: `overlay_estimate(${kg})`,
      range: expect.stringMatching(/^overlay_range\([\d.,]+,[\d.,]+\)$/),
      label: expect.stringMatching(new RegExp(`^overlay_listingLabel\\(${kg},[\\d.,]+,[\\d.,]+\\)$`)),
    });
    // An item that shows no price: its badge says the estimate rests on its title alone.
    const unpriced = (await handleMessage(
      { type: 'listing-viewed', items: [{ ...product, price: null }] },
      fromAmazon,
      OWN_ORIGIN,
    )) as { estimates: { texts: { badge: string; range: string; label: string } }[] };
    expect(unpriced.estimates[0]?.texts).toEqual({
      badge: expect.stringMatching(/^overlay_estimate\([\d.,]+\) · overlay_noPriceShort\(\)$/),
      range: expect.stringMatching(/^overlay_range\([\d.,]+,[\d.,]+\) · overlay_noPrice\(\)$/),
      label: expect.stringMatching(/^overlay_listingLabel\(.+\)\. overlay_noPriceMeaning\(\)$/),
    });
    // Two items of different categories: nothing to compare, nothing marked.
    expect(answer.lowest).toEqual({ mark: '· overlay_lowest()', among: ['', ''] });
    // What the comparison needs, sent back by the content script with later items: category and
    // pack size. (A kettle's litres are its capacity, not what it holds: no per-kg comparison.)
    expect(answer.estimates[1]).toMatchObject({ category: expect.any(String), netKg: null, count: 1 });
    const coffee = (title: string) => ({
      ...product,
      title,
      category: ['Grocery', 'Coffee'],
      url: `https://www.amazon.com/dp/${title.length}`,
    });
    const packs = (await handleMessage(
      { type: 'listing-viewed', items: [coffee('Ground coffee 500 g'), coffee('Ground coffee, 4 x 250 g')] },
      fromAmazon,
      OWN_ORIGIN,
    )) as { estimates: { netKg: number | null; count: number }[] };
    expect(packs.estimates.map((e) => [e.netKg, e.count])).toEqual([
      [0.5, 1],
      [1, 4],
    ]);
    expect(await countEvents()).toBe(0);
    const mixed = [product, { ...product, url: 'https://www.ebay.com/itm/1' }];
    expect(await handleMessage({ type: 'listing-viewed', items: mixed }, fromAmazon, OWN_ORIGIN)).toBeUndefined();
  });

  it('marks the lowest among the items badged before and the new ones, and says among what', async () => {
    const kettle = (title: string, n: number) => ({
      ...product,
      title,
      url: `https://www.amazon.com/dp/B00000001${n}`,
    });
    const first = (await handleMessage(
      { type: 'listing-viewed', items: [kettle('Glass kettle 1.2 l', 1), kettle('Steel kettle 1.7 l', 2)] },
      fromAmazon,
      OWN_ORIGIN,
    )) as { estimates: { category: string; kgCO2e: number; netKg: number | null; count: number }[] };
    const [a, b] = first.estimates;
    expect(a?.category).toBe(b?.category);
    // A third of the same category arrives later; the two before come back from the content script.
    const earlier = [
      { ...a, kgCO2e: 0.001 },
      { ...b, kgCO2e: 1e6 },
      { category: 'drop-tables; --', kgCO2e: 0, netKg: null, count: 1 },
    ];
    const answer = (await handleMessage(
      { type: 'listing-viewed', items: [kettle('Electric kettle 1.5 l', 3)], earlier },
      fromAmazon,
      OWN_ORIGIN,
    )) as { estimates: { kgCO2e: number }[]; lowest: { among: string[] } };
    // Three comparable items (the malformed one is compared with nothing): the lowest quarter is
    // one, an item badged before, named with its category as the shopper reads it.
    expect(answer.estimates[0]?.kgCO2e).toBeGreaterThan(0.001);
    expect(answer.lowest.among).toEqual(['compare_lowest(3,Kettles)', '', '', '']);
    expect(await countEvents()).toBe(0);
  });

  it('gives a malformed listing item no estimate and still estimates the others', async () => {
    const items = [
      product,
      { ...product, title: 42 },
      { ...product, price: { amount: 'free', currency: 'USD' } },
      product,
    ];
    const answer = (await handleMessage({ type: 'listing-viewed', items }, fromAmazon, OWN_ORIGIN)) as {
      estimates: ({ kgCO2e: number } | null)[];
    };
    expect(answer.estimates.map((e) => e !== null && e.kgCO2e > 0)).toEqual([true, false, false, true]);
    expect(await countEvents()).toBe(0);
  });

  it('credits a greener choice only with what our own alternatives save', async () => {
    const table = {
      ...product,
      title: 'Solid oak dining table, 6 seats',
      url: 'https://www.amazon.com/dp/B000000002',
      category: ['Furniture', 'Tables', 'Dining tables'],
      price: { amount: 900, currency: 'USD' },
    };
    const pine = { ...table, title: 'Pine dining table, 4 seats', url: 'https://www.amazon.com/dp/B000000004' };
    const choose = async (alternative: object) =>
      (
        (await handleMessage(
          { type: 'choice-made', product: table, choice: 'greener', alternative },
          fromAmazon,
          OWN_ORIGIN,
        )) as { avoidedKgCO2e: number }
      ).avoidedKgCO2e;
    await handleMessage({ type: 'product-viewed', product: table }, fromAmazon, OWN_ORIGIN);
    // A page claiming a second-hand offer we never made, or an "item on the page" that is no
    // lower than the product, is credited nothing.
    expect(
      await choose({ kind: 'second-hand', title: 'Buy a thousand second-hand ships', url: null, product: null }),
    ).toBe(0);
    expect(
      await choose({ kind: 'on-page', title: 'Same table', url: table.url, product: { ...table, url: pine.url } }),
    ).toBe(0);
    const cheaper = { ...pine, price: { amount: 150, currency: 'USD' } };
    const credited = await choose({ kind: 'on-page', title: pine.title, url: pine.url, product: cheaper });
    expect(credited).toBeGreaterThan(10);
  });

  it('opens our own methods page in a new tab, whatever the page adds to the message', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `chrome-extension://id${path}`);
    expect(await handleMessage({ type: 'open-methods', url: 'https://evil.example/' }, fromAmazon, OWN_ORIGIN)).toEqual(
      { opened: true },
    );
    expect(created).toHaveBeenCalledWith({ url: 'chrome-extension://id/options.html#methods' });
    expect(await countEvents()).toBe(0);
  });

  it('switches the overlay off for the sending shop only', async () => {
    expect(await handleMessage({ type: 'hide-on-site', host: 'www.ebay.com' }, fromAmazon, OWN_ORIGIN)).toEqual({
      hidden: true,
    });
    expect((await readSettings(openLedger())).disabledShops).toEqual(['www.amazon.com']);
    expect(await handleMessage({ type: 'product-viewed', product }, fromAmazon, OWN_ORIGIN)).toMatchObject({
      estimate: null,
      hidden: true,
    });
    expect(await countEvents()).toBe(0);
  });

  it.each([
    ['none', { estimate: null, hidden: true }],
    ['no-alternatives', { hidden: false, alternatives: [] }],
  ] as const)('follows a study arm whose overlay is %s, and stamps the event', async (overlay, answer) => {
    const db = openLedger();
    const study = {
      format: 'carbon-ledger-study',
      version: 1,
      id: 'arm-test',
      title: 'Arm test',
      consent: 'You agree to take part in a test.',
      arms: [{ id: 'only', probability: 1, overlay }],
      start: '2020-01-01',
      end: '2099-12-31',
      exportEventTypes: ['product-viewed'],
    };
    await enroll(db, study as unknown as Parameters<typeof enroll>[1], { consentAcceptedAt: new Date() });
    const shirt = { ...product, title: 'Cotton T-shirt', category: ['Clothing', 'T-Shirts'] };
    expect(await handleMessage({ type: 'product-viewed', product: shirt }, fromAmazon, OWN_ORIGIN)).toMatchObject(
      answer,
    );
    const [event] = await db.events.toArray();
    expect(event?.study).toMatchObject({ studyId: 'arm-test', arm: 'only' });
  });
});
