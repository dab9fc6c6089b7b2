// `carbon-ledger extract PAGE.html --url URL`: what the extension reads from a saved page.

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { decodeHtml, withDocumentElement } from '../../../shared/extract/charset.ts';
import type { PageExtraction } from '../../../shared/product.ts';
import { extractPage } from '../../../shared/read.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';

/**
 * A saved page's bytes as the document a browser builds from them: decoded as a browser would
 * (byte-order mark, then the declared charset), so old windows-1252 pages read right; and with an
 * <html> root where the page has none (browsers supply html, head and body; linkedom would take
 * the page's first element, a lone <head>, as the root and lose the body's product).
 */
export function parseSavedPage(bytes: Uint8Array): Document {
  return parseHTML(withDocumentElement(decodeHtml(bytes))).document as unknown as Document;
}

export const extractCommand: Command = {
  summary: 'read the products on a saved shop page (JSON on stdout)',
  usage: [
    'Usage: carbon-ledger extract PAGE.html --url URL',
    '',
    'Prints {"page":"product"|"listing"|"other","products":[...]} as JSON.',
    'The URL is where the page was saved from: it picks the shop adapter and the shop country.',
    'A page that cannot be read as a shop page prints {"page":"other","products":[]}.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { url: { type: 'string' } }, allowPositionals: true });
    const [file] = positionals;
    if (!file) throw new CliError('missing PAGE.html');
    // The URL picks the adapter and the country: one that is not a web address would silently pick none.
    if (values.url !== undefined && !(URL.canParse(values.url) && /^https?:$/.test(new URL(values.url).protocol)))
      throw new CliError(`--url must be the page's web address (https://...), got "${values.url}"`);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const url = values.url ?? `file://${file}`;
    let result: PageExtraction = { page: 'other', products: [] };
    try {
      result = extractPage(parseSavedPage(bytes), url);
    } catch {
      // Malformed HTML is a page we cannot read, not a failure of the command.
    }
    console.log(JSON.stringify(result, null, 2));
    return 0;
  },
};
