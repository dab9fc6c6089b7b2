// Reads a price as a shop prints it ("1.234,56 €", "US$12", "¥1,200", "ab € 19,99 – 24,99")
// into an amount and an ISO 4217 currency. Locale-aware without knowing the locale: the
// separators themselves tell which one is decimal.

import type { Money } from '../product.ts';
import { CODE_ALIASES, COUNTRY_CURRENCY, CURRENCY_SIGNS, ISO_CODES } from './currencies.ts';

export interface ParsedPrice {
  /** Amount in major units, or null when the text holds no number. */
  amount: number | null;
  /** ISO 4217 code, or null when neither the text, the hint nor the country tells. */
  currency: string | null;
  /** The currency sign or code exactly as printed, e.g. "US$", "€", "руб.". */
  currencyText: string | null;
  /** True when the text showed a range ("€10 – €20", "from 10 to 20") and `amount` is its lower bound. */
  isRange: boolean;
}

export interface PriceOptions {
  /** Text near the price that may name the currency when the price itself does not. */
  currencyHint?: string | null;
  /** A decimal separator known in advance ("." or ","); otherwise it is inferred. */
  decimalSeparator?: string;
  /** ISO country of the shop, to resolve signs shared by many currencies ($, kr, ¥). */
  country?: string | null;
}

const LETTER = /\p{L}/u;
const isLetter = (ch: string | undefined): boolean => ch !== undefined && LETTER.test(ch);

interface Sign {
  sign: string;
  iso: string | null;
  lower: string;
  wordLike: boolean;
}

// Signs sorted longest first so "US$" wins over "$" and "лв." over "лв", with what the search
// needs worked out once: letter signs are searched case-insensitively as whole words. Signs are
// also filed by their first character (as printed and lower-cased), so a text is searched only
// for signs that could occur in it: a price string holds a few distinct characters, the table
// ~200 signs. Built on first use: the content script starts on every shop page, and plain prices
// never need the table.
let signTable: { signs: Sign[]; byFirst: Map<string, number[]> } | undefined;
function signs(): { signs: Sign[]; byFirst: Map<string, number[]> } {
  if (signTable) return signTable;
  const sorted = [...CURRENCY_SIGNS]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([sign, iso]) => ({
      sign,
      iso,
      lower: sign.toLowerCase(),
      wordLike: isLetter(sign[0]) || isLetter(sign.at(-1)),
    }));
  const byFirst = new Map<string, number[]>();
  sorted.forEach(({ sign, lower }, i) => {
    for (const first of new Set([sign[0] ?? '', lower[0] ?? ''])) {
      const list = byFirst.get(first);
      if (list) list.push(i);
      else byFirst.set(first, [i]);
    }
  });
  signTable = { signs: sorted, byFirst };
  return signTable;
}

/** The signs whose first character occurs in the text, in table order. */
function signsIn(text: string, lowered: string): Sign[] {
  const { signs: all, byFirst } = signs();
  const found = new Set<number>();
  for (const source of [text, lowered]) {
    for (let i = 0; i < source.length; i++) {
      const list = byFirst.get(source[i]!);
      if (list) for (const index of list) found.add(index);
    }
  }
  return [...found].sort((a, b) => a - b).map((index) => all[index]!);
}

interface CurrencyMatch {
  text: string;
  iso: string | null;
  start: number;
  end: number;
}

/** Every currency sign or code in `text`, without overlaps, longest sign first. */
function findCurrencies(text: string): CurrencyMatch[] {
  const found: CurrencyMatch[] = [];
  const taken = new Uint8Array(text.length);
  const claim = (start: number, end: number, iso: string | null): void => {
    for (let i = start; i < end; i++) if (taken[i]) return;
    taken.fill(1, start, end);
    found.push({ text: text.slice(start, end), iso, start, end });
  };
  // ISO codes first: "USD", "eur", "CHf" beside a number. Lower case only next to a digit so
  // ordinary words ("all", "top") are not read as currencies.
  const claimCodes = (): void => {
    for (const match of text.matchAll(/\p{L}{3}/gu)) {
      const start = match.index;
      const end = start + 3;
      if (isLetter(text[start - 1]) || isLetter(text[end])) continue;
      const upper = match[0].toUpperCase();
      if (!ISO_CODES.has(upper) && !CODE_ALIASES[upper]) continue;
      if (match[0] !== upper && !/\d\s?$/.test(text.slice(Math.max(0, start - 2), start))) continue;
      claim(start, end, CODE_ALIASES[upper] ?? upper);
    }
  };
  // Lower-cased once; when lower-casing changes the length (rare scripts) letter signs match exactly.
  const lowered = text.toLowerCase();
  const caseless = lowered.length === text.length;
  const candidates = signsIn(text, lowered);
  const claimSigns = (long: boolean): void => {
    for (const { sign, iso, lower: signLower, wordLike } of candidates) {
      if (long !== sign.length > 3) continue;
      let from = 0;
      for (;;) {
        const start = wordLike && caseless ? lowered.indexOf(signLower, from) : text.indexOf(sign, from);
        if (start < 0) break;
        from = start + 1;
        const end = start + sign.length;
        // Letter signs count only as whole words ("Rs" not inside "Prices").
        if (
          wordLike &&
          ((isLetter(sign[0]) && isLetter(text[start - 1])) || (isLetter(sign.at(-1)) && isLetter(text[end])))
        )
          continue;
        // Letter signs must match exactly, bar a capital first letter ("Zł") or, for longer ones,
        // any case beside the number ("LEI"): "65 dB" is a loudness, not dobras.
        const printed = text.slice(start, end);
        const onlyFirstLetterDiffers = printed.slice(1) === sign.slice(1);
        if (
          wordLike &&
          printed !== sign &&
          !onlyFirstLetterDiffers &&
          (sign.length < 3 || !nearDigit(text, start, end))
        )
          continue;
        claim(start, end, iso);
      }
    }
  };
  claimSigns(true);
  claimCodes();
  claimSigns(false);
  return found.sort((a, b) => a.start - b.start);
}

function nearDigit(text: string, start: number, end: number): boolean {
  return /\d\s?$/.test(text.slice(Math.max(0, start - 2), start)) || /^\s?\d/.test(text.slice(end, end + 2));
}

// A number as printed: digits with thousands/decimal separators, spaces or apostrophes between
// groups of three, and the ",-" that German shops use for whole amounts.
const NUMBER = /(?:\d|[.,]\d)(?:[\d.,'’]|[ \u00a0\u202f\u2009](?=\d{3}(?!\d))|(?<=\d[.,]) (?=\d\d(?!\d)))*/g;

interface NumberMatch {
  amount: number;
  start: number;
  end: number;
}

function findNumbers(text: string, decimalSeparator?: string): NumberMatch[] {
  const numbers: NumberMatch[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const amount = readNumber(match[0], decimalSeparator);
    if (amount !== null) numbers.push({ amount, start: match.index, end: match.index + match[0].length });
    if (numbers.length > 8) break;
  }
  return numbers;
}

/** "1.234,56" → 1234.56, "1,200" → 1200, "12,-" → 12, "1 298,00" → 1298. */
export function readNumber(raw: string, decimalSeparator?: string): number | null {
  const digits = raw.replace(/[ \u00a0\u202f\u2009'’]/g, '').replace(/[.,-]+$/, '');
  return digits ? readDigits(digits, decimalSeparator) : null;
}

/** Digits with dots and commas between them (no spaces, nothing trailing): which one is the decimal point. */
function readDigits(digits: string, decimalSeparator?: string): number | null {
  let decimal: string | null = null;
  if (decimalSeparator === '.' || decimalSeparator === ',') {
    decimal = digits.includes(decimalSeparator) ? decimalSeparator : null;
  } else {
    const lastDot = digits.lastIndexOf('.');
    const lastComma = digits.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
    else if (lastDot >= 0 || lastComma >= 0) {
      const sep = lastDot >= 0 ? '.' : ',';
      const parts = digits.split(sep);
      const tail = parts.at(-1) ?? '';
      const head = parts[0] ?? '';
      // One separator followed by exactly three digits groups thousands ("1,200", "140.000"),
      // unless the whole part is zero ("0.500") or empty (".750").
      const groupsThousands = parts.length > 2 || (tail.length === 3 && head !== '' && !/^0+$/.test(head));
      decimal = groupsThousands ? null : sep;
    }
  }
  const at = decimal ? digits.lastIndexOf(decimal) : -1;
  const amount = Number(
    at >= 0
      ? `${withoutSeparators(digits.slice(0, at))}.${withoutSeparators(digits.slice(at + 1))}`
      : withoutSeparators(digits),
  );
  return Number.isFinite(amount) ? amount : null;
}

// Plain string replacement: every regular expression a page's first reading meets is compiled
// then, and a listing reads its prices once per page.
const withoutSeparators = (digits: string): string => digits.replaceAll('.', '').replaceAll(',', '');

const FREE = /\b(?:free|gratis|kostenlos|gratuit)\b/i;
const RANGE_JOINER = /^\s*(?:-|–|—|~|to|bis|à|a|até|до|至)\s*$/i;

/** Reads one price from the text a shop prints. Never throws. */
export function parsePrice(input: string | null | undefined, options: PriceOptions = {}): ParsedPrice {
  return readPrice(input, options, true);
}

/** A shown price as Money: a positive amount in a currency the text (or options) tells; else null. */
export function moneyOf(input: string | null | undefined, options?: PriceOptions): Money | null {
  const parsed = parsePrice(input, options);
  if (parsed.amount === null || parsed.amount <= 0 || !parsed.currency) return null;
  const price: Money = { amount: parsed.amount, currency: parsed.currency };
  if (parsed.isRange) price.isRangeLowerBound = true;
  return price;
}

/** `parsePrice` without the shortcut for plain prices (tests check that both read alike). */
export function parsePriceInFull(input: string | null | undefined, options: PriceOptions = {}): ParsedPrice {
  return readPrice(input, options, false);
}

// The common case, one sign beside one number ("$24.99", "12,99 €", "£1,299"), read without
// searching the text for every sign and code in the table: listings parse a price per item.
const PLAIN = /^\s*(?:([$€£])\s?(\d(?:[\d.,]*\d)?)|(\d(?:[\d.,]*\d)?)\s?([$€£]))\s*$/;
const PLAIN_SIGN_ISO: Readonly<Record<string, string | null>> = { $: null, '€': 'EUR', '£': 'GBP' };

function readPlainPrice(text: string, options: PriceOptions, decimalSeparator: string | undefined) {
  const plain = PLAIN.exec(text);
  if (!plain) return null;
  const sign = (plain[1] ?? plain[4])!;
  const amount = readDigits((plain[2] ?? plain[3])!, decimalSeparator);
  if (amount === null) return null;
  const match: CurrencyMatch = { text: sign, iso: PLAIN_SIGN_ISO[sign] ?? null, start: 0, end: 0 };
  return { amount, currency: resolveCurrency(match, options.country), currencyText: sign, isRange: false };
}

function readPrice(input: string | null | undefined, options: PriceOptions, shortcut: boolean): ParsedPrice {
  const none: ParsedPrice = { amount: null, currency: null, currencyText: null, isRange: false };
  if (typeof input !== 'string' && input != null) return none;
  // Very long strings are page text, not a price: look at their start only.
  let text = (input ?? '').slice(0, 300);
  // French shops print the euro sign as the decimal point: "35€99".
  const euroDecimal = options.decimalSeparator === '€' ? /(\d)€ ?(\d+)/ : /(\d)€ ?(\d\d)(?!\d)/;
  const euroAsDecimal = text.includes('€') && euroDecimal.test(text);
  if (euroAsDecimal) text = text.replace(euroDecimal, '$1,$2 €');
  const decimalSeparator = euroAsDecimal ? ',' : options.decimalSeparator;
  const plain = shortcut && !euroAsDecimal ? readPlainPrice(text, options, decimalSeparator) : null;
  if (plain) return plain;
  const currencies = findCurrencies(text);
  // A number may not start inside a currency sign (the "2" of "R2"), and a percentage is a discount.
  const numbers = findNumbers(text, decimalSeparator).filter(
    (n) => !currencies.some((c) => n.start >= c.start && n.start < c.end) && text[n.end] !== '%',
  );
  const first =
    numbers[0] ?? (FREE.test(text) ? { amount: 0, start: text.search(FREE), end: text.search(FREE) } : undefined);
  let isRange = false;
  if (first && numbers[1]) {
    const between = stripCurrencies(text.slice(first.end, numbers[1].start), currencies, first.end);
    isRange = RANGE_JOINER.test(between) && numbers[1].amount >= first.amount;
  }
  let currency = nearest(currencies, first);
  if (!currency && options.currencyHint) currency = nearest(findCurrencies(options.currencyHint), undefined);
  return {
    amount: first ? first.amount : null,
    currency: currency ? resolveCurrency(currency, options.country) : null,
    currencyText: currency?.text ?? null,
    isRange,
  };
}

function stripCurrencies(between: string, currencies: CurrencyMatch[], offset: number): string {
  let out = between;
  for (const c of currencies) {
    if (c.start >= offset && c.end <= offset + between.length) out = out.replace(c.text, '');
  }
  return out;
}

/** The currency printed closest to the amount; a code beside a bare "$" ("NZD $", "$1 AUD") names it. */
function nearest(currencies: CurrencyMatch[], number: NumberMatch | undefined): CurrencyMatch | undefined {
  const best = closest(currencies, number);
  if (!best || best.iso) return best;
  const named = currencies.filter((c) => c.iso && /^[A-Z]{3}$/.test(c.text));
  return named.length === 1 && named[0] ? named[0] : best;
}

function closest(currencies: CurrencyMatch[], number: NumberMatch | undefined): CurrencyMatch | undefined {
  if (!number) return currencies[0];
  let best: CurrencyMatch | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of currencies) {
    const distance = c.end <= number.start ? number.start - c.end : c.start - number.end;
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}

/** The ISO code for a sign, using the shop's country for signs that many currencies share. */
function resolveCurrency(match: CurrencyMatch, country: string | null | undefined): string | null {
  if (match.iso) return match.iso;
  const local = country ? COUNTRY_CURRENCY[country.toUpperCase()] : undefined;
  const sign = match.text;
  // The dollar sign is also the peso's (Mexico, Chile, Colombia, Argentina, Uruguay).
  if (sign === '$') return local && /D$|MXN|CLP|COP|ARS|UYU/.test(local) ? local : 'USD';
  if (sign === '¥' || sign === '￥') return local === 'CNY' ? 'CNY' : 'JPY';
  if (sign === '元') return local === 'TWD' || local === 'HKD' ? local : 'CNY';
  if (/^kr$/i.test(sign)) return local && ['SEK', 'NOK', 'DKK', 'ISK'].includes(local) ? local : null;
  return local ?? null;
}

/** Currency from a country alone, for pages that print a bare number. */
export const currencyOfCountry = (country: string | null | undefined): string | null =>
  country ? (COUNTRY_CURRENCY[country.toUpperCase()] ?? null) : null;
