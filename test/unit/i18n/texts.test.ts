// Every text the shopper sees exists in English, German and Chinese, and the German and Chinese
// ones are translations, not English left in place: the locale files, the category names and the
// estimate's texts (method, range, steps, alternatives), rendered for real estimates.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHOD_TIERS } from '../../../extension/pages/dashboard/MethodsSection.tsx';
import type { Tier } from '../../../shared/footprint/data/calibration.ts';
import { CALIBRATION } from '../../../shared/footprint/data/calibration.ts';
import { TIER_LABEL } from '../../../shared/footprint/explain.ts';
import { estimateFootprint, greenerAlternatives } from '../../../shared/footprint/index.ts';
import { CATEGORIES, UNKNOWN } from '../../../shared/footprint/taxonomy.ts';
import { CATEGORY_NAMES } from '../../../shared/i18n/categories.ts';
import { estimateIn } from '../../../shared/i18n/estimate.ts';
import { FOOTPRINT_TEXTS } from '../../../shared/i18n/footprint-texts.ts';
import { type Lang, plural } from '../../../shared/i18n/format.ts';
import { categoryName } from '../../../shared/i18n/names.ts';
import { alternativesShown, ourAlternatives } from '../../../shared/ledger/worth.ts';
import type { Product } from '../../../shared/product.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { product } from '../product.ts';
import { englishRun } from './english.ts';

/** `group.key` → text of a locale file (one level of nesting). */
function localeTexts(locale: string): Map<string, string> {
  const texts = new Map<string, string>();
  let group: string | null = null;
  for (const line of readFileSync(join(REPO_ROOT, 'extension', 'locales', `${locale}.yml`), 'utf8').split('\n')) {
    const top = /^([A-Za-z_]+):\s*$/.exec(line);
    if (top) group = top[1]!;
    else if (/^\S/.test(line)) group = null;
    const nested = /^ {2}([A-Za-z0-9_]+):\s*(.*)$/.exec(line);
    if (group && nested) texts.set(`${group}.${nested[1]}`, nested[2]!.replace(/^["']|["']$/g, ''));
  }
  return texts;
}

/** Texts that are the same in German (or Chinese) because they hold only figures, units or names. */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  de: ['overlay.estimate', 'overlay.range', 'overlay.method', 'dashboard.title', 'dashboard.shop', 'dashboard.sites'],
  zh_CN: ['overlay.estimate', 'overlay.range', 'overlay.method'],
};

/** Category names that German writes as English does (loanwords). */
const SAME_CATEGORY_NAMES = new Set(['Laptops', 'Tablets', 'Smartphones', 'Jeans', 'Make-up']);

describe('locale files', () => {
  const english = localeTexts('en');

  it.each(['de', 'zh_CN'])('%s has every key, and none left in English but figures and names', (locale) => {
    const texts = localeTexts(locale);
    expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
    const same = [...english].filter(([key, text]) => texts.get(key) === text).map(([key]) => key);
    expect(same.sort()).toEqual([...(SAME_AS_ENGLISH[locale] ?? [])].sort());
    for (const [key, text] of texts) expect(englishRun(text), `${locale} ${key}: ${text}`).toBeNull();
  });

  it('says kg in every language: no 千克 beside the popup’s kg', () => {
    const zh = [...localeTexts('zh_CN').values()].join('\n');
    expect(zh).not.toContain('千克');
    expect(localeTexts('zh_CN').get('overlay.estimate')).toContain('kg');
  });

  it('has a singular form beside each counted text', () => {
    for (const [key] of english) if (key.endsWith('One')) expect(english.has(key.slice(0, -3)), key).toBe(true);
    expect(english.get('popup.daysOne')).toBe('$1 day');
    expect(localeTexts('de').get('dashboard.daysOne')).toBe('$1 Tag');
  });
});

describe('plurals', () => {
  it('picks the singular for one day in English and German, and Chinese’s one form', () => {
    const forms = (lang: string) => ({ one: `one-${lang}`, other: `other-${lang}` });
    expect(plural(1, 'en', forms('en'))).toBe('one-en');
    expect(plural(2, 'en', forms('en'))).toBe('other-en');
    expect(plural(0, 'de-DE', forms('de'))).toBe('other-de');
    expect(plural(1, 'de_DE', forms('de'))).toBe('one-de');
    expect(plural(1, 'zh-CN', forms('zh'))).toBe('other-zh');
  });
});

describe('category names', () => {
  it('has a German and a Chinese name for every category', () => {
    for (const category of [...CATEGORIES, UNKNOWN]) {
      const names = CATEGORY_NAMES[category.id];
      expect(names, category.id).toBeDefined();
      const [de, zh] = names!;
      if (!SAME_CATEGORY_NAMES.has(de)) expect(de, category.id).not.toBe(category.label);
      expect(zh, category.id).not.toBe(category.label);
      expect(zh, category.id).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.keys(CATEGORY_NAMES).length).toBe(CATEGORIES.length + 1);
    expect(categoryName('tables', 'de')).toBe('Tische');
    expect(categoryName('tables', 'en')).toBe('Tables');
  });
});

describe('estimate texts', () => {
  const languages = ['de', 'zh'] as const;

  it('has every method, delivery mode and purchase action in both languages', () => {
    for (const lang of languages) {
      const t = FOOTPRINT_TEXTS[lang];
      expect(Object.keys(t).sort()).toEqual(Object.keys(FOOTPRINT_TEXTS.de).sort());
      expect(Object.keys(t.tier).sort()).toEqual(Object.keys(TIER_LABEL).sort());
      for (const tier of Object.keys(TIER_LABEL) as Tier[]) expect(t.tier[tier]).not.toBe(TIER_LABEL[tier]);
      expect(Object.keys(t.material).sort()).toEqual(Object.keys(FOOTPRINT_TEXTS.de.material).sort());
      expect(Object.keys(t.food).sort()).toEqual(Object.keys(FOOTPRINT_TEXTS.de.food).sort());
      expect(Object.keys(t.actionBasis).sort()).toEqual(Object.keys(FOOTPRINT_TEXTS.de.actionBasis).sort());
    }
  });

  // Real estimates that go through every kind of step: a device with published neighbours, a
  // combination with a typical item and the price, food by weight, a refurbished appliance with
  // its use phase, an offer without a price, electronics by weight, one the classifier cannot place.
  const products: Product[] = [
    product({
      title: 'Dell Latitude 5440 laptop 14 inch',
      price: { amount: 1200, currency: 'EUR' },
      brand: 'Dell',
      category: ['Computers', 'Laptops'],
    }),
    product({ title: 'Oak dining table, 6 seats', price: { amount: 900, currency: 'USD' }, category: ['Furniture'] }),
    product({ title: 'Organic beef mince 500 g', price: { amount: 6, currency: 'EUR' }, category: ['Food', 'Meat'] }),
    product({
      title: 'Bosch Serie 4 washing machine 8 kg',
      price: { amount: 549, currency: 'EUR' },
      brand: 'Bosch',
      condition: 'refurbished',
      country: 'DE',
    }),
    product({ title: 'Cotton T-shirt', category: ['Clothing'] }),
    product({ title: 'Wireless keyboard and mouse set', price: { amount: 40, currency: 'GBP' }, weightKg: 0.9 }),
    product({ title: 'Wool sweater, cable knit', price: { amount: 80, currency: 'EUR' } }),
    product({ title: 'Zorblax 3000', price: { amount: 25, currency: 'USD' } }),
  ];
  const links = { methods: 'chrome-extension://id/options.html#methods' };

  /** Everything the overlay shows of an estimate and its alternatives, as lines. */
  const shown = (item: Product, lang: Lang): string[] => {
    const estimate = estimateFootprint(item);
    if (!estimate) throw new Error(`no estimate for ${item.title}`);
    const texts = estimateIn(estimate, lang, links);
    const alternatives = greenerAlternatives(item, estimate, [], {}, lang);
    return [
      texts.categoryLabel,
      texts.method,
      texts.rangeMeaning,
      ...texts.steps,
      ...alternatives.flatMap((a) => [a.title, a.reason]),
      ...texts.sources.filter((s) => s.publisher === 'Carbon Ledger').map((s) => s.title),
    ];
  };

  it('finds English in the English texts (the check can fail)', () => {
    const english = products.flatMap((item) => shown(item, 'en'));
    expect(english.filter((line) => englishRun(line)).length).toBeGreaterThan(products.length);
  });

  it.each(languages)('leaves no English sentence in %s', (lang) => {
    for (const item of products) {
      const lines = shown(item, lang);
      expect(lines.length).toBeGreaterThan(3);
      for (const line of lines) expect(englishRun(line), `${item.title}: ${line}`).toBeNull();
      const english = shown(item, 'en');
      // Same figures: every line differs from its English one unless it is only a name.
      expect(lines.slice(3).filter((line) => english.includes(line))).toEqual([]);
    }
  });

  it('composes no "Buy this tables": advice needs no inflected category', () => {
    const table = products[1]!;
    const estimate = estimateFootprint(table)!;
    const titles = greenerAlternatives(table, estimate).map((a) => a.title);
    expect(titles).toContain('Buy it second-hand instead of new');
    expect(titles.join(' ')).not.toMatch(/this \w+s\b/);
  });

  it('recognises advice shown in German or Chinese when the page reports it back, and records it in English', () => {
    const table = products[1]!;
    const estimate = estimateFootprint(table)!;
    for (const lang of languages) {
      const shownHere = alternativesShown(table, estimate, true, lang).find((a) => a.kind === 'second-hand')!;
      expect(shownHere.title).not.toBe('Buy it second-hand instead of new');
      const [ours] = ourAlternatives(table, estimate, [{ kind: 'second-hand', title: shownHere.title, url: null }]);
      expect(ours?.title).toBe('Buy it second-hand instead of new');
    }
    const [made] = ourAlternatives(table, estimate, [{ kind: 'second-hand', title: 'Buy ten ships', url: null }]);
    expect(made).toBeUndefined();
  });

  it('links our own assumptions to the methods page, never a path relative to the shop', () => {
    const shirt = estimateIn(estimateFootprint(products[4]!)!, 'de', links);
    const own = shirt.sources.filter((s) => !/^https?:/.test(s.url));
    expect(own.length).toBeGreaterThan(0);
    for (const source of own) expect(source.url).toBe(links.methods);
    expect(shirt.sources.some((s) => s.url.includes('docs/'))).toBe(false);
  });
});

describe('methods and sources on the dashboard', () => {
  it('lists the methods the estimator has, in its order', () => {
    expect(METHOD_TIERS).toEqual(Object.keys(TIER_LABEL));
    expect([...METHOD_TIERS].sort()).toEqual(Object.keys(CALIBRATION).sort());
  });

  it('names every method an estimate reports', () => {
    const items = [
      product({ title: 'Apple MacBook Air 13 M2 laptop', price: { amount: 1199, currency: 'USD' }, brand: 'Apple' }),
      product({ title: 'Oak dining table', price: { amount: 900, currency: 'USD' } }),
      product({ title: 'Ground beef 500 g', price: { amount: 6, currency: 'EUR' } }),
      product({ title: 'Zorblax 3000', price: { amount: 25, currency: 'USD' } }),
    ];
    for (const item of items)
      for (const tier of estimateFootprint(item)?.methods ?? []) expect(METHOD_TIERS).toContain(tier);
  });

  it('does not say estimates are price-based only, which the overlay contradicts', () => {
    for (const locale of ['en', 'de', 'zh_CN']) {
      const text = localeTexts(locale).get('dashboard.methodsEstimate') ?? '';
      expect(text).not.toMatch(/spend-based:|ausgabenbasiert:|基于支出：/);
    }
  });
});
