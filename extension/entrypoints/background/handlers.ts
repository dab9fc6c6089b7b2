// The background's answers to each message type. Content scripts run on someone else's page, so
// what they send is validated (shared/messages.ts), products must belong to the sending page's
// site, and anything that earns points (kg avoided) is computed here, never taken from the page.

import {
  type AlternativeSummary,
  type EventOf,
  type EventType,
  newEvent,
  type ProductSummary,
} from '../../../shared/events.ts';
import { carComparison } from '../../../shared/footprint/comparison.ts';
import { estimateFootprint, type FootprintEstimate, greenerAlternatives } from '../../../shared/footprint/index.ts';
import {
  type Message,
  type MessageOf,
  type OfferedAlternative,
  type ProductFootprint,
  type Response,
  validateMessage,
} from '../../../shared/messages.ts';
import type { Product } from '../../../shared/product.ts';
import { type LedgerDb, openLedger, readSettings, writeSettings } from '../../ledger/db.ts';
import { logEvent } from '../../ledger/record.ts';
import { type CurrentStudy, overlayModeOf, stampOf } from '../../ledger/study.ts';
import { listingTexts, lowestTexts } from '../../overlay/listing-texts.ts';

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
  'product-estimate',
  'listing-viewed',
  'hide-on-site',
  'warm-up',
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

/**
 * The alternatives a page reports, each credited with what it saves by our own reckoning: our
 * alternatives for the product are worked out once and each named one is looked up, so a page
 * cannot claim more than we would have offered (an unknown alternative saves 0).
 */
export function creditedAlternatives(
  product: Product,
  estimate: FootprintEstimate | null,
  named: readonly OfferedAlternative[],
): AlternativeSummary[] {
  const others = named.flatMap((alternative) => (alternative.product ? [alternative.product] : []));
  const ours = estimate ? greenerAlternatives(product, estimate, others) : [];
  return named.map((alternative) => {
    const match = ours.find(
      (offered) =>
        offered.kind === alternative.kind &&
        (alternative.kind === 'on-page'
          ? offered.url === alternative.product?.url
          : alternative.actionId
            ? offered.actionId === alternative.actionId
            : offered.title === alternative.title),
    );
    return {
      kind: alternative.kind,
      title: alternative.title,
      url: alternative.url,
      avoidedKgCO2e: match ? Math.max(0, Math.round(match.avoidedKgCO2e * 1000) / 1000) : 0,
    };
  });
}

const WARM_UP_PRODUCT: Product = {
  title: 'Stainless steel kettle',
  price: { amount: 30, currency: 'USD' },
  brand: null,
  category: [],
  gtin: null,
  url: 'https://example.com/warm-up',
};

/** Logs an event from a shop page: one settings read serves the study stamp and the privacy checks. */
async function logFromPage<T extends EventType>(type: T, data: EventOf<T>['data'], shopHost: string | null) {
  const settings = await readSettings(ledger());
  const event = newEvent(type, data, { shopHost, study: stampOf(settings.enrollment ?? null) });
  return logEvent(ledger(), event, settings);
}

/** The shopper switched the overlay off on the sending shop. */
const switchedOff = (settings: { disabledShops: string[] }, shopHost: string | null): boolean =>
  !!shopHost && settings.disabledShops.includes(shopHost);

const HIDDEN: ProductFootprint = { estimate: null, alternatives: [], car: null, hidden: true };

/** What the product badge shows: a study arm decides — nothing (log only), no alternatives, or everything. */
function footprintShown(
  product: Product,
  estimate: FootprintEstimate | null,
  enrollment: CurrentStudy | null,
): ProductFootprint {
  const mode = overlayModeOf(enrollment);
  if (mode === 'none') return HIDDEN;
  return {
    estimate,
    alternatives: estimate && mode === 'full' ? greenerAlternatives(product, estimate).slice(0, 5) : [],
    car: estimate ? carComparison(estimate.kgCO2e) : null,
    hidden: false,
  };
}

type Handler<T extends Message['type']> = (message: MessageOf<T>, shopHost: string | null) => Promise<Response<T>>;
type Handlers = { [T in Message['type']]: Handler<T> };

const handlers: Handlers = {
  'product-viewed': async ({ product }, shopHost) => {
    // One read of the settings serves the shop switch, the study stamp and the arm.
    const settings = await readSettings(ledger());
    if (switchedOff(settings, shopHost)) return HIDDEN;
    const estimate = estimateFootprint(product);
    const event = newEvent(
      'product-viewed',
      { product: productSummary(product, estimate) },
      { shopHost, study: stampOf(settings.enrollment ?? null) },
    );
    // The page gets its answer without waiting for the write to be committed (the shopper should
    // not wait on storage, and a full disk must not hide the estimate). The write is queued now,
    // so anything the page sends next is stored after it.
    logEvent(ledger(), event, settings).catch((error: unknown) =>
      console.error('carbon-ledger: could not log the product view', error),
    );
    return footprintShown(product, estimate, settings.enrollment ?? null);
  },
  'product-estimate': async ({ product }, shopHost) => {
    const settings = await readSettings(ledger());
    if (switchedOff(settings, shopHost)) return HIDDEN;
    return footprintShown(product, estimateFootprint(product), settings.enrollment ?? null);
  },
  'listing-viewed': async ({ items }, shopHost) => {
    const settings = await readSettings(ledger());
    if (switchedOff(settings, shopHost)) return { estimates: [], hidden: true };
    if (overlayModeOf(settings.enrollment ?? null) === 'none') return { estimates: [], hidden: true };
    const estimates = items.map((item) => {
      const estimate = estimateFootprint(item);
      if (!estimate) return null;
      const { kgCO2e, low, high, category } = estimate;
      return { kgCO2e, low, high, category, texts: listingTexts(estimate) };
    });
    return { estimates, hidden: false, lowest: lowestTexts() };
  },
  'warm-up': async () => {
    // The first estimate builds the estimator's indexes; doing it while the page is still loading
    // keeps that cost out of the time to the overlay.
    estimateFootprint(WARM_UP_PRODUCT);
    await ledger().open();
    return { ready: true };
  },
  'hide-on-site': async (_message, shopHost) => {
    if (!shopHost) return { hidden: false };
    const { disabledShops } = await readSettings(ledger());
    if (!disabledShops.includes(shopHost))
      await writeSettings(ledger(), { disabledShops: [...disabledShops, shopHost] });
    return { hidden: true };
  },
  'alternatives-shown': async ({ product, alternatives }, shopHost) => {
    const estimate = estimateFootprint(product);
    const data = {
      product: productSummary(product, estimate),
      alternatives: creditedAlternatives(product, estimate, alternatives),
    };
    return { logged: (await logFromPage('alternatives-shown', data, shopHost)).logged };
  },
  'alternative-opened': async ({ product, alternative }, shopHost) => {
    const estimate = estimateFootprint(product);
    const [credited] = creditedAlternatives(product, estimate, [alternative]);
    const data = { product: productSummary(product, estimate), alternative: credited! };
    return { logged: (await logFromPage('alternative-opened', data, shopHost)).logged };
  },
  'choice-made': async ({ product, choice, alternative }, shopHost) => {
    const estimate = estimateFootprint(product);
    const credited = alternative && creditedAlternatives(product, estimate, [alternative])[0]!;
    const avoided = choice === 'greener' && credited ? credited.avoidedKgCO2e : 0;
    const data = {
      product: productSummary(product, estimate),
      choice,
      alternative: credited && { ...credited, avoidedKgCO2e: avoided },
      avoidedKgCO2e: avoided,
    };
    const result = await logFromPage('choice-made', data, shopHost);
    return { logged: result.logged, avoidedKgCO2e: result.logged ? avoided : 0 };
  },
  'purchase-marked': async ({ product }, shopHost) => {
    const data = { product: productSummary(product, estimateFootprint(product)) };
    return { logged: (await logFromPage('purchase-marked', data, shopHost)).logged };
  },
  'ledger-count': async () => ({ events: await ledger().events.count() }),
};

// Spelled out because URL.origin is "null" for schemes the URL standard does not know, such as
// chrome-extension: in some runtimes.
const originOf = (url: string): string => {
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}`;
};

/** The products a content-script message is about; each must be on the sender's own site. */
const productsOf = (message: Message): Product[] =>
  'product' in message ? [message.product] : 'items' in message ? message.items : [];

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
  if (!fromOwnPage) {
    // A page speaks only for its own site: every product it reports must be on it.
    const pageUrl = sender.url ?? sender.tab?.url;
    if (!pageUrl) return undefined;
    shopHost = new URL(pageUrl).host;
    if (productsOf(message).some((p) => new URL(p.url).host !== shopHost)) return undefined;
  }
  const handler = handlers[message.type] as (m: Message, host: string | null) => Promise<unknown>;
  return handler(message, shopHost);
}
