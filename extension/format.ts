// Numbers, kilograms and dates in the browser's language (getUILanguage), the same way in the
// overlay, the popup and the dashboard: shared/i18n/format.ts decides how, this binds the locale.

import {
  formatDate,
  formatGrams,
  formatKg,
  formatKgWithUnit,
  formatNumber,
  type Lang,
  plural,
} from '../shared/i18n/format.ts';
import { uiLang, uiLocale } from './locale.ts';

export type { Lang };
export { uiLang, uiLocale };

/** kg CO2e as a number, for messages that place the unit: "4,2". */
export const kgText = (kg: number): string => formatKg(kg, uiLocale());

/** kg CO2e with its unit: "4,2 kg". */
export const kgWithUnit = (kg: number): string => formatKgWithUnit(kg, uiLocale());

/** A number with at most `digits` decimals. */
export const numberText = (value: number, digits = 0): string => formatNumber(value, uiLocale(), digits);

/** A whole count: "26.663" in German. */
export const countText = (n: number): string => formatNumber(n, uiLocale(), 0);

/** grams CO2e as g below a kilogram, else kg. */
export const gramsText = (grams: number): string => formatGrams(grams, uiLocale());

/** The local date (and time) of an event's `at`, which is already in the shopper's local time. */
export const atText = (at: string, withTime = true): string => formatDate(new Date(at), uiLocale(), withTime);

/** The message for `n` by the language's plural rules: `one` for 1 in English and German. */
export const byCount = (n: number, one: string, other: string): string => plural(n, uiLocale(), { one, other });
