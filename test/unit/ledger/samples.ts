// Well-formed ledger events for tests: one of each type, on a fixed clock.

import {
  type EventOf,
  type EventType,
  type LedgerEvent,
  newEvent,
  type ProductSummary,
} from '../../../shared/events.ts';

export const kettle: ProductSummary = {
  title: 'Electric kettle 1.7 l',
  url: 'https://www.amazon.de/dp/B000000001',
  price: { amount: 39.99, currency: 'EUR' },
  brand: 'Example',
  category: 'small-appliances',
  kgCO2e: 12,
  low: 6,
  high: 24,
  method: 'spend-based',
};

const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

export function sampleEvent<T extends EventType>(type: T, day = '2026-11-02', hour = 12): EventOf<T> {
  const options = { shopHost: type === 'action-logged' ? null : 'www.amazon.de', now: at(day, hour) };
  const data = {
    'product-viewed': { product: kettle },
    'purchase-marked': { product: kettle },
    'alternatives-shown': {
      product: kettle,
      alternatives: [{ kind: 'second-hand', title: 'Buy it refurbished', url: null, avoidedKgCO2e: 8 }],
    },
    'alternative-opened': {
      product: kettle,
      alternative: { kind: 'on-page', title: 'Glass kettle', url: 'https://www.amazon.de/dp/B2', avoidedKgCO2e: 2 },
    },
    'choice-made': {
      product: kettle,
      choice: 'greener',
      alternative: { kind: 'second-hand', title: 'Buy it refurbished', url: null, avoidedKgCO2e: 8 },
      avoidedKgCO2e: 8,
    },
    'action-logged': { actionId: 'decline-single-use-extras', avoidedGramsCO2e: 52.7, photoId: null },
  }[type] as EventOf<T>['data'];
  return newEvent(type, data, options);
}

export const ALL_TYPES: EventType[] = [
  'product-viewed',
  'alternatives-shown',
  'alternative-opened',
  'choice-made',
  'action-logged',
  'purchase-marked',
];

export const oneOfEach = (day?: string): LedgerEvent[] => ALL_TYPES.map((type) => sampleEvent(type, day));
