// `carbon-ledger estimate`: hostile prices and currencies refused with one line and exit 2, the
// condition option, and --batch: NDJSON in, one answer per line in order, errors per line.

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateLines } from '../../../analysis/cli/commands/estimate.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { runBin, runMain } from './run-bin.ts';

afterEach(() => vi.restoreAllMocks());

const run = runMain;

/** Runs the real bin with `input` on stdin. */
function runBinWithInput(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(REPO_ROOT, 'bin', 'carbon-ledger.js'), ...args],
      { cwd: REPO_ROOT, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

type Defaults = Parameters<typeof estimateLines>[2];
const defaults: Defaults = { country: null, condition: null, delivery: null };
async function batch(lines: string[], options: Defaults = defaults): Promise<Record<string, unknown>[]> {
  const chunks: string[] = [];
  async function* source() {
    yield* lines;
  }
  await estimateLines(source(), async (chunk) => void chunks.push(chunk), { ...options });
  return chunks
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe('estimate refuses prices and currencies no shop shows (issue 21)', () => {
  it.each([
    [['--price', 'Infinity'], /--price must be a finite number, got Infinity/],
    [['--price', '-Infinity'], /--price must be a finite number/],
    [['--price', '1e308'], /--price 1e308 USD is not a shop price/],
    [['--price', '2e7', '--currency', 'EUR'], /is not a shop price \(more than 1,000,000 US dollars\)/],
    [['--price', '-5'], /--price must be above 0, got -5/],
    [['--price', '0'], /--price must be above 0/],
    [['--price', ''], /--price is empty/],
    [['--price', '12abc'], /--price must be a number, got 12abc/],
    [['--price', '20', '--currency', 'XYZ'], /--currency "XYZ" is a currency we have no exchange rate for/],
    [['--currency', 'XYZ'], /--currency "XYZ"/],
    [['--price', '20', '--currency', 'euro'], /--currency must be an ISO 4217 code/],
    [['--condition', 'mint'], /--condition must be one of new, used, refurbished/],
    // Number() reads these as 16, 3 and 8; a person typing a price does not.
    [['--price', '0x10'], /--price must be a number, got 0x10/],
    [['--price', '0b11'], /--price must be a number, got 0b11/],
    [['--price', '0o10'], /--price must be a number, got 0o10/],
    [['--price', '1e-300'], /--price 1e-300 USD is not a shop price \(less than a tenth of a US cent\)/],
    [['--price', '1', '--currency', 'IDR'], /--price 1 IDR is not a shop price \(less than/],
    [['--weight', '0x10'], /--weight must be a weight in kg from 0.0001 to 100000, got "0x10"/],
    [['--weight', '1e-320'], /--weight must be a weight in kg from 0.0001/],
    [['--country', 'ZZ'], /--country "ZZ" is not a country code we know/],
    [['--country', 'XX'], /--country "XX" is not a country code we know/],
    [['--batch', '/nonexistent/products.ndjson'], /--batch \/nonexistent\/products.ndjson: no such file/],
  ])('%j → one line, exit 2', async (extra, message) => {
    const args = extra[0] === '--batch' ? ['estimate', ...extra] : ['estimate', '--title', 'Electric kettle', ...extra];
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
  });

  it('a sane price in a known currency still works, in any case of the code', async () => {
    const { code, out } = await run([
      'estimate',
      '--title',
      'Electric kettle',
      '--price',
      '29.99',
      '--currency',
      'eur',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out).category).toBe('kettles');
  });

  it('product JSON on stdin is checked the same way (real bin)', async () => {
    const bad = await runBinWithInput(
      ['estimate'],
      JSON.stringify({ title: 'Kettle', price: { amount: 1e308, currency: 'USD' } }),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/stdin: price.amount 1e\+308 USD is not a shop price/);
    const currency = await runBinWithInput(
      ['estimate'],
      JSON.stringify({ title: 'Kettle', price: { amount: 20, currency: 'ZZZ' } }),
    );
    expect(currency.code).toBe(2);
    expect(currency.stderr).toMatch(/price.currency "ZZZ" is a currency we have no exchange rate for/);
    // 1e999 is valid JSON for Infinity: the message shows it as such, not as "null".
    const infinite = await runBinWithInput(
      ['estimate'],
      '{"title": "Kettle", "price": {"amount": 1e999, "currency": "EUR"}}',
    );
    expect(infinite.code).toBe(2);
    expect(infinite.stderr).toMatch(/price.amount must be a finite number, got Infinity/);
  });

  it('small prices a shop shows, in any notation a person writes, still work', async () => {
    for (const extra of [
      ['--price', '1', '--currency', 'JPY'],
      ['--price', '.5'],
      ['--price', '+5'],
      ['--price', '5.'],
    ]) {
      const { code } = await run(['estimate', '--title', 'Electric kettle', ...extra]);
      expect(code, extra.join(' ')).toBe(0);
    }
    expect((await run(['estimate', '--title', 'Electric kettle', '--country', 'uk'])).code).toBe(0);
  });

  it('batch lines get the same checks (hex price, unknown country, tiny weight)', async () => {
    const answers = await batch([
      JSON.stringify({ title: 'Kettle', price: { amount: '0x10', currency: 'EUR' } }),
      JSON.stringify({ title: 'Kettle', country: 'ZZ' }),
      JSON.stringify({ title: 'Kettle', weightKg: '1e-320' }),
      JSON.stringify({ title: 'Kettle', price: { amount: 1e-300, currency: 'EUR' } }),
    ]);
    expect(answers.map((answer) => answer.error)).toEqual([
      expect.stringMatching(/price.amount must be a number, got 0x10/),
      expect.stringMatching(/country "ZZ" is not a country code we know/),
      expect.stringMatching(/weightKg must be a weight in kg from 0.0001/),
      expect.stringMatching(/is not a shop price \(less than a tenth of a US cent\)/),
    ]);
  });
});

describe('estimate --condition', () => {
  it('a refurbished laptop is estimated below the new one, and says so', async () => {
    const title = ['estimate', '--title', 'Dell Latitude 5420 14" laptop', '--brand', 'Dell', '--country', 'DE'];
    const fresh = JSON.parse((await run(title)).out);
    vi.restoreAllMocks();
    const refurbished = JSON.parse((await run([...title, '--condition', 'refurbished'])).out);
    expect(fresh.condition).toBe('new');
    expect(refurbished.condition).toBe('refurbished');
    expect(refurbished.kgCO2e).toBeLessThan(fresh.kgCO2e / 2);
    expect(refurbished.scope).toBe('making-and-using');
  });
});

describe('estimate --batch', () => {
  it('answers every line in order, bad lines with an error naming the line', async () => {
    const answers = await batch([
      JSON.stringify({
        id: 'a',
        title: 'Electric kettle 1.7 l',
        price: { amount: 29.99, currency: 'EUR' },
        country: 'DE',
      }),
      '{not json',
      JSON.stringify({ id: 'c', title: 'Organic cotton T-shirt', price: { amount: 1e308, currency: 'USD' } }),
      '',
      JSON.stringify({ id: 5, title: 'Dell Latitude 5420 14" laptop', brand: 'Dell', condition: 'refurbished' }),
      JSON.stringify({ title: 'Kettle', price: { amount: 20, currency: 'XYZ' } }),
      JSON.stringify({ title: 'Kettle', price: { amount: -3, currency: 'USD' } }),
      JSON.stringify({ title: '' }),
      JSON.stringify({ title: 'Zyxel thing' }),
      JSON.stringify({
        title: 'Rinderhackfleisch 500 g',
        category: 'Lebensmittel > Fleisch',
        price: 6.99,
        currency: 'EUR',
      }),
    ]);
    expect(answers.map((a) => a.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(answers[0]).toMatchObject({ id: 'a', category: 'kettles', sector: '335210', scope: 'making-and-using' });
    expect(Object.keys(answers[0]!)).toEqual(
      expect.arrayContaining(['kgCO2e', 'low', 'high', 'category', 'sector', 'methods']),
    );
    expect(answers[0]!.low as number).toBeLessThan(answers[0]!.kgCO2e as number);
    expect(answers[1]).toMatchObject({ line: 2, error: expect.stringMatching(/^not JSON/) });
    expect(answers[2]).toMatchObject({ line: 3, id: 'c', error: expect.stringMatching(/is not a shop price/) });
    expect(answers[3]).toMatchObject({ line: 4, error: expect.stringMatching(/empty line/) });
    expect(answers[4]).toMatchObject({ id: 5, category: 'laptops', condition: 'refurbished' });
    expect(answers[5]).toMatchObject({
      error: expect.stringMatching(/"XYZ" is a currency we have no exchange rate for/),
    });
    expect(answers[6]).toMatchObject({ error: expect.stringMatching(/must be above 0/) });
    expect(answers[7]).toMatchObject({ error: expect.stringMatching(/"title" is missing/) });
    expect(answers[8]).toMatchObject({ error: expect.stringMatching(/no estimate/) });
    expect(answers[9]).toMatchObject({ category: 'beef', methods: expect.arrayContaining(['per-kg-food']) });
  });

  it('--country is the grid for lines without one; a line’s own country wins', async () => {
    const kettle = { title: 'Electric kettle 1.7 l' };
    const [france, poland] = await batch([JSON.stringify(kettle), JSON.stringify({ ...kettle, country: 'PL' })], {
      ...defaults,
      country: 'FR',
    });
    expect(france!.kgCO2e as number).toBeLessThan(50);
    expect(poland!.kgCO2e as number).toBeGreaterThan(5 * (france!.kgCO2e as number));
  });

  it('the real bin streams a file and stdin: one output line per input line, a summary on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-batch-'));
    const file = join(dir, 'products.ndjson');
    const lines = Array.from({ length: 300 }, (_, i) =>
      i === 150
        ? '{"title": "Kettle", "price": {"amount": "Infinity", "currency": "USD"}}'
        : JSON.stringify({ id: i, title: `Electric kettle model ${i}`, price: { amount: 10 + i, currency: 'EUR' } }),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const fromFile = await runBin(['estimate', '--batch', file]);
    expect(fromFile.code).toBe(0);
    const out = fromFile.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(300);
    expect(out.map((a) => a.line)).toEqual(lines.map((_, i) => i + 1));
    expect(out[150]).toMatchObject({ line: 151, error: expect.stringMatching(/finite number/) });
    expect(out[299]).toMatchObject({ id: 299, category: 'kettles' });
    expect(fromFile.stderr).toMatch(/300 line\(s\), 299 estimated, 1 error\(s\)/);

    const fromStdin = await runBinWithInput(['estimate', '--batch', '-'], lines.slice(0, 3).join('\n'));
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout.trim().split('\n')).toHaveLength(3);
  });
});
