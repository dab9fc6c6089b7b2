import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type PriceOptions, parsePrice, parsePriceInFull, readNumber } from '../../../shared/extract/price.ts';
import { HAS_SHARED, sharedPath } from '../../shared-fixtures.ts';

describe('parsePrice on prices as shops print them', () => {
  it.each([
    ['1.234,56 €', 1234.56, 'EUR'],
    ['1 234,56 €', 1234.56, 'EUR'],
    ['¥1,200', 1200, 'JPY'],
    ['US$ 12.99', 12.99, 'USD'],
    ['CHF 19.50', 19.5, 'CHF'],
    ['249 ₽', 249, 'RUB'],
    ['1.198,- €', 1198, 'EUR'],
    ['99 ر.س', 99, 'SAR'],
    ['EUR 25.00', 25, 'EUR'],
    ['£ 450', 450, 'GBP'],
  ])('%s → %d %s', (text, amount, currency) => {
    const parsed = parsePrice(text);
    expect(parsed.amount).toBe(amount);
    expect(parsed.currency).toBe(currency);
    expect(parsed.isRange).toBe(false);
  });

  it('takes the lower bound of a range and says so', () => {
    expect(parsePrice('€ 1248,99 – € 1408,--')).toMatchObject({ amount: 1248.99, currency: 'EUR', isRange: true });
    expect(parsePrice('$10 to $20')).toMatchObject({ amount: 10, isRange: true });
  });

  it('uses the shop country for signs many currencies share', () => {
    expect(parsePrice('$ 420', { country: 'TW' }).currency).toBe('TWD');
    expect(parsePrice('$ 229.99', { country: 'CA' }).currency).toBe('CAD');
    expect(parsePrice('$ 229.99').currency).toBe('USD');
    expect(parsePrice('¥ 1200', { country: 'CN' }).currency).toBe('CNY');
    expect(parsePrice('199 kr', { country: 'SE' }).currency).toBe('SEK');
  });

  it('reads the currency from a hint when the price has none', () => {
    expect(parsePrice('23.5', { currencyHint: 'USD' })).toMatchObject({ amount: 23.5, currency: 'USD' });
  });

  it('does not read words as currencies or discounts as prices', () => {
    expect(parsePrice('all 3 items').currency).toBeNull();
    expect(parsePrice('65 dB').currency).toBeNull();
    expect(parsePrice('530,42 Zł').currency).toBe('PLN');
    expect(parsePrice('-22% $35.99').amount).toBe(35.99);
    expect(parsePrice('No longer available')).toMatchObject({ amount: null, currency: null });
  });

  it('answers odd input with no amount or a finite one, never throwing', () => {
    for (const input of [null, undefined, '', '....', ',,,', '$', '9'.repeat(5000), '\u0000€\uffff', '1e400 €']) {
      const { amount } = parsePrice(input);
      expect(amount === null || Number.isFinite(amount), String(input).slice(0, 20)).toBe(true);
    }
  });
});

describe('readNumber separators', () => {
  it.each([
    ['1,200', 1200],
    ['1.200', 1200],
    ['0.500', 0.5],
    ['12,99', 12.99],
    ['1.234.567', 1234567],
    ["1'299.00", 1299],
    ['12,-', 12],
  ])('%s → %d', (raw, amount) => {
    expect(readNumber(raw)).toBe(amount);
  });
});

interface PriceExample {
  price_raw: string | null;
  currency_raw: string | null;
  currency: string | null;
  amount: string | null;
  decimal_separator?: string;
  list: string;
}

// Real price strings from scrapinghub/price-parser's tests. Entries on its XFAIL lists are
// known-wrong expectations or currencies it has not added; we count them but do not require them.
describe.skipIf(!HAS_SHARED)('real price strings (scrapinghub price_examples.jsonl)', () => {
  const examples: PriceExample[] = HAS_SHARED
    ? readFileSync(sharedPath('fixtures', 'prices', 'scrapinghub-price-parser', 'price_examples.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as PriceExample)
    : [];
  const isoOf = (sign: string): string | null => parsePrice(`1 ${sign}`).currency;
  const passes = (e: PriceExample): boolean => {
    const parsed = parsePrice(e.price_raw, { currencyHint: e.currency_raw, decimalSeparator: e.decimal_separator });
    const amountOk =
      e.amount === null
        ? parsed.amount === null
        : parsed.amount !== null && Math.abs(parsed.amount - Number(e.amount)) < 1e-9;
    // The same sign as printed, or the same ISO currency ("руб" and "рублей" are both RUB).
    const currencyOk =
      e.currency === null
        ? parsed.currencyText === null
        : parsed.currencyText?.trim().toLowerCase() === e.currency.trim().toLowerCase() ||
          (parsed.currency !== null && parsed.currency === isoOf(e.currency));
    return amountOk && currencyOk;
  };

  it('passes every example outside the XFAIL lists but a handful, and reports the rate', () => {
    const required = examples.filter((e) => !e.list.includes('XFAIL'));
    const failed = required.filter((e) => !passes(e));
    const rate = 1 - failed.length / required.length;
    const xfail = examples.filter((e) => e.list.includes('XFAIL'));
    const xfailPassed = xfail.filter(passes).length;
    console.info(
      `price strings: ${required.length - failed.length}/${required.length} (${(rate * 100).toFixed(1)}%) required pass; ${xfailPassed}/${xfail.length} of the XFAIL lists pass`,
    );
    expect(required.length).toBeGreaterThan(1000);
    // The misses are the pathological decimal-separator cases ("$.75,333", "1250€600").
    expect(failed.map((e) => e.price_raw).length).toBeLessThanOrEqual(6);
  });
});

// parsePrice reads a plain "$24.99" / "12,99 €" by a shortcut; it must read exactly as the full
// search over every sign and code does, whatever the text, options and country.
describe('the shortcut for plain prices reads as the full parser', () => {
  const made = ['$', '€', '£'].flatMap((sign) =>
    ['0', '5', '24.99', '1,299', '1,299.99', '1.299', '1.299,99', '12,99', '0.500', '1,2,3', '12.', '1 299'].flatMap(
      (number) => [`${sign}${number}`, `${sign} ${number}`, `${number}${sign}`, ` ${number}\u00a0${sign} `],
    ),
  );
  const real: PriceExample[] = HAS_SHARED
    ? readFileSync(sharedPath('fixtures', 'prices', 'scrapinghub-price-parser', 'price_examples.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as PriceExample)
    : [];
  const options: PriceOptions[] = [
    {},
    { country: 'CA' },
    { country: 'DE' },
    { decimalSeparator: ',' },
    { decimalSeparator: '.' },
  ];

  it('on made-up plain prices, with and without a country or separator', () => {
    for (const text of made) {
      for (const option of options)
        expect(parsePrice(text, option), `${text} ${JSON.stringify(option)}`).toEqual(parsePriceInFull(text, option));
    }
  });

  it.skipIf(!HAS_SHARED)('on every real price string (scrapinghub price_examples.jsonl)', () => {
    let plain = 0;
    for (const e of real) {
      const option = { currencyHint: e.currency_raw, decimalSeparator: e.decimal_separator };
      expect(parsePrice(e.price_raw, option), e.price_raw ?? '').toEqual(parsePriceInFull(e.price_raw, option));
      if (/^\s*[$€£]\s?\d[\d.,]*\s*$|^\s*\d[\d.,]*\s?[$€£]\s*$/.test(e.price_raw ?? '')) plain++;
    }
    // The comparison is worth something only if many strings take the shortcut.
    expect(plain).toBeGreaterThan(100);
  });
});
