// Numbers, kilograms and plurals in the shopper's language: the one place where a figure becomes
// text, so the same estimate reads the same in the overlay, the popup, the dashboard and the CLI.
// `locale` is a BCP 47 tag (the browser's UI language, browser.i18n.getUILanguage(), in the
// extension; "en" in the CLI). Chrome writes some as zh_CN; both spellings are accepted.

/** The languages our texts exist in. */
export type Lang = 'en' | 'de' | 'zh';

/** A BCP 47 tag with "-" (Chrome's zh_CN becomes zh-CN); "en" for anything unusable. */
export function bcp47(locale: string | null | undefined): string {
  const tag = (locale ?? '').replace(/_/g, '-').trim();
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The language of our texts for a locale: German and Chinese as such, English for everything else. */
export function langOf(locale: string | null | undefined): Lang {
  const primary = bcp47(locale).slice(0, 2).toLowerCase();
  return primary === 'de' ? 'de' : primary === 'zh' ? 'zh' : 'en';
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const numberFormat = (locale: string, digits: number): Intl.NumberFormat => {
  const key = `${locale}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(bcp47(locale), { maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format;
};

/** A number with at most `digits` decimals, grouped as the locale groups it (1.234,5 in German). */
export const formatNumber = (value: number, locale: string, digits = 0): string =>
  numberFormat(locale, digits).format(value);

/** How many decimals a figure in kg CO2e deserves: 0.053, 0.42, 4.2, 42, 420. */
export const kgDigits = (kg: number): number => {
  const size = Math.abs(kg);
  return size === 0 ? 0 : size < 0.1 ? 3 : size < 1 ? 2 : size < 10 ? 1 : 0;
};

/**
 * kg CO2e as a number in the locale, without the unit (messages place "kg", the same symbol in
 * every language): "4.2" in English, "4,2" in German. The only kg formatter in the code base.
 */
export const formatKg = (kg: number, locale: string): string => formatNumber(kg, locale, kgDigits(kg));

/** kg CO2e with its unit: "4.2 kg". */
export const formatKgWithUnit = (kg: number, locale: string): string => `${formatKg(kg, locale)} kg`;

/** grams CO2e as g below a kilogram, else as kg. */
export const formatGrams = (grams: number, locale: string): string =>
  Math.abs(grams) < 1000 ? `${formatNumber(grams, locale, 1)} g` : formatKgWithUnit(grams / 1000, locale);

const pluralRules = new Map<string, Intl.PluralRules>();
/** The plural category of `n` in the locale ("one", "other", …), for choosing a message. */
export function pluralOf(n: number, locale: string): Intl.LDMLPluralRule {
  const tag = bcp47(locale);
  let rules = pluralRules.get(tag);
  if (!rules) {
    rules = new Intl.PluralRules(tag);
    pluralRules.set(tag, rules);
  }
  return rules.select(n);
}

/** One of two forms by the locale's plural rules: `forms.one` for 1 in English and German, `forms.other` otherwise. */
export const plural = (n: number, locale: string, forms: { one: string; other: string }): string =>
  pluralOf(n, locale) === 'one' ? forms.one : forms.other;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** A date (and time) in the locale: "3. Dez. 2026, 18:53" in German. */
export function formatDate(date: Date, locale: string, withTime = true): string {
  const key = `${locale}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      bcp47(locale),
      withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
    );
    dateFormats.set(key, format);
  }
  return format.format(date);
}
