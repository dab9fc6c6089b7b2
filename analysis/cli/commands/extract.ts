// `carbon-ledger extract PAGE.html --url URL`: what the extension reads from a saved page.

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { extractPage } from '../../../shared/extract/index.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';

export const extractCommand: Command = {
  summary: 'read the products on a saved shop page (JSON on stdout)',
  usage: 'Usage: carbon-ledger extract PAGE.html --url URL\n\nPrints {"page","products":[...]} as JSON.',
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { url: { type: 'string' } }, allowPositionals: true });
    const [file] = positionals;
    if (!file) throw new CliError('missing PAGE.html');
    let html: string;
    try {
      html = await readFile(file, 'utf8');
    } catch (error) {
      throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const url = values.url ?? `file://${file}`;
    let result: ReturnType<typeof extractPage> = { page: 'other', products: [] };
    try {
      const { document } = parseHTML(html);
      result = extractPage(document as unknown as Document, url);
    } catch {
      // Malformed HTML is a page we cannot read, not a failure of the command.
    }
    console.log(JSON.stringify(result, null, 2));
    return 0;
  },
};
