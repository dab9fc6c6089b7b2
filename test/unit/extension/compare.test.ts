import { describe, expect, it } from 'vitest';
import { type ComparableItem, lowestMarks } from '../../../shared/footprint/compare.ts';

const item = (category: string, kgCO2e: number, netKg: number | null = null, count = 1): ComparableItem => ({
  category,
  kgCO2e,
  netKg,
  count,
});

describe('lowestMarks', () => {
  it('never compares across categories: a T-shirt is not "lowest" next to a table', () => {
    // The demo shop's front page: one of each, the T-shirt far lower than the table.
    const marks = lowestMarks([item('tables', 87), item('t-shirts', 3.8), item('kettles', 40), item('laptops', 300)]);
    expect(marks).toEqual([null, null, null, null]);
  });

  it('marks the lowest quarter of a category with enough items, and says among how many', () => {
    const marks = lowestMarks([
      item('t-shirts', 6),
      item('tables', 90),
      item('t-shirts', 3.8),
      item('t-shirts', 9),
      item('tables', 70),
      item('t-shirts', 12),
    ]);
    expect(marks).toEqual([null, null, { basis: 'offer', among: 4 }, null, null, null]);
  });

  it('compares per kg where pack sizes differ, leaving out items that write no size', () => {
    const marks = lowestMarks([
      item('coffee', 5, 1), // 5 kg CO2e per kg
      item('coffee', 3, 0.25), // 12 per kg: lowest per offer, not per kg
      item('coffee', 4.5, 0.5), // 9 per kg
      item('coffee', 1), // no size: cannot be compared per kg
    ]);
    expect(marks).toEqual([{ basis: 'kg', among: 3 }, null, null, null]);
  });

  it('compares per offer when every pack is the same size', () => {
    const marks = lowestMarks([item('coffee', 5, 0.5), item('coffee', 3, 0.5), item('coffee', 4, 0.5)]);
    expect(marks).toEqual([null, { basis: 'offer', among: 3 }, null]);
  });

  it('compares per unit where only the count differs', () => {
    const marks = lowestMarks([item('socks', 2, null, 1), item('socks', 4, null, 4), item('socks', 3, null, 2)]);
    expect(marks).toEqual([null, { basis: 'unit', among: 3 }, null]);
  });

  it('marks nothing among too few comparable items or unknown categories', () => {
    expect(lowestMarks([item('mugs', 1), item('mugs', 2)])).toEqual([null, null]);
    expect(lowestMarks([item('unknown', 1), item('unknown', 2), item('unknown', 3)])).toEqual([null, null, null]);
  });
});
