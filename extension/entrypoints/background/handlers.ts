// The background's answers to each message type. Content scripts run on someone else's page, so
// what they send is validated (shared/messages.ts), products must belong to the sending page's
// site, and anything that earns points (kg avoided) is computed here, never taken from the page.

import { type EventOf, type EventType, newEvent } from '../../../shared/events.ts';
import { lowestMarks } from '../../../shared/footprint/compare.ts';
import { carComparison } from '../../../shared/footprint/comparison.ts';
import { estimateFootprint, type FootprintEstimate } from '../../../shared/footprint/index.ts';
import { parseQuantity } from '../../../shared/footprint/parse.ts';
import { CATEGORY_BY_ID } from '../../../shared/footprint/taxonomy.ts';
import { alternativesIn, estimateIn, type Links } from '../../../shared/i18n/estimate.ts';
import {
  type Message,
  type MessageOf,
  type ProductFootprint,
  type Response,
  validateMessage,
} from '../../../shared/messages.ts';
import type { Product } from '../../../shared/product.ts';
import { type LedgerDb, openLedger, readSettings, writeSettings } from '../../ledger/db.ts';
import { logEvent, oneAtATime } from '../../ledger/record.ts';
import { type CurrentStudy, overlayModeOf, stampOf } from '../../ledger/study.ts';
import { uiLang } from '../../locale.ts';
import { listingTexts, lowestAmongText, lowestMarkText, productTexts } from '../../overlay/listing-texts.ts';
import { countsTexts } from '../../overlay/scope-text.ts';
import { recordAlternativesShown, recordChoice } from './choices.ts';
import { amongKindText } from './kind-text.ts';
import { alternativesShown, creditedAlternatives, productSummary } from './worth.ts';

/** Category groups whose goods are sold by weight or volume, where a title's pack size is what it holds. */
const SOLD_BY_QUANTITY = new Set<string>(['food-drink', 'beauty-health']);

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
  'open-methods',
  'warm-up',
  'alternatives-shown',
  'alternative-opened',
  'choice-made',
  'purchase-marked',
]);

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

/** Links in the overlay: our own methods open the extension's methods page (the dashboard's section). */
const overlayLinks = (): Links => {
  let methods = '/options.html#methods';
  try {
    methods = browser.runtime.getURL('/options.html#methods');
  } catch {
    // A test without an extension runtime keeps the path.
  }
  return { methods };
};

const HIDDEN: ProductFootprint = { estimate: null, alternatives: [], car: null, hidden: true };

/** What the product badge shows: a study arm decides — nothing (log only), no alternatives, or everything. */
function footprintShown(
  product: Product,
  estimate: FootprintEstimate | null,
  enrollment: CurrentStudy | null,
): ProductFootprint {
  const mode = overlayModeOf(enrollment);
  if (mode === 'none') return HIDDEN;
  const lang = uiLang();
  const links = overlayLinks();
  const alternatives = alternativesIn(alternativesShown(product, estimate, mode === 'full', lang), lang, links);
  const car = estimate ? carComparison(estimate.kgCO2e) : null;
  return {
    estimate: estimate && estimateIn(estimate, lang, links),
    alternatives,
    car,
    hidden: false,
    counts: estimate ? { ...countsTexts(estimate), kind: amongKindText(product, estimate, lang) } : null,
    texts: estimate ? productTexts(estimate, car, alternatives) : null,
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
  'listing-viewed': async ({ items, earlier = [] }, shopHost) => {
    const settings = await readSettings(ledger());
    if (switchedOff(settings, shopHost)) return { estimates: [], hidden: true };
    if (overlayModeOf(settings.enrollment ?? null) === 'none') return { estimates: [], hidden: true };
    const estimates = items.map((item) => {
      const estimate = item && estimateFootprint(item);
      if (!estimate) return null;
      const { kgCO2e, low, high, category } = estimate;
      // The pack size its title writes: goods sold by weight or volume whose sizes differ compare
      // per kg (a kettle's "1.7 l" is its capacity, not what it holds: it is not counted).
      const quantity = parseQuantity(item.title);
      const byQuantity = SOLD_BY_QUANTITY.has(CATEGORY_BY_ID.get(category)?.group ?? '');
      const netKg = byQuantity ? (quantity?.kg ?? null) : null;
      const count = quantity?.count ?? 1;
      return { kgCO2e, low, high, category, netKg, count, texts: listingTexts(estimate, !item.price) };
    });
    // The "lowest" marks, among the items badged before and these: what each is marked lowest among,
    // as the shopper reads it (the content script only shows it).
    const compared = [...earlier, ...estimates];
    const present = compared.flatMap((item, i) => (item ? [i] : []));
    const marks = lowestMarks(present.map((i) => compared[i]!));
    const among = compared.map(() => '');
    present.forEach((i, k) => {
      const mark = marks[k];
      if (mark) among[i] = lowestAmongText(mark, compared[i]!.category);
    });
    return { estimates, hidden: false, lowest: { mark: lowestMarkText(), among } };
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
  'open-methods': async () => {
    // Opens only our own page, at most once per click the content script saw (byShopper).
    await browser.tabs.create({ url: overlayLinks().methods });
    return { opened: true };
  },
  'alternatives-shown': ({ product }, shopHost) =>
    oneAtATime(() => recordAlternativesShown(ledger(), product, shopHost)),
  'alternative-opened': async ({ product, alternative }, shopHost) => {
    const estimate = estimateFootprint(product);
    const [credited] = creditedAlternatives(product, estimate, [alternative]);
    const data = { product: productSummary(product, estimate), alternative: credited! };
    return { logged: (await logFromPage('alternative-opened', data, shopHost)).logged };
  },
  // One at a time: a choice replaces the one its product view holds, so two clicks in quick
  // succession must not both find the view empty.
  'choice-made': (message, shopHost) => oneAtATime(() => recordChoice(ledger(), message, shopHost)),
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

/** The products a content-script message is about (alternatives on the page too); each must be on the sender's own site. */
const productsOf = (message: Message): Product[] => {
  const onPage = 'alternative' in message ? message.alternative?.product : null;
  return [
    ...('product' in message ? [message.product] : 'items' in message ? message.items.filter((p) => p !== null) : []),
    ...(onPage ? [onPage] : []),
  ];
};

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
