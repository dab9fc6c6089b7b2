// What the product badge says it counts: made in the background from the estimate, with the
// condition, the years and the grid's country; every key it uses exists in en, de and zh.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countsTexts } from '../../../extension/overlay/scope-text.ts';
import { estimateFootprint } from '../../../shared/footprint/estimate.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { product } from '../product.ts';

beforeEach(() => {
  // The fake browser has no message catalogue: a message reads as its key and substitutions.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string, subs?: string | (string | number)[]) => `${key}(${[subs ?? []].flat().join(',')})`,
  );
});

describe('countsTexts', () => {
  it('a kettle on the German grid: making and using, apart, with years and the country', () => {
    const texts = countsTexts(estimateFootprint(product({ title: 'Electric kettle 1.7 l', country: 'DE' }))!);
    expect(texts.label).toBe('overlay_scopeMakingAndUsing()');
    expect(texts.split).toMatch(/^overlay_split\(9\.9,172,5,.+\)$/);
    expect(texts.split).not.toMatch(/,DE\)$/);
  });

  it('a refurbished laptop says so; a T-shirt is making only with no split', () => {
    const laptop = estimateFootprint(
      product({ title: 'Dell Latitude 5420 14" laptop', brand: 'Dell', condition: 'refurbished' }),
    )!;
    expect(countsTexts(laptop).label).toBe('overlay_conditionRefurbished() · overlay_scopeMakingAndUsing()');
    const shirt = countsTexts(estimateFootprint(product({ title: 'Organic cotton T-shirt' }))!);
    expect(shirt).toEqual({ label: 'overlay_scopeMaking()', split: null });
  });

  it('every key exists in English, German and Chinese', () => {
    const keys = [
      'scopeMaking',
      'scopeMakingAndUsing',
      'conditionUsed',
      'conditionRefurbished',
      'split',
      'splitReported',
      'worldGrid',
    ];
    for (const locale of ['en', 'de', 'zh_CN']) {
      const yml = readFileSync(join(REPO_ROOT, 'extension', 'locales', `${locale}.yml`), 'utf8');
      for (const key of keys) expect(yml, `${locale}: ${key}`).toMatch(new RegExp(`\\n  ${key}: "[^"]+"`));
    }
  });
});
