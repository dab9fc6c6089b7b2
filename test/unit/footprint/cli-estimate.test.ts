// `carbon-ledger estimate` as researchers call it: JSON with the contract's keys, --explain in
// words, and one-line errors with exit code 2 for bad input.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { runMain } from '../cli/run-bin.ts';

afterEach(() => vi.restoreAllMocks());

const run = runMain;

describe('carbon-ledger estimate', () => {
  it('prints the contract keys first, with weight and country applied', async () => {
    const { code, out } = await run([
      'estimate',
      '--title',
      'Rinderhackfleisch',
      '--weight',
      '0.5',
      '--country',
      'de',
      '--price',
      '6.99',
      '--currency',
      'EUR',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json).slice(0, 6)).toEqual(['kgCO2e', 'low', 'high', 'category', 'method', 'sources']);
    expect(json.category).toBe('beef');
    expect(json.weightKg).toBe(0.5);
    expect(json.low).toBeLessThan(json.kgCO2e);
    expect(json.sources.length).toBeGreaterThan(1);
  });

  it('--explain prints the steps in words', async () => {
    const { code, out } = await run(['estimate', '--title', 'Dell Latitude 5420 14" laptop', '--explain']);
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+ kg CO2e \(\d+–\d+ kg; 80 % interval/);
    expect(out).toMatch(/Published footprint of this very product: Dell Latitude 5420/);
    expect(out).toMatch(/Sources:\n- /);
  });

  it.each([
    [['estimate', '--title', 'Kettle', '--weight', 'heavy'], /--weight must be a weight/],
    [['estimate', '--title', 'Kettle', '--country', 'Germany'], /two-letter country code/],
    [['estimate', '--title', 'Kettle', '--price', 'ten'], /--price must be a number/],
    [['estimate', '--title', 'Kettle', '--delivery', 'drone'], /--delivery must be one of/],
    [['estimate', '--title', 'Zyxel thing'], /no estimate/],
  ])('bad input %j → one line, exit 2', async (args, message) => {
    const { code, err } = await run(args as string[]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
  });
});
