// `carbon-ledger simulate`: the same seed gives the same file, the file is a valid research
// export, and the behaviour model has the shapes analyses look for (arm effects, weekends,
// drop-out).

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STUDY } from '../../../analysis/cli/commands/simulate.ts';
import { SIM_CATEGORIES } from '../../../analysis/simulate/model.ts';
import { simulateExport } from '../../../analysis/simulate/write.ts';
import type { ChoiceMadeEvent, LedgerEvent } from '../../../shared/events.ts';
import { parseResearchExport } from '../../../shared/export/research.ts';
import { ACTIONS } from '../../../shared/footprint/actions.ts';
import { CATEGORY_BY_ID } from '../../../shared/footprint/taxonomy.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { runBin } from './run-bin.ts';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'export-format.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-simulate-'));
const small = ['--participants', '40', '--days', '21'];

// Child processes on a shared two-core machine: generous time limits.
describe('carbon-ledger simulate', { timeout: 60_000 }, () => {
  let first: string;
  beforeAll(async () => {
    const a = await runBin(['simulate', ...small, '--seed', 'alpha', '--out', join(dir, 'a.json')]);
    expect(a.code).toBe(0);
    first = readFileSync(join(dir, 'a.json'), 'utf8');
  }, 60_000);

  it('writes the same file for the same seed, and another for another seed', async () => {
    expect((await runBin(['simulate', ...small, '--seed', 'alpha', '--out', join(dir, 'b.json')])).code).toBe(0);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(first);
    expect((await runBin(['simulate', ...small, '--seed', 'beta', '--out', join(dir, 'c.json')])).code).toBe(0);
    expect(readFileSync(join(dir, 'c.json'), 'utf8')).not.toBe(first);
  });

  it('writes a research export that passes the schema and our import', () => {
    const file = JSON.parse(first);
    expect(validate(file) ? [] : validate.errors).toEqual([]);
    const parsed = parseResearchExport(first);
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
    expect(file.events.length).toBeGreaterThan(500);
  });

  it('stamps every event with a listed participant and their arm, in export order', () => {
    const file = JSON.parse(first);
    const arms = new Map<string, string>(
      file.study.participants.map((p: { participantId: string; arm: string }) => [p.participantId, p.arm]),
    );
    expect(arms.size).toBe(40);
    for (const event of file.events as LedgerEvent[]) {
      expect(event.study?.studyId).toBe(file.study.id);
      expect(arms.get(event.study!.participantId)).toBe(event.study?.arm);
    }
    const keys = (file.events as LedgerEvent[]).map((e) => `${e.at} ${e.id}`);
    expect(keys).toEqual([...keys].sort());
    // No full URLs: shop host and product id only.
    for (const event of file.events as LedgerEvent[]) {
      if ('product' in event.data) expect(event.data.product.url).toMatch(/^https:\/\/[a-z0-9.-]+\/#product=[^/]+$/);
    }
  });

  it('simulates a study file: its id, its arms and only its event types', async () => {
    const out = join(dir, 'study.json');
    const example = join(REPO_ROOT, 'docs', 'examples', 'study.json');
    expect((await runBin(['simulate', ...small, '--study', example, '--out', out])).code).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    const study = JSON.parse(readFileSync(example, 'utf8'));
    expect(file.study.id).toBe(study.id);
    const types = new Set(file.events.map((e: LedgerEvent) => e.type));
    expect(types.has('action-logged')).toBe(false);
    expect([...types].every((t) => study.exportEventTypes.includes(t))).toBe(true);
    expect(file.events[0].at.slice(0, 10) >= study.start).toBe(true);
  });

  it.each([
    [['--participants', '0', '--days', '3', '--out', '-'], /--participants must be a whole number/],
    [['--participants', '3', '--days', 'x', '--out', '-'], /--days must be a whole number/],
    [['--participants', '3', '--days', '3'], /missing --out/],
    [['--participants', '3', '--days', '3', '--out', join(dir, 'no', 'such', 'dir.json')], /does not exist/],
  ])('refuses bad options in one line, exit 2 (%j)', async (args, message) => {
    const { code, stderr } = await runBin(['simulate', ...args]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
  });
});

describe('the behaviour model', { timeout: 30_000 }, () => {
  const cohort = simulateExport({
    participants: 600,
    days: 56,
    seed: 'model',
    start: '2027-01-04',
    study: DEFAULT_STUDY,
  });
  const events = cohort.events;

  it('lets arms with labels and alternatives lower what people buy', () => {
    // Footprint of each purchase relative to the median viewed product of its category.
    const viewed = new Map<string, number[]>();
    for (const e of events) {
      if (e.type === 'product-viewed' && e.data.product.kgCO2e !== null) {
        const list = viewed.get(e.data.product.category!) ?? [];
        list.push(e.data.product.kgCO2e);
        viewed.set(e.data.product.category!, list);
      }
    }
    const median = new Map([...viewed].map(([c, kgs]) => [c, kgs.sort((a, b) => a - b)[Math.floor(kgs.length / 2)]!]));
    const byArm = new Map<string, number[]>();
    for (const e of events) {
      if (e.type !== 'purchase-marked') continue;
      const ratio = Math.log(e.data.product.kgCO2e! / median.get(e.data.product.category!)!);
      byArm.set(e.study!.arm, [...(byArm.get(e.study!.arm) ?? []), ratio]);
    }
    const mean = (arm: string) => {
      const xs = byArm.get(arm)!;
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(byArm.get('control')!.length).toBeGreaterThan(500);
    // Footprints are the estimator's, mostly spend-based: within a category they spread about as
    // prices do, so a greener pick lowers the log footprint by a few tenths, diluted over all purchases.
    expect(mean('labels-alternatives')).toBeLessThan(mean('control') - 0.05);
    expect(mean('labels')).toBeLessThan(mean('control'));
    // Greener choices of an alternative only where alternatives are shown.
    const greener = events.filter((e) => e.type === 'choice-made' && e.data.choice === 'greener');
    expect(greener.length).toBeGreaterThan(100);
    expect(new Set(greener.map((e) => e.study!.arm))).toEqual(new Set(['labels-alternatives']));
    expect(events.some((e) => e.type === 'alternatives-shown' && e.study!.arm === 'control')).toBe(false);
  });

  it('has weekend peaks', () => {
    const perWeekday = new Array(7).fill(0);
    for (const e of events) perWeekday[new Date(`${e.at.slice(0, 10)}T12:00:00Z`).getUTCDay()] += 1;
    const weekend = (perWeekday[0] + perWeekday[6]) / 2;
    const weekdays = (perWeekday[1] + perWeekday[2] + perWeekday[3] + perWeekday[4] + perWeekday[5]) / 5;
    expect(weekend).toBeGreaterThan(weekdays * 1.2);
  });

  it('loses participants over time', () => {
    const activeIn = (from: string, to: string) =>
      new Set(
        events.filter((e) => e.at.slice(0, 10) >= from && e.at.slice(0, 10) <= to).map((e) => e.study!.participantId),
      ).size;
    const early = activeIn('2027-01-18', '2027-01-31');
    const late = activeIn('2027-02-15', '2027-02-28');
    expect(late).toBeLessThan(early * 0.95);
    expect(late).toBeGreaterThan(early * 0.5);
  });

  it('speaks the product’s language: taxonomy categories, catalogue actions, the estimator’s figures', () => {
    for (const e of events) {
      if ('product' in e.data) {
        expect(CATEGORY_BY_ID.has(e.data.product.category!) || e.data.product.category === 'unknown').toBe(true);
        // The estimate the extension would record for this product, title, price and shop country.
        expect(e.data.product.method).toMatch(/spend-based|typical item|published|regression/);
      }
      if (e.type === 'action-logged') {
        const action = ACTIONS.find((a) => a.id === e.data.actionId);
        expect(action?.gramsCO2e).toBe(e.data.avoidedGramsCO2e);
      }
      if (e.type === 'choice-made' && e.data.choice === 'greener') {
        expect(e.data.alternative?.kind).toBe('on-page');
        expect(e.data.avoidedKgCO2e).toBe(e.data.alternative?.avoidedKgCO2e);
      }
    }
    // Credited by the ledger's rules: mostly what the estimates differ by, nothing for a product
    // already credited or an item that saves under a tenth.
    const greener = events.filter((e) => e.type === 'choice-made' && e.data.choice === 'greener') as ChoiceMadeEvent[];
    expect(greener.filter((e) => e.data.avoidedKgCO2e > 0).length).toBeGreaterThan(greener.length / 2);
    for (const category of SIM_CATEGORIES) expect(CATEGORY_BY_ID.has(category.id), category.id).toBe(true);
    // The invented ones of the earlier simulator are gone.
    const text = JSON.stringify(events);
    for (const invented of [
      '"apparel"',
      '"audio-video"',
      '"phones"',
      'decline-single-use-extras',
      'consolidated-delivery',
    ]) {
      expect(text).not.toContain(invented);
    }
  });

  it('spreads events over categories and shops of several regions', () => {
    const categories = new Set(events.flatMap((e) => ('product' in e.data ? [e.data.product.category] : [])));
    const hosts = new Set(events.map((e) => e.shopHost));
    const zones = new Set(events.map((e) => e.timeZone));
    expect(categories.size).toBeGreaterThanOrEqual(15);
    expect(hosts.size).toBeGreaterThanOrEqual(12);
    expect(zones.size).toBeGreaterThanOrEqual(4);
  });
});
