// The background's answers to each message type. Content scripts run on someone else's page, so
// what they send is validated (shared/messages.ts), products must belong to the sending page's
// site, and anything that earns points (kg avoided) is computed here, never taken from the page.

import { newEvent, type ProductSummary } from '../../../shared/events.ts';
import { estimateFootprint, type FootprintEstimate } from '../../../shared/footprint/index.ts';
import {
  type Message,
  type MessageOf,
  type OfferedAlternative,
  type Response,
  validateMessage,
} from '../../../shared/messages.ts';
import type { Product } from '../../../shared/product.ts';
import { type LedgerDb, openLedger } from '../../ledger/db.ts';
import { logEvent } from '../../ledger/record.ts';
import { studyStamp } from '../../ledger/study.ts';

let db: LedgerDb | undefined;
export const ledger = (): LedgerDb => {
  db ??= openLedger();
  return db;
};

/** What the background knows about who sent a message (a subset of runtime.MessageSender). */
export interface Sender {
  /** URL of the sending frame or page. */
  url?: string;
  /** Present when the sender is a content script or an extension page open in a tab. */
  tab?: { url?: string };
}

/** Messages a content script (someone else's page) may send; everything else is for our own pages. */
const FROM_PAGES: ReadonlySet<Message['type']> = new Set([
  'product-viewed',
  'alternatives-shown',
  'alternative-opened',
  'choice-made',
  'purchase-marked',
]);

export function productSummary(product: Product, estimate: FootprintEstimate | null): ProductSummary {
  return {
    title: product.title,
    url: product.url,
    price: product.price && { amount: product.price.amount, currency: product.price.currency },
    brand: product.brand,
    category: estimate?.category ?? null,
    kgCO2e: estimate?.kgCO2e ?? null,
    low: estimate?.low ?? null,
    high: estimate?.high ?? null,
    method: estimate?.method ?? null,
  };
}

/** Emissions avoided by taking `alternative` instead of `product`, from our own estimates. */
export function avoidedKgCO2e(product: Product, alternative: OfferedAlternative | null): number {
  if (!alternative?.product) return 0;
  const chosen = estimateFootprint(product);
  const instead = estimateFootprint(alternative.product);
  if (!chosen || !instead) return 0;
  return Math.max(0, Math.round((chosen.kgCO2e - instead.kgCO2e) * 1000) / 1000);
}

const alternativeSummary = (alternative: OfferedAlternative, product: Product) => ({
  kind: alternative.kind,
  title: alternative.title,
  url: alternative.url,
  avoidedKgCO2e: avoidedKgCO2e(product, alternative),
});

/** Options for a new event: its shop and, while the shopper is enrolled, the study stamp. */
const eventOptions = async (shopHost: string | null) => ({ shopHost, study: await studyStamp(ledger()) });

type Handler<T extends Message['type']> = (message: MessageOf<T>, shopHost: string | null) => Promise<Response<T>>;
type Handlers = { [T in Message['type']]: Handler<T> };

const handlers: Handlers = {
  'product-viewed': async ({ product }, shopHost) => {
    const estimate = estimateFootprint(product);
    await logEvent(
      ledger(),
      newEvent('product-viewed', { product: productSummary(product, estimate) }, await eventOptions(shopHost)),
    );
    return { estimate };
  },
  'alternatives-shown': async ({ product, alternatives }, shopHost) => {
    const data = {
      product: productSummary(product, estimateFootprint(product)),
      alternatives: alternatives.map((a) => alternativeSummary(a, product)),
    };
    const result = await logEvent(ledger(), newEvent('alternatives-shown', data, await eventOptions(shopHost)));
    return { logged: result.logged };
  },
  'alternative-opened': async ({ product, alternative }, shopHost) => {
    const data = {
      product: productSummary(product, estimateFootprint(product)),
      alternative: alternativeSummary(alternative, product),
    };
    const result = await logEvent(ledger(), newEvent('alternative-opened', data, await eventOptions(shopHost)));
    return { logged: result.logged };
  },
  'choice-made': async ({ product, choice, alternative }, shopHost) => {
    const avoided = choice === 'greener' ? avoidedKgCO2e(product, alternative) : 0;
    const data = {
      product: productSummary(product, estimateFootprint(product)),
      choice,
      alternative: alternative && { ...alternativeSummary(alternative, product), avoidedKgCO2e: avoided },
      avoidedKgCO2e: avoided,
    };
    const result = await logEvent(ledger(), newEvent('choice-made', data, await eventOptions(shopHost)));
    return { logged: result.logged, avoidedKgCO2e: result.logged ? avoided : 0 };
  },
  'purchase-marked': async ({ product }, shopHost) => {
    const data = { product: productSummary(product, estimateFootprint(product)) };
    const result = await logEvent(ledger(), newEvent('purchase-marked', data, await eventOptions(shopHost)));
    return { logged: result.logged };
  },
  'ledger-count': async () => ({ events: await ledger().events.count() }),
};

// Spelled out because URL.origin is "null" for schemes the URL standard does not know, such as
// chrome-extension: in some runtimes.
const originOf = (url: string): string => {
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}`;
};

/** The product every content-script message is about; each must be on the sender's own site. */
const productOf = (message: Message): Product | null => ('product' in message ? message.product : null);

/**
 * Validates and answers one message. `extensionOrigin` is our own origin
 * (chrome-extension://id): only our pages may send messages beyond what content scripts need.
 */
export async function handleMessage(raw: unknown, sender: Sender, extensionOrigin: string): Promise<unknown> {
  const message = validateMessage(raw);
  if (!message) return undefined;
  const fromOwnPage = sender.url !== undefined && originOf(sender.url) === originOf(extensionOrigin);
  if (!fromOwnPage && !FROM_PAGES.has(message.type)) return undefined;
  let shopHost: string | null = null;
  const product = productOf(message);
  if (product && !fromOwnPage) {
    // A page can only report products on its own site.
    const pageUrl = sender.url ?? sender.tab?.url;
    shopHost = new URL(product.url).host;
    if (!pageUrl || new URL(pageUrl).host !== shopHost) {
      return message.type === 'product-viewed' ? { estimate: null } : undefined;
    }
  }
  const handler = handlers[message.type] as (m: Message, host: string | null) => Promise<unknown>;
  return handler(message, shopHost);
}
