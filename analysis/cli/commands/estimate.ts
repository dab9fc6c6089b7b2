// `carbon-ledger estimate`: the footprint estimate for a product described on the command
// line or as product JSON on stdin.

import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { estimateFootprint } from '../../../shared/footprint/index.ts';
import { validateProduct } from '../../../shared/messages.ts';
import type { Product } from '../../../shared/product.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';

export const estimateCommand: Command = {
  summary: 'estimate the footprint of a product (JSON on stdout)',
  usage: [
    'Usage: carbon-ledger estimate --title T [--price N --currency C] [--category "A > B"]',
    '       carbon-ledger estimate < product.json',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        title: { type: 'string' },
        price: { type: 'string' },
        currency: { type: 'string', default: 'USD' },
        category: { type: 'string' },
      },
    });
    let product: Product | null;
    if (values.title) {
      const amount = values.price === undefined ? null : Number(values.price);
      if (amount !== null && !(amount >= 0)) throw new CliError(`--price must be a number, got "${values.price}"`);
      product = {
        title: values.title,
        price: amount === null ? null : { amount, currency: values.currency.toUpperCase() },
        brand: null,
        category: values.category ? values.category.split(/\s*>\s*/) : [],
        gtin: null,
        url: 'https://example.invalid/',
      };
    } else {
      if (process.stdin.isTTY) throw new CliError('give --title or a product JSON on stdin');
      let json: unknown;
      try {
        json = JSON.parse(await text(process.stdin));
      } catch (error) {
        throw new CliError(`stdin is not JSON: ${(error as Error).message}`);
      }
      product = validateProduct({ url: 'https://example.invalid/', ...(json as object) });
      if (!product) throw new CliError('stdin is not a product (needs at least "title")');
    }
    const estimate = estimateFootprint(product);
    if (!estimate) throw new CliError('no estimate: the product needs a price in a known currency');
    console.log(JSON.stringify(estimate, null, 2));
    return 0;
  },
};
