import { describe, expect, it } from 'vitest';
import { parseQuantity, parseScreenInches, parseYear } from '../../../shared/footprint/parse.ts';

describe('parseQuantity', () => {
  it.each([
    ['Peanut Butter, 23 oz', 0.652, 1],
    ['Coca-Cola 6 x 330 ml', 1.98, 6],
    ['Carling Lager, 24 x 568 ml cans', 13.632, 24],
    ['Haribo Goldbären 1,5 kg', 1.5, 1],
    ['Nutella 6er Pack 450g', 2.7, 6],
    ['Olive oil 750ml', 0.75, 1],
    ['Rice 2 lb bag', 0.907, 1],
    ['农夫山泉 550毫升 24瓶装', 13.2, 24],
    ['五常大米 5千克', 5, 1],
    ['Sparkling water 330 ml x 12', 3.96, 12],
  ])('%s → %f kg in %i', (title, kg, count) => {
    const quantity = parseQuantity(title);
    expect(quantity?.kg).toBeCloseTo(kg, 2);
    expect(quantity?.count).toBe(count);
  });

  it('finds nothing where no quantity is written', () => {
    expect(parseQuantity('Dell Latitude 5420 laptop')).toBeNull();
    expect(parseQuantity('iPhone 12 Pro 128GB')).toBeNull();
  });
});

describe('screen size and year', () => {
  it.each([
    ['MacBook Air 13-inch 2020', 13],
    ['Samsung 65" QLED', 65],
    ['LG 27 Zoll Monitor', 27],
    ['小米电视 55英寸', 55],
    ['Dell 15.6 inch laptop', 15.6],
    ['Fairphone 3 5.65"', 5.65],
    ['Galaxy S23 6,1 Zoll', 6.1],
  ])('%s → %f inches', (title, inches) => {
    expect(parseScreenInches(title)).toBe(inches);
  });

  it('reads a model year only in range', () => {
    expect(parseYear('MacBook Pro - 2021')).toBe(2021);
    expect(parseYear('Latitude 5420')).toBeNull();
  });
});
