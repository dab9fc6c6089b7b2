// The card's method in one plain sentence per method combination, in English, German and Chinese,
// with no jargon; the methods' names and what NAICS and calibration mean only at the last level.

import { describe, expect, it } from 'vitest';
import type { Tier } from '../../../shared/footprint/data/calibration.ts';
import { estimateFootprint } from '../../../shared/footprint/estimate.ts';
import { TIER_LABEL } from '../../../shared/footprint/tiers.ts';
import { estimateIn } from '../../../shared/i18n/estimate.ts';
import type { Lang } from '../../../shared/i18n/format.ts';
import { methodNotes, methodSentence } from '../../../shared/i18n/method-sentence.ts';
import { product } from '../product.ts';

const TIERS = Object.keys(TIER_LABEL) as Tier[];
const LANGS: Lang[] = ['en', 'de', 'zh'];
const JARGON = /NAICS|calibrat|kalibri|校准|regression|Regression|回归|EPA|spend-based|ausgabenbasiert|\+/;

describe('methodSentence', () => {
  it('says every method and pair of methods plainly, differently in each language', () => {
    for (const a of TIERS)
      for (const b of [null, ...TIERS]) {
        const tiers = b && b !== a ? [a, b] : [a];
        const texts = LANGS.map((lang) => methodSentence(tiers, lang));
        for (const text of texts) {
          expect(text, tiers.join(',')).not.toMatch(JARGON);
          expect(text.length).toBeGreaterThan(10);
        }
        expect(new Set(texts).size, tiers.join(',')).toBe(3);
      }
  });

  it('opens as a sentence and says how several methods were combined only when there are several', () => {
    expect(methodSentence(['spend'], 'en')).toMatch(/^Worked out from its price/);
    expect(methodSentence(['spend'], 'en')).not.toMatch(/each counted/);
    const two = methodSentence(['typical-item', 'spend'], 'en');
    expect(two).toMatch(/ADEME\) figure for a typical item of its kind and from its price .* each counted by/);
    expect(methodSentence(['typical-item', 'spend'], 'zh')).toMatch(/^根据.+和.+估算，/);
    // German closes the relative clause before "und".
    expect(methodSentence(['spend', 'typical-item'], 'de')).toMatch(/verursacht, und aus dem Wert/);
  });
});

describe('the shown estimate', () => {
  const kettle = product({ title: 'Electric kettle 1.7 l', price: { amount: 30, currency: 'EUR' } });
  const links = { methods: 'chrome-extension://id/options.html#methods' };

  it('carries the sentence as its method, and the names with NAICS and calibration explained at the end of its steps', () => {
    const estimate = estimateFootprint(kettle)!;
    expect(estimate.methods).toContain('spend');
    for (const lang of LANGS) {
      const shown = estimateIn(estimate, lang, links);
      expect(shown.method).toBe(methodSentence(estimate.methods, lang));
      const notes = methodNotes(estimate.methods, estimateIn(estimate, lang, links).steps.slice(0, -3), lang);
      expect(notes).toHaveLength(3);
      expect(shown.steps.slice(-3)).toEqual(notes);
      expect(notes[1]).toMatch(/NAICS/);
    }
    expect(estimateIn(estimate, 'en', links).steps.at(-3)).toBe(
      'Methods by name: typical item (ADEME) + spend-based (US EPA supply-chain factors).',
    );
  });

  it('explains no NAICS where no step names it', () => {
    expect(methodNotes(['typical-item'], ['Typical item: kettle'], 'en')).toHaveLength(1);
  });
});
