// `carbon-ledger estimate`: the footprint estimate for a product described on the command
// line or as product JSON on stdin; `--explain` prints how it was reached, in words.

import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { type DeliveryMode, estimateFootprint, type FootprintEstimate } from '../../../shared/footprint/index.ts';
import { validateProduct } from '../../../shared/messages.ts';
import type { Product } from '../../../shared/product.ts';
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

function parseWeight(raw: string | undefined, where: string): number | null {
  if (raw === undefined || raw === null) return null;
  const kg = Number(raw);
  if (!(kg > 0 && kg < 100_000)) throw new CliError(`${where} must be a weight in kg above 0, got "${raw}"`);
  return kg;
}

function parseCountry(raw: unknown, where: string): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string' || !/^[A-Za-z]{2}$/.test(raw))
    throw new CliError(`${where} must be a two-letter country code (ISO 3166), got "${String(raw)}"`);
  return raw.toUpperCase();
}

function explain(estimate: FootprintEstimate): string {
  const kg = (value: number) => (value >= 10 ? value.toFixed(0) : value.toPrecision(2));
  return [
    `${kg(estimate.kgCO2e)} kg CO2e (${kg(estimate.low)}–${kg(estimate.high)} kg; ${estimate.rangeMeaning})`,
    `Method: ${estimate.method}`,
    ...estimate.steps.map((step, i) => `${i + 1}. ${step}`),
    'Sources:',
    ...estimate.sources.map((s) => `- ${s.title}, ${s.publisher}, ${s.year}. ${s.url}`),
  ].join('\n');
}

const parseOptions = (args: string[]) =>
  parseArgs({
    args,
    options: {
      title: { type: 'string' },
      price: { type: 'string' },
      currency: { type: 'string', default: 'USD' },
      category: { type: 'string' },
      brand: { type: 'string' },
      weight: { type: 'string' },
      country: { type: 'string' },
      delivery: { type: 'string' },
      explain: { type: 'boolean', default: false },
    },
  });

export const estimateCommand: Command = {
  summary: 'estimate the footprint of a product (JSON on stdout)',
  usage: [
    'Usage: carbon-ledger estimate --title T [--price N --currency C] [--category "A > B"] [--brand B]',
    '                             [--weight KG] [--country CC] [--delivery MODE] [--explain]',
    '       carbon-ledger estimate [--country CC] [--explain] < product.json',
    `MODE is one of ${DELIVERY_MODES.join(', ')}.`,
  ].join('\n'),
  async run(args) {
    let parsed: ReturnType<typeof parseOptions>;
    try {
      parsed = parseOptions(args);
    } catch (error) {
      throw new CliError((error as Error).message.split('\n')[0]!);
    }
    const { values } = parsed;
    let product: Product | null;
    if (values.title !== undefined) {
      if (!values.title.trim()) throw new CliError('--title must not be empty');
      const amount = values.price === undefined ? null : Number(values.price);
      if (amount !== null && !(amount >= 0)) throw new CliError(`--price must be a number, got "${values.price}"`);
      if (!/^[A-Za-z]{3}$/.test(values.currency))
        throw new CliError(`--currency must be an ISO 4217 code, got "${values.currency}"`);
      product = {
        title: values.title,
        price: amount === null ? null : { amount, currency: values.currency.toUpperCase() },
        brand: values.brand ?? null,
        category: values.category ? values.category.split(/\s*>\s*/) : [],
        gtin: null,
        url: 'https://example.invalid/',
        weightKg: parseWeight(values.weight, '--weight'),
      };
    } else {
      if (process.stdin.isTTY) throw new CliError('give --title or a product JSON on stdin');
      let json: unknown;
      try {
        json = JSON.parse(await text(process.stdin));
      } catch (error) {
        throw new CliError(`stdin is not JSON: ${(error as Error).message.split('\n')[0]}`);
      }
      if (typeof json !== 'object' || json === null || Array.isArray(json))
        throw new CliError('stdin is not a product object');
      const raw = json as Record<string, unknown>;
      product = validateProduct({ url: 'https://example.invalid/', ...raw });
      if (!product) throw new CliError('stdin is not a product (needs at least "title"; price as {amount, currency})');
      // Fields the message validator does not carry, read here with the same care.
      const weightKg =
        raw.weightKg === undefined || raw.weightKg === null ? null : parseWeight(String(raw.weightKg), 'weightKg');
      const condition =
        raw.condition === 'used' || raw.condition === 'refurbished' || raw.condition === 'new' ? raw.condition : null;
      product = { ...product, weightKg, condition, country: parseCountry(raw.country, 'country') };
      if (values.weight !== undefined) product.weightKg = parseWeight(values.weight, '--weight');
    }
    const country = parseCountry(values.country, '--country') ?? product.country ?? null;
    if (values.delivery !== undefined && !DELIVERY_MODES.includes(values.delivery as DeliveryMode))
      throw new CliError(`--delivery must be one of ${DELIVERY_MODES.join(', ')}, got "${values.delivery}"`);
    const estimate = estimateFootprint(product, { country, delivery: (values.delivery as DeliveryMode) ?? null });
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
