// Used and refurbished offers are estimated as such: the making already happened, so only what
// refurbishing adds is counted, plus use; read from the page's markup or the title's words.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { conditionInTitle, REFURBISHED_MAKING_SHARE, USED_DEFAULT_SHARE } from '../../../shared/footprint/condition.ts';
import { estimateFootprint } from '../../../shared/footprint/estimate.ts';
import { extractPage } from '../../../shared/read.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { product } from '../product.ts';

describe('condition from the title', () => {
  it.each([
    ['Apple iPhone 12, 64GB, Black - Unlocked (Renewed)', 'refurbished'],
    ['Lenovo ThinkPad T14 generalüberholt', 'refurbished'],
    ['Refurbished Dell Latitude 5420', 'refurbished'],
    ['苹果 iPhone 13 官方翻新', 'refurbished'],
    ['Used Canon EOS 80D body', 'used'],
    ['Sony WH-1000XM4 (used, good)', 'used'],
    ['Bosch Akkuschrauber – gebraucht', 'used'],
    ['二手 华为 Mate 40 手机', 'used'],
    ['Pre-owned Rolex Datejust', 'used'],
  ])('%s → %s', (title, condition) => {
    expect(conditionInTitle(title)).toBe(condition);
  });

  it.each([
    'Non-stick pan, can be used for induction hobs',
    'Kettle 1.7 L, the most used size',
    'Renewable bamboo toothbrush',
    'Newest model 2024 wireless mouse',
  ])('no condition in "%s"', (title) => {
    expect(conditionInTitle(title)).toBeNull();
  });
});

describe('used and refurbished estimates', () => {
  const laptop = product({ title: 'Dell Latitude 5420 14" laptop', brand: 'Dell', country: 'DE' });

  it('a refurbished laptop counts a share of the making plus the same use; used counts use only', () => {
    const fresh = estimateFootprint(laptop)!;
    const refurbished = estimateFootprint({ ...laptop, condition: 'refurbished' })!;
    const used = estimateFootprint({ ...laptop, condition: 'used' })!;
    expect(refurbished.condition).toBe('refurbished');
    expect(refurbished.kgCO2e).toBeLessThan(fresh.kgCO2e / 2);
    expect(used.kgCO2e).toBeLessThan(refurbished.kgCO2e);
    const freshMaking = fresh.use!.makingKgCO2e;
    expect(refurbished.use!.makingKgCO2e).toBeCloseTo(freshMaking * REFURBISHED_MAKING_SHARE, 6);
    expect(refurbished.use!.usingKgCO2e).toBeCloseTo(fresh.use!.usingKgCO2e, 6);
    expect(used.kgCO2e).toBeCloseTo(fresh.use!.usingKgCO2e + freshMaking * USED_DEFAULT_SHARE, 6);
    // The range moves with the figure: it still contains it.
    expect(refurbished.low).toBeLessThan(refurbished.kgCO2e);
    expect(refurbished.high).toBeGreaterThan(refurbished.kgCO2e);
    expect(refurbished.steps.join('\n')).toMatch(/Refurbished: its making \(\d+ kg new\).*adds about 13 %/);
    expect(refurbished.sources.some((s) => s.publisher === 'ADEME' && /reconditionn/.test(s.title))).toBe(true);
  });

  it('a used T-shirt counts the re-use DESNZ gives for clothing, not zero and not the making', () => {
    const shirt = product({ title: 'Organic cotton T-shirt, crew neck' });
    const fresh = estimateFootprint(shirt)!;
    const used = estimateFootprint({ ...shirt, condition: 'used' })!;
    expect(used.kgCO2e).toBeGreaterThan(0);
    expect(used.kgCO2e).toBeCloseTo(fresh.kgCO2e * (0.1522 / 22.31), 6);
    expect(used.low).toBeLessThan(used.kgCO2e);
    expect(used.steps.join('\n')).toMatch(
      /Used: its making \(.*kg new\) was counted for its first owner; re-use adds 0\.7 %/,
    );
    expect(used.sources.some((s) => s.publisher.includes('Department for Energy Security'))).toBe(true);
  });

  it('a title word is enough when the page gives no condition', () => {
    const renewed = estimateFootprint(product({ title: 'Dell Latitude 5420 14" laptop (Renewed)', brand: 'Dell' }))!;
    const fresh = estimateFootprint(product({ title: 'Dell Latitude 5420 14" laptop', brand: 'Dell' }))!;
    expect(renewed.condition).toBe('refurbished');
    expect(renewed.kgCO2e).toBeLessThan(fresh.kgCO2e / 2);
  });

  it('the demo shop’s refurbished laptop is read as refurbished and no longer shows the new one’s footprint', () => {
    const read = (file: string, url: string) => {
      const html = readFileSync(join(REPO_ROOT, 'demo', 'shop', 'p', file), 'utf8');
      const { document } = parseHTML(html);
      return extractPage(document, url).products[0]!;
    };
    const fresh = read('lumen-14-laptop.html', 'https://shop.carbon-ledger.example/p/lumen-14-laptop');
    const refurbished = read(
      'lumen-14-laptop-refurbished.html',
      'https://shop.carbon-ledger.example/p/lumen-14-laptop-refurbished',
    );
    expect(refurbished.condition).toBe('refurbished');
    const freshKg = estimateFootprint(fresh)!.kgCO2e;
    const refurbishedKg = estimateFootprint(refurbished)!.kgCO2e;
    expect(refurbishedKg).toBeLessThan(freshKg * 0.6);
  });
});
