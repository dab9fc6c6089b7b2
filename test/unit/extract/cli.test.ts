// `carbon-ledger extract`: JSON on stdout for any page, a one-line error and exit 2 for a file
// it cannot read.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../analysis/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-extract-'));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  const code = await main(['extract', ...args]);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('carbon-ledger extract', () => {
  it('prints the product a page publishes', async () => {
    const page = file(
      'kettle.html',
      '<html><head><script type="application/ld+json">{"@type":"Product","name":"Kettle","brand":"Acme","offers":{"price":"39.90","priceCurrency":"EUR"}}</script></head><body><h1>Kettle</h1></body></html>',
    );
    const { code, out } = await run([page, '--url', 'https://shop.example/p/kettle']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.page).toBe('product');
    expect(result.products[0]).toMatchObject({
      title: 'Kettle',
      brand: 'Acme',
      price: { amount: 39.9, currency: 'EUR' },
      url: 'https://shop.example/p/kettle',
    });
  });

  it('decodes a page in its declared windows-1252 charset', async () => {
    const html =
      '<html><head><meta charset="windows-1252"></head><body><h1>W\u00e4rmepumpentrockner</h1><span class="price">\u20ac 459,08</span></body></html>';
    const bytes = Uint8Array.from(html, (ch) => (ch === '\u20ac' ? 0x80 : ch.charCodeAt(0)));
    const { out } = await run([file('latin.html', bytes), '--url', 'https://geizhals.example/p']);
    const result = JSON.parse(out);
    expect(result.products[0]?.title).toBe('Wärmepumpentrockner');
    expect(result.products[0]?.price).toEqual({ amount: 459.08, currency: 'EUR' });
  });

  it('answers {"page":"other","products":[]} with exit 0 for malformed or unknown pages', async () => {
    for (const content of ['<<<>>><div><span', '', '\u0000\u0001binary', '<html><body><p>About us</p></body></html>']) {
      const { code, out } = await run([file('odd.html', content), '--url', 'https://shop.example/']);
      expect(code).toBe(0);
      expect(JSON.parse(out)).toEqual({ page: 'other', products: [] });
    }
  });

  it('gives a one-line error naming the file and exit 2 when it cannot read the file', async () => {
    const missing = join(dir, 'missing.html');
    const { code, out, err } = await run([missing, '--url', 'https://shop.example/']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toContain(missing);
    expect((await run([dir])).code).toBe(2);
  });
});
