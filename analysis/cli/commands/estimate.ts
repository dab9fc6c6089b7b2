// `carbon-ledger estimate`: the footprint estimate for a product described on the command line or
// as product JSON on stdin; `--explain` prints how it was reached, in words; `--batch FILE` (or `-`)
// reads NDJSON products and writes one NDJSON estimate (or error) per input line, in order.

import { once } from 'node:events';
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { type DeliveryMode, estimateFootprint, type FootprintEstimate } from '../../../shared/footprint/index.ts';
import { toUsd2022 } from '../../../shared/footprint/money.ts';
import { CATEGORY_BY_ID, UNKNOWN } from '../../../shared/footprint/taxonomy.ts';
import { formatKg } from '../../../shared/i18n/format.ts';
import type { Condition, Product } from '../../../shared/product.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';

const DELIVERY_MODES: DeliveryMode[] = [
  'home',
  'pickup-point',
  'pickup-point-walk',
  'store-car',
  'store-walk',
  'click-collect',
];
const CONDITIONS: Condition[] = ['new', 'used', 'refurbished'];

/**
 * No shop sells one product for more than this (in 2022 US dollars): a price above it is a typo or
 * a unit mix-up, and the spend method would turn it into an absurd footprint.
 */
export const MAX_PRICE_USD2022 = 1_000_000;
/**
 * Nor for less than a tenth of a US cent (1 yen is 0.7 cent): a smaller price is a unit mix-up,
 * and the spend method would turn it into a footprint of nearly nothing.
 */
export const MIN_PRICE_USD2022 = 0.001;

/**
 * A number as a person writes one: decimal, optional sign and exponent. `Number()` alone also
 * reads "0x10" as 16, "0b11" as 3 and "  " as 0.
 */
const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$|^\s*[+-]?Infinity\s*$/i;
const decimal = (raw: string): number => (DECIMAL.test(raw) ? Number(raw) : Number.NaN);

/** Region codes ICU names: "ZZ", "XX" or "QQ" are not countries (and have no grid). */
const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });
const isCountry = (code: string): boolean => {
  const name = REGIONS.of(code);
  return name !== undefined && name !== code && code !== 'ZZ' && !/^pseudo/i.test(name);
};

/** A bad value in one product: one line naming the field and what is wrong. */
class InputError extends Error {}

function checkWeight(raw: unknown, where: string): number | null {
  if (raw === undefined || raw === null) return null;
  const kg = typeof raw === 'number' ? raw : typeof raw === 'string' ? decimal(raw) : Number.NaN;
  // From a tenth of a gram (a SIM card weighs more) to 100 t: beyond either, a unit mix-up.
  if (!(kg >= 0.0001 && kg < 100_000))
    throw new InputError(`${where} must be a weight in kg from 0.0001 to 100000, got "${String(raw)}"`);
  return kg;
}

function checkCountry(raw: unknown, where: string): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string' || !/^[A-Za-z]{2}$/.test(raw))
    throw new InputError(`${where} must be a two-letter country code (ISO 3166), got "${String(raw)}"`);
  if (!isCountry(raw.toUpperCase())) throw new InputError(`${where} "${raw}" is not a country code we know (ISO 3166)`);
  return raw.toUpperCase();
}

function checkCondition(raw: unknown, where: string): Condition | null {
  if (raw === undefined || raw === null) return null;
  const condition = CONDITIONS.find((c) => c === raw);
  if (!condition) throw new InputError(`${where} must be one of ${CONDITIONS.join(', ')}, got "${String(raw)}"`);
  return condition;
}

/** A price checked for what a shop could show: finite, above 0, in a currency we know, not absurd. */
function checkPrice(rawAmount: unknown, rawCurrency: unknown, where: string): Product['price'] {
  // JSON's 1e999 parses as Infinity, which JSON.stringify would show as "null".
  const shown =
    typeof rawAmount === 'string' || typeof rawAmount === 'number' ? String(rawAmount) : JSON.stringify(rawAmount);
  if (typeof rawAmount === 'string' && !rawAmount.trim()) throw new InputError(`${where} is empty`);
  const amount =
    typeof rawAmount === 'number' ? rawAmount : typeof rawAmount === 'string' ? decimal(rawAmount) : Number.NaN;
  if (Number.isNaN(amount)) throw new InputError(`${where} must be a number, got ${shown}`);
  if (!Number.isFinite(amount)) throw new InputError(`${where} must be a finite number, got ${shown}`);
  if (!(amount > 0)) throw new InputError(`${where} must be above 0, got ${shown}`);
  const currency = checkCurrency(rawCurrency, `${where.replace(/amount$|price$/, '')}currency`);
  const usd = toUsd2022({ amount, currency });
  if (usd !== null && usd > MAX_PRICE_USD2022)
    throw new InputError(
      `${where} ${shown} ${currency} is not a shop price (more than ${MAX_PRICE_USD2022.toLocaleString('en')} US dollars)`,
    );
  if (usd !== null && usd < MIN_PRICE_USD2022)
    throw new InputError(`${where} ${shown} ${currency} is not a shop price (less than a tenth of a US cent)`);
  return { amount, currency };
}

function checkCurrency(raw: unknown, where: string): string {
  if (typeof raw !== 'string' || !/^[A-Za-z]{3}$/.test(raw))
    throw new InputError(`${where} must be an ISO 4217 code, got "${String(raw)}"`);
  const currency = raw.toUpperCase();
  if (toUsd2022({ amount: 1, currency }) === null)
    throw new InputError(`${where} "${currency}" is a currency we have no exchange rate for`);
  return currency;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkText(raw: unknown, where: string, max: number): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') throw new InputError(`${where} must be text, got ${JSON.stringify(raw)}`);
  return raw.trim().slice(0, max) || null;
}

/** A product from JSON, every field the estimator reads checked; an InputError names the first bad one. */
export function productFromJson(json: unknown): Product {
  if (!isRecord(json)) throw new InputError('not a product object (needs at least "title")');
  const title = checkText(json.title, 'title', 1000);
  if (!title) throw new InputError('"title" is missing or empty');
  let price: Product['price'] = null;
  if (isRecord(json.price)) price = checkPrice(json.price.amount, json.price.currency, 'price.amount');
  else if (typeof json.price === 'number' || typeof json.price === 'string')
    price = checkPrice(json.price, json.currency ?? 'USD', 'price');
  else if (json.price !== undefined && json.price !== null)
    throw new InputError(`price must be {"amount", "currency"} or a number, got ${JSON.stringify(json.price)}`);
  let category: string[] = [];
  if (typeof json.category === 'string') category = json.category.split(/\s*>\s*/).filter(Boolean);
  else if (Array.isArray(json.category)) {
    if (!json.category.every((c) => typeof c === 'string')) throw new InputError('category must be a list of text');
    category = json.category as string[];
  } else if (json.category !== undefined && json.category !== null)
    throw new InputError('category must be text ("A > B") or a list of text');
  return {
    title,
    price,
    brand: checkText(json.brand, 'brand', 200),
    category: category.slice(0, 12),
    gtin: typeof json.gtin === 'string' && /^\d{8,14}$/.test(json.gtin) ? json.gtin : null,
    url:
      typeof json.url === 'string' && /^https?:\/\//.test(json.url) && URL.canParse(json.url)
        ? json.url
        : 'https://example.invalid/',
    weightKg: checkWeight(json.weightKg, 'weightKg'),
    condition: checkCondition(json.condition, 'condition'),
    country: checkCountry(json.country, 'country'),
  };
}

function explain(estimate: FootprintEstimate): string {
  const kg = (value: number) => formatKg(value, 'en');
  return [
    `${kg(estimate.kgCO2e)} kg CO2e (${kg(estimate.low)}–${kg(estimate.high)} kg; ${estimate.rangeMeaning})`,
    `Method: ${estimate.method}`,
    `Counts: ${estimate.scope === 'making-and-using' ? 'making and using' : 'making only'}${estimate.condition === 'new' ? '' : ` (${estimate.condition})`}`,
    ...estimate.steps.map((step, i) => `${i + 1}. ${step}`),
    'Sources:',
    ...estimate.sources.map((s) => `- ${s.title}, ${s.publisher}, ${s.year}. ${s.url}`),
  ].join('\n');
}

// "--price -5" would read as an unknown option "-5" (and "-Infinity" as a cluster of short options):
// joined, the value is checked like any other.
const joinNegativeNumbers = (args: string[]): string[] =>
  args.flatMap((arg, i) =>
    (arg === '--price' || arg === '--weight') && /^-(?!-)/.test(args[i + 1] ?? '')
      ? [`${arg}=${args[i + 1]}`]
      : i > 0 && (args[i - 1] === '--price' || args[i - 1] === '--weight') && /^-(?!-)/.test(arg)
        ? []
        : [arg],
  );

const parseOptions = (args: string[]) =>
  parseArgs({
    args: joinNegativeNumbers(args),
    options: {
      title: { type: 'string' },
      price: { type: 'string' },
      currency: { type: 'string' },
      category: { type: 'string' },
      brand: { type: 'string' },
      weight: { type: 'string' },
      country: { type: 'string' },
      condition: { type: 'string' },
      delivery: { type: 'string' },
      batch: { type: 'string' },
      explain: { type: 'boolean', default: false },
    },
  });

interface Defaults {
  country: string | null;
  condition: Condition | null;
  delivery: DeliveryMode | null;
}

/** Turns an InputError into the CLI's one-line error naming the option or field. */
function asCliError<T>(make: () => T, prefix = ''): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof InputError) throw new CliError(`${prefix}${error.message}`);
    throw error;
  }
}

export const estimateCommand: Command = {
  summary: 'estimate the footprint of a product, or of NDJSON products with --batch (JSON on stdout)',
  usage: [
    'Usage: carbon-ledger estimate --title T [--price N --currency C] [--category "A > B"] [--brand B]',
    '                             [--weight KG] [--country CC] [--condition C] [--delivery MODE] [--explain]',
    '       carbon-ledger estimate [--country CC] [--condition C] [--explain] < product.json',
    '       carbon-ledger estimate --batch FILE|- [--country CC] [--condition C] [--delivery MODE] > estimates.ndjson',
    `MODE is one of ${DELIVERY_MODES.join(', ')}; C is one of ${CONDITIONS.join(', ')}.`,
    'CC is the country whose electricity grid the use phase runs on (the product\'s "country" otherwise; world average when neither).',
    'With --batch, each input line is a product JSON ({"title", "price": {"amount", "currency"}, "category", "brand",',
    '"weightKg", "country", "condition", "id"}); each output line is its estimate, or {"line", "error"} for a bad line.',
  ].join('\n'),
  async run(args) {
    let parsed: ReturnType<typeof parseOptions>;
    try {
      parsed = parseOptions(args);
    } catch (error) {
      throw new CliError((error as Error).message.split('\n')[0]!);
    }
    const { values } = parsed;
    if (values.delivery !== undefined && !DELIVERY_MODES.includes(values.delivery as DeliveryMode))
      throw new CliError(`--delivery must be one of ${DELIVERY_MODES.join(', ')}, got "${values.delivery}"`);
    const defaults: Defaults = {
      country: asCliError(() => checkCountry(values.country, '--country')),
      condition: asCliError(() => checkCondition(values.condition, '--condition')),
      delivery: (values.delivery as DeliveryMode | undefined) ?? null,
    };
    if (values.batch !== undefined) {
      for (const option of ['title', 'price', 'currency', 'category', 'brand', 'weight'] as const)
        if (values[option] !== undefined) throw new CliError(`--${option} does not go with --batch (give it per line)`);
      if (values.explain) throw new CliError('--explain does not go with --batch');
      return runBatch(values.batch, defaults);
    }
    let product: Product;
    if (values.title !== undefined) {
      if (!values.title.trim()) throw new CliError('--title must not be empty');
      // A currency without a price is still checked: an unknown one is an error, not ignored.
      if (values.price === undefined && values.currency !== undefined)
        asCliError(() => checkCurrency(values.currency, '--currency'));
      const price =
        values.price === undefined
          ? null
          : asCliError(() => checkPrice(values.price, values.currency ?? 'USD', '--price'));
      product = {
        title: values.title,
        price,
        brand: values.brand ?? null,
        category: values.category ? values.category.split(/\s*>\s*/) : [],
        gtin: null,
        url: 'https://example.invalid/',
        weightKg: asCliError(() => checkWeight(values.weight, '--weight')),
      };
    } else {
      if (process.stdin.isTTY) throw new CliError('give --title or a product JSON on stdin');
      let json: unknown;
      try {
        json = JSON.parse(await text(process.stdin));
      } catch (error) {
        throw new CliError(`stdin is not JSON: ${(error as Error).message.split('\n')[0]}`);
      }
      product = asCliError(() => productFromJson(json), 'stdin: ');
      if (values.weight !== undefined) product.weightKg = asCliError(() => checkWeight(values.weight, '--weight'));
    }
    if (defaults.condition) product.condition = defaults.condition;
    const country = defaults.country ?? product.country ?? null;
    const estimate = estimateFootprint(product, { country, delivery: defaults.delivery });
    if (!estimate) throw new CliError('no estimate: the category is unknown and there is no price in a known currency');
    if (values.explain) {
      console.log(explain(estimate));
      return 0;
    }
    const { kgCO2e, low, high, category, method, sources, ...rest } = estimate;
    console.log(JSON.stringify({ kgCO2e, low, high, category, method, sources, ...rest }, null, 2));
    return 0;
  },
};

const round = (value: number): number => Number(value.toPrecision(4));
const sectorOf = (category: string): string => (CATEGORY_BY_ID.get(category) ?? UNKNOWN).naics;

/** One batch line's answer: its estimate, or an error object naming the line and the problem. */
export function estimateLine(line: string, lineNumber: number, defaults: Defaults): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { line: lineNumber, error: `not JSON: ${(error as Error).message.split('\n')[0]}` };
  }
  const id = isRecord(json) && (typeof json.id === 'string' || typeof json.id === 'number') ? json.id : undefined;
  let product: Product;
  try {
    product = productFromJson(json);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { line: lineNumber, ...(id === undefined ? {} : { id }), error: error.message };
  }
  if (defaults.condition && !product.condition) product.condition = defaults.condition;
  const estimate = estimateFootprint(product, {
    country: product.country ?? defaults.country,
    delivery: defaults.delivery,
  });
  if (!estimate)
    return {
      line: lineNumber,
      ...(id === undefined ? {} : { id }),
      error: 'no estimate: the category is unknown and there is no price in a known currency',
    };
  return {
    line: lineNumber,
    ...(id === undefined ? {} : { id }),
    kgCO2e: round(estimate.kgCO2e),
    low: round(estimate.low),
    high: round(estimate.high),
    category: estimate.category,
    sector: sectorOf(estimate.category),
    methods: estimate.methods,
    scope: estimate.scope,
    condition: estimate.condition,
  };
}

/** Estimates NDJSON lines as they stream in and writes the answers in order, in large chunks. */
export async function estimateLines(
  lines: AsyncIterable<string>,
  write: (chunk: string) => Promise<void>,
  defaults: Defaults,
): Promise<{ lines: number; errors: number }> {
  let lineNumber = 0;
  let errors = 0;
  let pending = '';
  for await (const line of lines) {
    lineNumber++;
    const answer = line.trim()
      ? estimateLine(line, lineNumber, defaults)
      : { line: lineNumber, error: 'empty line (one product JSON per line)' };
    if ('error' in answer) errors++;
    pending += `${JSON.stringify(answer)}\n`;
    if (pending.length >= 1 << 16) {
      await write(pending);
      pending = '';
    }
  }
  if (pending) await write(pending);
  return { lines: lineNumber, errors };
}

async function runBatch(path: string, defaults: Defaults): Promise<number> {
  if (path !== '-') {
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      throw new CliError(`--batch ${path}: no such file`);
    }
    if (!isFile) throw new CliError(`--batch ${path}: not a file`);
  } else if (process.stdin.isTTY) throw new CliError('--batch -: give the NDJSON products on stdin');
  const input = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const write = async (chunk: string) => {
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  };
  let result: { lines: number; errors: number };
  try {
    result = await estimateLines(lines, write, defaults);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EISDIR' || code === 'EACCES' || code === 'ENOENT')
      throw new CliError(`--batch ${path}: ${(error as Error).message.split('\n')[0]}`);
    throw error;
  }
  console.error(
    `carbon-ledger estimate: ${result.lines} line(s), ${result.lines - result.errors} estimated, ${result.errors} error(s)`,
  );
  return 0;
}
