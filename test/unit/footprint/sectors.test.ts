import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyProduct } from '../../../shared/footprint/classify.ts';
import { EEIO_KG_PER_USD2022 } from '../../../shared/footprint/data/eeio.ts';
import { SECTOR_MODEL } from '../../../shared/footprint/data/sector-model.ts';
import { estimateFootprint } from '../../../shared/footprint/index.ts';
import { textFeatures } from '../../../shared/footprint/sector-features.ts';
import { chooseFromScores, SectorModel } from '../../../shared/footprint/sectors.ts';
import { CATEGORY_BY_ID } from '../../../shared/footprint/taxonomy.ts';
import { HAS_SHARED, REPO_ROOT } from '../../shared-fixtures.ts';

const classify = (title: string, category: string[] = []) => classifyProduct({ title, category, brand: null });
const estimate = (title: string, category: string[] = [], amount = 20) =>
  estimateFootprint({ title, category, brand: null, price: { amount, currency: 'USD' }, gtin: null, url: '' });

describe('classification on titles nobody wrote rules for', () => {
  it('does not make a computer of a mouse, cable or hub under "Computer Accessories"', () => {
    for (const trail of [['Computer Accessories'], ['Electronics', 'Computers & Accessories']]) {
      const mouse = classify('Logitech M185 Wireless Mouse, 2.4GHz with USB Mini Receiver', trail);
      expect(mouse.category.id).toBe('keyboards-mice');
      expect(estimate('Logitech M185 Wireless Mouse', trail)!.kgCO2e).toBeLessThan(30);
      for (const title of ['AmazonBasics USB-C to USB-A Cable', 'Anker USB C Hub 7-in-1 Adapter'])
        expect(classify(title, trail).category.id, title).not.toBe('desktops');
    }
  });

  it('does not make a computer of memory or a graphics card under "Computer Components"', () => {
    for (const trail of [['Computer Components'], ['Electronics', 'Computer Components'], ['PC-Komponenten']]) {
      for (const title of ['Corsair Vengeance 16GB DDR4 RAM', 'MSI GeForce RTX 4060 graphics card']) {
        expect(classify(title, trail).category.id, title).toBe('computer-components');
        expect(estimate(title, trail)!.kgCO2e, title).toBeLessThan(100);
      }
    }
  });

  it('does not make a rug of a carpet stain remover', () => {
    for (const [title, trail] of [
      ['Resolve Carpet Stain Remover 22 fl oz', []],
      ['Bissell Carpet Stain Remover Spray', ['Household Supplies']],
    ] as const) {
      const c = classify(title, [...trail]);
      expect(c.category.id, title).not.toBe('rugs');
      expect(c.naics.slice(0, 3), title).toBe('325');
    }
  });

  it('keeps gibberish unknown: unknown category, low confidence, the widest spend range', () => {
    for (const title of ['Zyxel thing XYZ-200', 'qwrtz plonk vrazzle 9000', 'Frobnicator deluxe unit', '']) {
      const c = classify(title);
      expect(c.category.id, title).toBe('unknown');
      expect(c.confidence, title).toBeLessThanOrEqual(0.1);
    }
    // No word the model knows: the all-other-manufacturing factor.
    for (const title of ['Zyxel thing XYZ-200', 'qwrtz plonk vrazzle 9000', ''])
      expect(classify(title).naics, title).toBe('339999');
    const known = estimate('Starbucks Pike Place Roast Ground Coffee 12 oz')!;
    for (const title of ['qwrtz plonk vrazzle 9000', 'Frobnicator deluxe unit']) {
      const e = estimate(title)!;
      expect(e.methods, title).toEqual(['spend-unknown']);
      expect(e.category, title).toBe('unknown');
      expect(e.high / e.low, title).toBeGreaterThan((known.high / known.low) * 1.5);
    }
    expect(estimate('qwrtz plonk vrazzle 9000')!.sector).toBe('339999');
  });

  it('an unknown product whose words the model half knows gets its best-estimate spend factor, said as such', () => {
    // Words the model has seen, none of a category: the model is unsure (below 0.15) but its
    // posterior, moved by the words away from its prior, still says which factor errs least; the
    // category stays unknown.
    const c = classify('Frobnicator deluxe blend');
    expect(c.category.id).toBe('unknown');
    expect(c.evidence).toMatch(/best estimate under uncertainty/);
    expect(c.naics).not.toBe('339999');
    const e = estimate('Frobnicator deluxe blend')!;
    expect(e.sector).toBe(c.naics);
    expect(e.steps[0]).toMatch(/best estimate under uncertainty/);
    // Words that barely move it from the prior (groceries, most of the training titles) give no
    // best estimate: the all-other-manufacturing factor.
    const vague = classify('Frobnicator deluxe unit');
    expect(vague.category.id).toBe('unknown');
    expect(vague.evidence).not.toMatch(/best estimate/);
    expect(vague.naics).toBe('339999');
  });

  it('a sure sector that no category stands for names the spend factor only: the category stays unknown', () => {
    // A model of three classes that reads one word, "plonk", as wood products (NAICS 321999, no category of ours).
    const features = new Int32Array(4);
    textFeatures('plonk', features, 0, 1);
    const sectors = ['311340', '321999', '311920'];
    const model = new SectorModel({
      sectors,
      categories: ['sweets', '', 'coffee'],
      factors: sectors.map((code) => EEIO_KG_PER_USD2022[code]!.kgPerUsd2022),
      bias: [0, 0, 0],
      weights: `${(features[0]! >>> 0).toString(36)} 1:400`,
      quantum: 1 / 64,
      temperature: 1,
      sources: [],
      trainedOn: '',
    });
    for (const title of ['plonk', 'plonk chocolate bar']) {
      const c = classifyProduct({ title, category: [], brand: null }, model);
      expect(c.naics, title).toBe('321999');
      expect(c.category.id, title).toBe('unknown');
      expect(c.confidence, title).toBeLessThanOrEqual(0.1);
    }
  });

  it('gives few non-grocery goods a food or drink sector (hand-written check set, written before any output was seen)', () => {
    const { titles } = JSON.parse(
      readFileSync(join(REPO_ROOT, 'test', 'unit', 'footprint', 'non-grocery-titles.json'), 'utf8'),
    ) as { titles: { title: string; industries: string[] }[] };
    expect(titles.length).toBeGreaterThanOrEqual(70);
    let food = 0;
    let allowed = 0;
    for (const { title, industries } of titles) {
      const c = classify(title);
      if (/^31[12]/.test(c.naics) || c.category.group === 'food-drink') food++;
      if (industries.includes(c.naics.slice(0, 3))) allowed++;
    }
    // The shipped model: 10 of 76 (13 %) food or drink, 48 (63 %) in an industry the set allows;
    // before (issue 20), the model of the training part with the earlier choice: 22 (29 %), 42 (55 %).
    expect(food / titles.length).toBeLessThanOrEqual(0.15);
    expect(allowed / titles.length).toBeGreaterThanOrEqual(0.6);
    // Words that say little leave the model at its grocery prior: no food sector as a best estimate.
    for (const title of ['Aluminum Foil Heavy Duty, 75 sq ft', 'Extension Cord 10 ft with 3 Outlets, Indoor']) {
      const c = classify(title);
      expect(c.category.id, title).toBe('unknown');
      expect(c.naics, title).toBe('339999');
    }
  });

  it.each([
    ['Lindt Vollmilch Schokolade 100g', 'chocolate', '3113'],
    ['Bio Kaffeebohnen 1kg', 'coffee', '311920'],
    ['Spülmittel Zitrone 500 ml', 'cleaning-products', '3256'],
    ['德芙 巧克力 礼盒', 'chocolate', '3113'],
    ['洗衣液 薰衣草 2kg', 'cleaning-products', '3256'],
    ['Starbucks Pike Place Roast Ground Coffee 12 oz', 'coffee', '311920'],
  ])('German, Chinese and English: %s → %s, sector %s…', (title, id, sector) => {
    const c = classify(title);
    expect(c.category.id).toBe(id);
    expect(c.naics.startsWith(sector)).toBe(true);
  });

  it('a shop trail that names a category keeps it and its sector, whatever the model says', () => {
    const c = classify('Gesture chair by Steelcase', ['Furniture', 'Office Furniture', 'Office Chairs']);
    expect(c.category.id).toBe('office-chairs');
    expect(c.naics).toBe(CATEGORY_BY_ID.get('office-chairs')!.naics);
  });

  it('names the sector it used in the JSON and in the first step, as the spend-based step does', () => {
    const e = estimate('Starbucks Pike Place Roast Ground Coffee 12 oz', [], 10)!;
    expect(e.sector).toBe('311920');
    expect(JSON.parse(JSON.stringify(e)).sector).toBe('311920');
    expect(e.steps[0]).toMatch(/sector NAICS 311920 Coffee and Tea Manufacturing/);
    const spendStep = e.steps.find((s) => s.includes('spend-based'));
    expect(spendStep).toMatch(/^NAICS 311920 /);
  });
});

describe('the committed sector model table', () => {
  it('has one sector, category and EPA factor per class, every sector in the factor table', () => {
    const n = SECTOR_MODEL.sectors.length;
    expect(n).toBeGreaterThan(100);
    expect(new Set(SECTOR_MODEL.sectors).size).toBe(n);
    expect(SECTOR_MODEL.categories).toHaveLength(n);
    expect(SECTOR_MODEL.bias).toHaveLength(n);
    for (const [i, code] of SECTOR_MODEL.sectors.entries()) {
      expect(code).toMatch(/^\d{6}$/);
      expect(EEIO_KG_PER_USD2022[code]?.kgPerUsd2022, code).toBe(SECTOR_MODEL.factors[i]);
      const id = SECTOR_MODEL.categories[i]!;
      if (id) expect(CATEGORY_BY_ID.has(id), id).toBe(true);
    }
    // Every taxonomy category's own sector is a class, and maps back onto a category with it.
    for (const category of CATEGORY_BY_ID.values())
      if (category.id !== 'unknown') expect(SECTOR_MODEL.sectors, category.id).toContain(category.naics);
  });

  it('scores only the classes a text touches, and chooses exactly as over every class', () => {
    const model = new SectorModel(SECTOR_MODEL);
    const factors = Float64Array.from(SECTOR_MODEL.factors);
    const titles = [
      'Starbucks Pike Place Roast Ground Coffee 12 oz',
      'Lindt Vollmilch Schokolade 100g',
      '德芙 巧克力 礼盒',
      'Purina ONE Dry Dog Food Chicken',
      'Resolve Carpet Stain Remover',
      'Frobnicator deluxe unit',
      'organic green tea bags with lemon and ginger',
    ];
    for (const [i, title] of titles.entries()) {
      const rule = i * 7919;
      const fast = model.choose(title, [], rule, factors)!;
      const industry = model.industries[fast.index]!;
      const fastIndustry = model.industryProbability(industry);
      const scores = model.scoresOf(title, [], rule)!.slice();
      const full = chooseFromScores(scores, factors, SECTOR_MODEL.temperature);
      expect(fast.index, title).toBe(full.index);
      expect(fast.top, title).toBe(full.top);
      expect(fast.probability).toBeCloseTo(full.probability, 9);
      expect(fast.topProbability).toBeCloseTo(full.topProbability, 9);
      const top = Math.max(...scores);
      let sum = 0;
      let inIndustry = 0;
      for (const [c, score] of scores.entries()) {
        const e = Math.exp((score - top) / SECTOR_MODEL.temperature);
        sum += e;
        if (model.industries[c] === industry) inIndustry += e;
      }
      expect(fastIndustry).toBeCloseTo(inIndustry / sum, 9);
    }
  });

  it('parses: every weight row names a known class, and the temperature is fitted', () => {
    const rows = SECTOR_MODEL.weights.split(';');
    expect(rows.length).toBeGreaterThan(1000);
    for (const row of rows.slice(0, 500)) {
      const [hash, ...entries] = row.split(' ');
      expect(Number.isFinite(Number.parseInt(hash!, 36))).toBe(true);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        const [cls, weight] = entry.split(':').map(Number);
        expect(cls).toBeLessThan(SECTOR_MODEL.sectors.length);
        expect(Number.isInteger(weight)).toBe(true);
      }
    }
    expect(SECTOR_MODEL.temperature).toBeGreaterThan(0.2);
    expect(SECTOR_MODEL.temperature).toBeLessThan(5);
  });

  it('records its sources and keeps CaML’s CDLA-Permissive-2.0 text beside it', () => {
    const names = SECTOR_MODEL.sources.map((s) => s.name).join(' | ');
    expect(names).toMatch(/CaML/);
    expect(SECTOR_MODEL.sources.find((s) => /CaML/.test(s.name))!.licence).toMatch(/CDLA-Permissive-2\.0/);
    const licence = readFileSync(join(REPO_ROOT, 'shared', 'footprint', 'data', 'LICENSE-DATA.txt'), 'utf8');
    expect(licence).toMatch(/Community Data License Agreement - Permissive - Version 2\.0/);
    expect(SECTOR_MODEL.trainedOn).toMatch(/MAPE \d+(\.\d)? %/);
  });

  it.skipIf(!HAS_SHARED)(
    'is what the training script makes of every CaML title (weights, biases, classes, categories)',
    async () => {
      const { train, OPTIONS, sectorCategories } = await import('../../../scripts/train-sectors.ts');
      const { camlSplit, camlTitles } = await import('../../../scripts/sector-data.ts');
      // The held-out split that `npm run score:sectors` measures the procedure on is grouped: no
      // first word (brand) on both sides, and about a quarter held out.
      const { train: part, heldOut } = camlSplit();
      const held = new Set(heldOut.map((t) => t.group));
      expect(part.some((t) => held.has(t.group))).toBe(false);
      expect(heldOut.length / (part.length + heldOut.length)).toBeGreaterThan(0.18);
      expect(heldOut.length / (part.length + heldOut.length)).toBeLessThan(0.32);
      // The shipped model learns from all of them.
      const all = camlTitles();
      expect(all.length).toBe(part.length + heldOut.length);
      expect(SECTOR_MODEL.sources.find((s) => /CaML/.test(s.name))!.rows).toBe(all.length);
      const table = train(all, OPTIONS);
      expect(table.sectors).toEqual(SECTOR_MODEL.sectors);
      expect(table.bias).toEqual(SECTOR_MODEL.bias);
      expect(table.weights === SECTOR_MODEL.weights).toBe(true);
      expect(sectorCategories(table.sectors, all)).toEqual(SECTOR_MODEL.categories);
    },
    120_000,
  );
});
