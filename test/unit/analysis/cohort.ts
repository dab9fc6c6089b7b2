// A small seeded study cohort for the analysis tests: a few participants in two arms, a few
// weeks, every event type, made with the real event constructor and written as real exports.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../../analysis/transforms/bootstrap.ts';
import { type LedgerEvent, newEvent, type ProductSummary } from '../../../shared/events.ts';
import { researchCsv, researchExport } from '../../../shared/export/research.ts';

const CATEGORIES = ['laptops', 'clothing', 'furniture', 'food'];
const SHOPS = ['www.amazon.de', 'www.ikea.com', 'www.zalando.de'];

/** Deterministic ids, so snapshots do not depend on crypto.randomUUID. */
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export function cohortEvents(options: { participants?: number; weeks?: number; seed?: number } = {}): LedgerEvent[] {
  const { participants = 8, weeks = 6, seed = 7 } = options;
  const random = seededRandom(seed);
  const events: LedgerEvent[] = [];
  const start = Date.UTC(2026, 0, 5, 9); // a Monday
  let n = 0;
  for (let p = 0; p < participants; p++) {
    const arm = p % 2 === 0 ? 'control' : 'overlay';
    const study = { studyId: 'pilot-2026', arm, participantId: `p${String(p).padStart(3, '0')}` };
    const joinedWeek = p % 3;
    const leftWeek = weeks - (p % 4 === 3 ? 2 : 0);
    for (let w = joinedWeek; w < leftWeek; w++) {
      for (let k = 0; k < 4; k++) {
        const now = new Date(start + (w * 7 + Math.floor(random() * 7)) * 86_400_000 + k * 3_600_000);
        const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)]!;
        const product: ProductSummary = {
          title: `Product ${n}`,
          url: `https://${SHOPS[k % SHOPS.length]}/p/${n}`,
          price: { amount: 20 + Math.round(random() * 200), currency: 'EUR' },
          brand: null,
          category: k === 3 ? null : category,
          kgCO2e: Math.round(random() * 400) / 10,
          low: 0,
          high: 100,
          method: 'spend-based',
        };
        const options = { shopHost: SHOPS[k % SHOPS.length]!, study, now };
        const greener = random() < (arm === 'overlay' ? 0.5 : 0.25);
        const stamp = (event: LedgerEvent) => events.push({ ...event, id: uuid(++n), timeZone: 'Europe/Berlin' });
        stamp(newEvent('product-viewed', { product }, options));
        stamp(
          newEvent(
            'choice-made',
            {
              product,
              choice: greener ? 'greener' : random() < 0.5 ? 'kept' : 'dismissed',
              alternative: null,
              avoidedKgCO2e: greener ? Math.round(random() * 100) / 10 : 0,
            },
            options,
          ),
        );
        if (!greener && k % 2 === 0) stamp(newEvent('purchase-marked', { product }, options));
        if (k === 0 && random() < 0.5) {
          stamp(
            newEvent(
              'action-logged',
              { actionId: 'decline-single-use', avoidedGramsCO2e: 52.7, photoId: null },
              { shopHost: null, study, now },
            ),
          );
        }
      }
    }
  }
  return events;
}

/** Writes the cohort as one JSON export per participant into `dir`; returns the paths. */
export function writeCohort(dir: string, events: readonly LedgerEvent[], format: 'json' | 'csv' = 'json'): string[] {
  const byParticipant = new Map<string, LedgerEvent[]>();
  for (const event of events) {
    const id = event.study?.participantId ?? 'anonymous';
    byParticipant.set(id, [...(byParticipant.get(id) ?? []), event]);
  }
  return [...byParticipant].map(([id, list]) => {
    const path = join(dir, `${id}.${format}`);
    writeFileSync(
      path,
      format === 'json'
        ? JSON.stringify(researchExport(list, { exportedAt: '2026-03-01T00:00:00.000Z' }))
        : researchCsv(list),
    );
    return path;
  });
}
