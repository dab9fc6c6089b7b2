// What an estimate counts, in the shopper's words: "making only" or "making and using", the offer's
// condition when it is not new, and making and using apart with the years and the grid. Made in the
// background (as listing texts are), so the content script carries only the strings.

import { i18n } from '#i18n';
import type { FootprintEstimate } from '../../shared/footprint/estimate.ts';
import { countryName } from '../../shared/i18n/footprint-texts.ts';
import type { CountsTexts } from '../../shared/messages.ts';
import { kgText, uiLang } from '../format.ts';

/** The badge's short note: "making only", "making and using", "refurbished · making and using". */
export function scopeLabel(estimate: Pick<FootprintEstimate, 'scope' | 'condition'>): string {
  const scope =
    estimate.scope === 'making-and-using' ? i18n.t('overlay.scopeMakingAndUsing') : i18n.t('overlay.scopeMaking');
  if (estimate.condition === 'refurbished') return `${i18n.t('overlay.conditionRefurbished')} · ${scope}`;
  if (estimate.condition === 'used') return `${i18n.t('overlay.conditionUsed')} · ${scope}`;
  return scope;
}

/** "Making 12 kg · using 30 kg (5 years, grid: Germany).", or null when use is not counted. */
export function splitText(estimate: Pick<FootprintEstimate, 'use'>): string | null {
  const { use } = estimate;
  if (!use) return null;
  const making = kgText(use.makingKgCO2e);
  const using = kgText(use.usingKgCO2e);
  if (use.years === null) return i18n.t('overlay.splitReported', [making, using]);
  const grid = use.grid === 'WORLD' ? i18n.t('overlay.worldGrid') : countryName(use.grid, uiLang());
  return i18n.t('overlay.split', [making, using, String(use.years), grid]);
}

/** Both texts for the product badge. */
export const countsTexts = (estimate: Pick<FootprintEstimate, 'scope' | 'condition' | 'use'>): CountsTexts => ({
  label: scopeLabel(estimate),
  split: splitText(estimate),
});
