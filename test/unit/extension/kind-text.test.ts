// Where a product sits among its kind: against the estimate of a typical product of its category,
// said only when the category is sure and the typical figure lies outside the product's range (or
// inside a narrow one); the badge's text comes in the shopper's language.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { amongKindText } from '../../../extension/entrypoints/background/kind-text.ts';
import { estimateFootprint } from '../../../shared/footprint/estimate.ts';
import { CATEGORIES } from '../../../shared/footprint/taxonomy.ts';
import { amongKind, typicalKgOf } from '../../../shared/footprint/typical.ts';
import type { Product } from '../../../shared/product.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { product } from '../product.ts';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string, subs?: string | (string | number)[]) => `${key}(${[subs ?? []].flat().join(',')})`,
  );
});

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const among = (p: Product) => amongKind(p, estimateFootprint(p)!);

describe('typicalKgOf', () => {
  it('has a typical figure for nearly every category, from its name alone', () => {
    const known = CATEGORIES.filter((c) => typicalKgOf(c.id) !== null);
    expect(known.length).toBeGreaterThan(CATEGORIES.length * 0.9);
    // A typical laptop weighs more in CO2e than a typical smartphone, which weighs more than a T-shirt.
    expect(typicalKgOf('laptops')!).toBeGreaterThan(typicalKgOf('smartphones')!);
    expect(typicalKgOf('smartphones')!).toBeGreaterThan(typicalKgOf('t-shirts')!);
    expect(typicalKgOf('no-such-category')).toBeNull();
  });
});

describe('amongKind', () => {
  it('a light T-shirt is lower than typical; a Dell XPS 15 higher; a monitor with a maker figure lower', () => {
    const shirt = among(
      product({ title: 'Cotton T-shirt', price: eur(5), category: ['Clothing', 'T-shirts'], weightKg: 0.15 }),
    );
    expect(shirt).toMatchObject({ position: 'lower', category: 't-shirts' });
    const xps = among(
      product({ title: 'Dell XPS 15 laptop', price: eur(2000), brand: 'Dell', category: ['Computers', 'Laptops'] }),
    );
    expect(xps).toMatchObject({ position: 'higher', category: 'laptops' });
    expect(xps!.typicalKgCO2e).toBeCloseTo(typicalKgOf('laptops')!, 6);
  });

  it('says nothing when the typical figure lies inside a wide range', () => {
    const table = product({ title: 'Oak dining table', price: eur(900), category: ['Furniture', 'Tables'] });
    const estimate = estimateFootprint(table)!;
    expect(estimate.low).toBeLessThan(typicalKgOf('tables')!);
    expect(estimate.high).toBeGreaterThan(typicalKgOf('tables')!);
    expect(amongKind(table, estimate)).toBeNull();
  });

  it('says nothing for an estimate from the category alone, or an unknown category', () => {
    expect(among(product({ title: 'Electric kettle', category: ['Kitchen', 'Kettles'] }))).toBeNull();
    expect(among(product({ title: 'Thing 42', price: eur(20) }))).toBeNull();
  });
});

describe('amongKindText', () => {
  const xps = product({ title: 'Dell XPS 15 laptop', price: eur(2000), brand: 'Dell', category: ['Laptops'] });

  it('names the category in the shopper language, lower-cased inside an English sentence only', () => {
    const estimate = estimateFootprint(xps)!;
    expect(amongKindText(xps, estimate, 'en')).toBe('kind_higher(laptops)');
    expect(amongKindText(xps, estimate, 'de')).toBe('kind_higher(Laptops)');
    expect(amongKindText(xps, estimate, 'zh')).toBe('kind_higher(笔记本电脑)');
    const table = product({ title: 'Oak dining table', price: eur(900), category: ['Furniture', 'Tables'] });
    expect(amongKindText(table, estimateFootprint(table)!, 'en')).toBeNull();
  });

  it('every key exists in English, German and Chinese, and differs from the English', () => {
    const texts = (locale: string) => {
      const yml = readFileSync(join(REPO_ROOT, 'extension', 'locales', `${locale}.yml`), 'utf8');
      const group = yml.split(/\nkind:\n/)[1]!.split(/\n\n/)[0]!;
      return Object.fromEntries([...group.matchAll(/^ {2}(\w+): "([^"]+)"$/gm)].map((m) => [m[1], m[2]]));
    };
    const en = texts('en');
    expect(Object.keys(en).sort()).toEqual(['higher', 'lower', 'same']);
    for (const locale of ['de', 'zh_CN']) {
      const other = texts(locale);
      expect(Object.keys(other).sort(), locale).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(other[key], `${locale}: ${key}`).toContain('$1');
        expect(other[key], `${locale}: ${key}`).not.toBe(en[key]);
      }
    }
  });
});
