// An estimate as the shopper reads it: the same figures, with its category, method, range, steps,
// alternatives and sources in their language. The background makes it (the estimator and these
// tables stay out of the content script) and the overlay shows it as it comes.

import type { Alternative } from '../footprint/alternatives.ts';
import type { FootprintEstimate } from '../footprint/estimate.ts';
import type { Estimate } from '../footprint/result.ts';
import type { Source } from '../footprint/sources.ts';
import { FOOTPRINT_TEXTS } from './footprint-texts.ts';
import type { Lang } from './format.ts';
import { methodNotes, methodSentence } from './method-sentence.ts';
import { categoryName } from './names.ts';

/** Where our own methods are explained: a page of the extension (the dashboard's methods section). */
export interface Links {
  methods: string;
}

/** Whether a source is our own (an assumption explained on our methods page) rather than a publication. */
export const isOwnSource = (source: Pick<Source, 'url'>): boolean => !/^https?:\/\//.test(source.url);

/**
 * A source as shown: a publication as it is (its title is its name), our own assumptions titled in
 * the shopper's language and linked to the extension's methods page, never a path relative to the
 * shop's page.
 */
export function sourceShown(source: Source, lang: Lang, links: Links): Source {
  if (!isOwnSource(source)) return source;
  const title =
    lang === 'en'
      ? 'Carbon Ledger assumption (typical weight, lifetime or share): see our methods'
      : FOOTPRINT_TEXTS[lang].assumptionSource;
  return { ...source, title, url: links.methods };
}

const isEstimate = (estimate: FootprintEstimate): estimate is Estimate =>
  typeof (estimate as Partial<Estimate>).stepsIn === 'function';

/**
 * A plain copy of `estimate` with its texts in `lang` and its sources linked for a shop page. Its
 * method is one plain sentence (the card's); the methods' names, and what NAICS and calibration
 * mean, end its steps (the last level).
 */
export function estimateIn(estimate: FootprintEstimate, lang: Lang, links: Links): FootprintEstimate {
  const own = isEstimate(estimate);
  const steps = own ? estimate.stepsIn(lang) : estimate.steps;
  const rangeMeaning = own ? estimate.rangeMeaningIn(lang) : estimate.rangeMeaning;
  return {
    ...estimate,
    steps: [...steps, ...methodNotes(estimate.methods, [...steps, rangeMeaning], lang)],
    sources: estimate.sources.map((source) => sourceShown(source, lang, links)),
    categoryLabel: lang === 'en' ? estimate.categoryLabel : categoryName(estimate.category, lang),
    method: methodSentence(estimate.methods, lang),
    rangeMeaning,
  };
}

/** Alternatives with their sources linked for a shop page (their texts come in `lang` from greenerAlternatives). */
export const alternativesIn = (alternatives: readonly Alternative[], lang: Lang, links: Links): Alternative[] =>
  alternatives.map((alternative) => ({
    ...alternative,
    sources: alternative.sources.map((source) => sourceShown(source, lang, links)),
  }));
