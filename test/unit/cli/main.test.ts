// The `carbon-ledger` command as users run it: the real bin script in a child process.

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../shared-fixtures.ts';

const run = async (args: string[], stdin?: string) => {
  const child = promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin', 'carbon-ledger.js'), ...args], {
    cwd: REPO_ROOT,
  });
  if (stdin !== undefined) {
    child.child.stdin?.end(stdin);
  } else {
    child.child.stdin?.end();
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
};

describe('carbon-ledger', () => {
  it('lists its commands with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/extract/);
    expect(stdout).toMatch(/estimate/);
  });

  it('rejects an unknown command in one line, exit 2', async () => {
    const { code, stderr } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/unknown command "frobnicate"/)]);
  });

  it('names an unreadable file in a one-line error, exit 2', async () => {
    const missing = join(tmpdir(), 'carbon-ledger-no-such-page.html');
    const { code, stderr, stdout } = await run(['extract', missing, '--url', 'https://example.com/p/1']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(missing);
  });

  it('reads a product page into JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-cli-'));
    const page = join(dir, 'page.html');
    const product = { '@context': 'https://schema.org', '@type': 'Product', name: 'Wool blanket' };
    const offers = { '@type': 'Offer', price: '89.00', priceCurrency: 'GBP' };
    writeFileSync(
      page,
      `<html><head><script type="application/ld+json">${JSON.stringify({ ...product, offers })}</script></head><body><h1>Wool blanket</h1></body></html>`,
    );
    const { code, stdout } = await run(['extract', page, '--url', 'https://shop.example.co.uk/p/blanket']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.page).toBe('product');
    expect(result.products[0]).toMatchObject({ title: 'Wool blanket', price: { amount: 89, currency: 'GBP' } });
  });

  it('estimates a product described by options', async () => {
    const { code, stdout } = await run(['estimate', '--title', 'Cotton T-shirt', '--price', '20', '--currency', 'EUR']);
    expect(code).toBe(0);
    const estimate = JSON.parse(stdout);
    expect(estimate.kgCO2e).toBeGreaterThan(0);
    expect(estimate.low).toBeLessThan(estimate.kgCO2e);
    expect(estimate.high).toBeGreaterThan(estimate.kgCO2e);
    expect(estimate.sources.length).toBeGreaterThan(0);
  });

  it('rejects a price that is not a number in one line, exit 2', async () => {
    const { code, stderr } = await run(['estimate', '--title', 'Kettle', '--price', 'cheap', '--currency', 'EUR']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
