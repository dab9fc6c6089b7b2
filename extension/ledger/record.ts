// Writes events to the ledger.

import type { FootprintEstimate } from '../../shared/footprint/estimate.ts';
import type { Product } from '../../shared/product.ts';
import { EVENT_SCHEMA_VERSION, type LedgerDb, type LedgerEvent, localIsoTimestamp } from './db.ts';

export async function recordProductView(
  db: LedgerDb,
  product: Product,
  estimate: FootprintEstimate | null,
): Promise<LedgerEvent> {
  const event: LedgerEvent = {
    id: crypto.randomUUID(),
    type: 'product-viewed',
    at: localIsoTimestamp(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    schemaVersion: EVENT_SCHEMA_VERSION,
    shopHost: new URL(product.url).host,
    data: {
      product,
      estimate: estimate && {
        kgCO2e: estimate.kgCO2e,
        low: estimate.low,
        high: estimate.high,
        category: estimate.category,
        method: estimate.method,
      },
    },
  };
  await db.events.add(event);
  return event;
}
