import { describe, expect, it } from 'vitest';
import { classifyProduct } from '../../../shared/footprint/classify.ts';
import { CATEGORIES } from '../../../shared/footprint/taxonomy.ts';

const classify = (title: string, category: string[] = [], brand: string | null = null) =>
  classifyProduct({ title, category, brand });

describe('taxonomy', () => {
  it('has 100–200 unique categories covering every group of goods bought online', () => {
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(100);
    expect(CATEGORIES.length).toBeLessThanOrEqual(200);
    expect(new Set(CATEGORIES.map((c) => c.id)).size).toBe(CATEGORIES.length);
    const groups = new Set(CATEGORIES.map((c) => c.group));
    for (const group of [
      'electronics',
      'large-appliances',
      'small-appliances',
      'clothing',
      'shoes',
      'furniture',
      'food-drink',
      'beauty-health',
      'toys-baby',
      'books-media-office',
      'sports',
      'home-garden',
      'pet',
      'automotive',
    ])
      expect(groups, group).toContain(group);
  });
});

describe('classifyProduct', () => {
  it.each([
    ['Apple MacBook Air 13-inch M2 Laptop', [], 'laptops'],
    ['Samsung 65" QLED 4K Smart TV', [], 'televisions'],
    ['Laptop Bag 15 inch for MacBook', [], 'backpacks-luggage'],
    ["Men's Running Shoes", ['Clothing, Shoes & Jewelry', 'Men', 'Shoes'], 'sneakers'],
    ['Leather sandals', ['Clothing, Shoes & Jewelry', 'Women', 'Shoes'], 'shoes'],
    ['Nike Air Max 90 Sneakers', [], 'sneakers'],
    ['Organic Whole Milk, 1 gallon', ['Grocery', 'Dairy'], 'milk'],
    ['Dell P2422H 24 Monitor', ['Electronics', 'Computers', 'Monitors'], 'monitors'],
  ])('English: %s → %s', (title, trail, id) => {
    expect(classify(title, trail).category.id).toBe(id);
  });

  it.each([
    ['Ergonomischer Bürostuhl mit Armlehnen', ['Möbel', 'Büromöbel'], 'office-chairs'],
    ['Bosch Waschmaschine Serie 6 WAU28P40', [], 'washing-machines'],
    ['Philips Wasserkocher 1,7 l Edelstahl', [], 'kettles'],
    ['Harry Potter und der Stein der Weisen (Taschenbuch)', [], 'books'],
    ['Damen Winterjacke wasserdicht', [], 'jackets'],
    ['Kaffeevollautomat mit Milchsystem', [], 'coffee-machines'],
  ])('German: %s → %s', (title, trail, id) => {
    expect(classify(title, trail).category.id).toBe(id);
  });

  it.each([
    ['华为笔记本电脑 MateBook 14', [], 'laptops'],
    ['小米 电饭煲 4L', [], 'kitchen-appliances'],
    ['海尔 冰箱 双开门', [], 'refrigerators'],
    ['农夫山泉 饮用天然水 550毫升', [], 'water'],
    ['李宁 运动鞋 男款', [], 'sneakers'],
    ['儿童积木玩具', [], 'building-toys'],
  ])('Chinese: %s → %s', (title, trail, id) => {
    expect(classify(title, trail).category.id).toBe(id);
  });

  it('trusts the shop trail over title words and is surest when both agree', () => {
    const both = classify('Steelcase Gesture Office Chair', ['Furniture', 'Office Furniture', 'Office Chairs']);
    expect(both.category.id).toBe('office-chairs');
    expect(both.confidence).toBeGreaterThanOrEqual(0.85);
    const titleOnly = classify('Steelcase Gesture Office Chair');
    expect(titleOnly.confidence).toBeLessThan(both.confidence);
    expect(classify('Clothing > Jeans item', ['Clothing > Jeans']).category.id).toBe('jeans');
  });

  it('falls back to a brand hint with low confidence, and stays unknown with lower still', () => {
    const hinted = classify('Original Fit Stonewash', [], "Levi's");
    expect(hinted.category.id).toBe('jeans');
    expect(hinted.confidence).toBeLessThan(0.5);
    const unknown = classify('Zyxel thing XYZ-200');
    expect(unknown.category.id).toBe('unknown');
    expect(unknown.confidence).toBeLessThanOrEqual(0.1);
  });
});
