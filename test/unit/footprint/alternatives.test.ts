import { describe, expect, it } from 'vitest';
import { greenerAlternatives } from '../../../shared/footprint/alternatives.ts';
import { estimateFootprint } from '../../../shared/footprint/estimate.ts';
import type { Product } from '../../../shared/product.ts';

const product = (title: string, url: string, fields: Partial<Product> = {}): Product => ({
  title,
  price: null,
  brand: null,
  category: [],
  gtin: null,
  url,
  ...fields,
});

describe('greenerAlternatives', () => {
  it('ranks lower-footprint items of the same category on the page, with their URL', () => {
    const beef = product('Ground beef 1 kg', 'https://shop.example/beef');
    const others = [
      product('Chicken breast 1 kg', 'https://shop.example/chicken'),
      product('Pork mince 1 kg', 'https://shop.example/pork'),
      product('Beef steak 1 kg', 'https://shop.example/steak'),
    ];
    const list = greenerAlternatives(beef, estimateFootprint(beef)!, others);
    // Chicken and pork are other categories; another beef item of the same footprint saves nothing.
    expect(list.filter((a) => a.kind === 'on-page')).toHaveLength(0);
    const laptop = product('Dell Precision 7750 17" mobile workstation laptop', 'https://shop.example/big', {
      brand: 'Dell',
    });
    const small = product('Apple MacBook Air 13-inch (M1 CPU) 256GB - 2020 laptop', 'https://shop.example/air', {
      brand: 'Apple',
    });
    const ranked = greenerAlternatives(laptop, estimateFootprint(laptop)!, [small, laptop]);
    const onPage = ranked.filter((a) => a.kind === 'on-page');
    expect(onPage).toHaveLength(1);
    expect(onPage[0]!.url).toBe('https://shop.example/air');
    expect(onPage[0]!.avoidedKgCO2e).toBeGreaterThan(50);
  });

  it('offers second-hand for clothing with a sourced share, and the low-carbon purchase actions', () => {
    const jeans = product("Levi's 501 Original Jeans", 'https://shop.example/jeans', { brand: "Levi's" });
    const estimate = estimateFootprint(jeans)!;
    const list = greenerAlternatives(jeans, estimate, []);
    const secondHand = list.find((a) => a.kind === 'second-hand')!;
    expect(secondHand.avoidedKgCO2e).toBeGreaterThan(0.9 * estimate.kgCO2e);
    expect(secondHand.sources[0]!.publisher).toMatch(/Energy Security/);
    const decline = list.find((a) => a.actionId === 'decline-single-use')!;
    expect(decline.avoidedKgCO2e).toBeCloseTo(0.0527, 4);
    expect(list.find((a) => a.actionId === 'recycled-carton')!.avoidedKgCO2e).toBeCloseTo(0.037, 4);
    for (let i = 1; i < list.length; i++)
      expect(list[i - 1]!.avoidedKgCO2e).toBeGreaterThanOrEqual(list[i]!.avoidedKgCO2e);
    for (const alt of list) {
      expect(alt.reason.length).toBeGreaterThan(10);
      expect(alt.sources.length).toBeGreaterThan(0);
    }
  });

  it('offers refurbished and a more efficient class for appliances, and none for used items', () => {
    const fridge = product('Kühlschrank 250 l', 'https://shop.example/fridge');
    const list = greenerAlternatives(fridge, estimateFootprint(fridge, { country: 'DE' })!, []);
    expect(list.some((a) => a.kind === 'refurbished')).toBe(true);
    expect(list.some((a) => a.kind === 'efficient')).toBe(true);
    const used = { ...fridge, condition: 'used' as const };
    expect(greenerAlternatives(used, estimateFootprint(used)!, []).some((a) => a.kind === 'refurbished')).toBe(false);
  });

  it('suggests a lower-carbon food or material', () => {
    const beef = product('Beef mince 500 g', 'https://shop.example/beef');
    const swap = greenerAlternatives(beef, estimateFootprint(beef)!, []).find((a) => a.kind === 'material')!;
    expect(swap.title).toMatch(/chicken/);
    expect(swap.avoidedKgCO2e).toBeCloseTo(0.5 * (99.48 - 9.87), 1);
  });
});
