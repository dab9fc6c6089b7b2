// Numbers and dates in the shopper's language, the same way in the popup and the dashboard.

import { i18n } from '#i18n';

/** The browser's UI language as a BCP 47 tag (Chrome writes zh_CN). */
export const uiLocale = (): string => {
  try {
    return i18n.t('@@ui_locale').replace('_', '-') || 'en';
  } catch {
    return 'en';
  }
};

let numberFormats: Map<number, Intl.NumberFormat> | undefined;
const numberFormat = (digits: number): Intl.NumberFormat => {
  numberFormats ??= new Map();
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format;
};

/** kg CO2e with sensible precision: 0.053, 1.2, 95. */
export function formatKg(kg: number): string {
  const digits = kg === 0 ? 0 : kg < 0.1 ? 3 : kg < 10 ? 1 : 0;
  return `${numberFormat(digits).format(kg)} kg`;
}

export const formatCount = (n: number): string => numberFormat(0).format(n);

/** grams CO2e as g below a kilogram, else kg. */
export const formatGrams = (grams: number): string =>
  grams < 1000 ? `${numberFormat(1).format(grams)} g` : formatKg(grams / 1000);

/** The local date (and time) of an event's `at`, which is already in the shopper's local time. */
export function formatAt(at: string, withTime = true): string {
  const date = new Date(at);
  return withTime
    ? date.toLocaleString(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' })
    : date.toLocaleDateString(uiLocale(), { dateStyle: 'medium' });
}
