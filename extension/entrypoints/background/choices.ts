// A choice on a product page, as the ledger keeps it: a product view holds one choice (a later
// click replaces the earlier one), and a greener choice is credited with what the background
// itself says it saves, only for an alternative the shopper can act on from the page, once per
// product, within the caps of shared/ledger/crediting.ts.

import Dexie from 'dexie';
import { type ChoiceMadeEvent, localDay, newEvent, type ProductViewedEvent } from '../../../shared/events.ts';
import { estimateFootprint } from '../../../shared/footprint/index.ts';
import { creditContext, creditedKg } from '../../../shared/ledger/crediting.ts';
import type { MessageOf, Response } from '../../../shared/messages.ts';
import type { Product } from '../../../shared/product.ts';
import { eventsOfType, type LedgerDb, readSettings } from '../../ledger/db.ts';
import { logEvent } from '../../ledger/record.ts';
import { overlayModeOf, stampOf } from '../../ledger/study.ts';
import { choiceTexts } from '../../overlay/listing-texts.ts';
import { alternativeSummary, alternativesShown, ourAlternatives, productSummary } from './worth.ts';

/** The latest recorded view of the product at `url`: the view a choice on its page belongs to. */
async function latestView(db: LedgerDb, url: string): Promise<ProductViewedEvent | undefined> {
  // Newest first: the page the shopper is on was viewed moments ago, so the walk stops early.
  const view = await db.events
    .where('[type+at]')
    .between(['product-viewed', Dexie.minKey], ['product-viewed', Dexie.maxKey])
    .reverse()
    .filter((event) => event.type === 'product-viewed' && event.data.product.url === url)
    .first();
  return view as ProductViewedEvent | undefined;
}

const time = (at: string): number => Date.parse(at);

const refused = { logged: false, avoidedKgCO2e: 0 };

/**
 * Records a choice on a product page. Refused (logged: false) when the product has no recorded
 * view, which is the case whenever logging is off for it. Call through `oneAtATime` (ledger/record.ts).
 */
export async function recordChoice(
  db: LedgerDb,
  { product, choice, alternative }: MessageOf<'choice-made'>,
  shopHost: string | null,
  now = new Date(),
): Promise<Response<'choice-made'>> {
  const settings = await readSettings(db);
  const view = await latestView(db, product.url);
  if (!view) return { ...refused, said: choiceTexts(refused, false, false) };
  const choices = (await eventsOfType(db, 'choice-made').toArray()) as ChoiceMadeEvent[];
  const inThisView = choices.find(
    (earlier) => earlier.data.product.url === product.url && time(earlier.at) >= time(view.at),
  );

  const estimate = estimateFootprint(product);
  const ours = alternative ? ourAlternatives(product, estimate, [alternative])[0] : undefined;
  // Advice the shopper cannot act on from the page is a pledge: recorded, credited nothing.
  const saving = choice === 'greener' && ours?.actionable ? ours.avoidedKgCO2e : 0;
  const event = newEvent(
    'choice-made',
    { product: productSummary(product, estimate), choice, alternative: null, avoidedKgCO2e: 0 },
    { shopHost, study: stampOf(settings.enrollment ?? null), now },
  );
  const avoided = creditedKg(creditContext(choices, product.url, localDay(event.at), saving, inThisView?.id ?? null));
  event.data.avoidedKgCO2e = avoided;
  // Recorded as we offered it (our title), when it is one of ours.
  event.data.alternative = alternative && alternativeSummary(ours ?? alternative, avoided);
  // The same id replaces the view's earlier choice (events are written with put).
  if (inThisView) event.id = inThisView.id;
  const { logged } = await logEvent(db, event, settings);
  const answer = { logged, avoidedKgCO2e: logged ? avoided : 0 };
  return { ...answer, said: choiceTexts(answer, choice === 'greener', !!ours?.actionable) };
}

/**
 * Logs that the shopper saw the product's greener alternatives: the ones the background chose for
 * the badge, once per product view however often the badge is opened. Call through `oneAtATime` (ledger/record.ts).
 */
export async function recordAlternativesShown(
  db: LedgerDb,
  product: Product,
  shopHost: string | null,
): Promise<Response<'alternatives-shown'>> {
  const settings = await readSettings(db);
  const view = await latestView(db, product.url);
  if (!view) return { logged: false };
  const shownBefore = await db.events
    .where('[type+at]')
    .between(['alternatives-shown', Dexie.minKey], ['alternatives-shown', Dexie.maxKey])
    .reverse()
    .filter((e) => e.type === 'alternatives-shown' && e.data.product.url === product.url && time(e.at) >= time(view.at))
    .first();
  if (shownBefore) return { logged: true };
  const estimate = estimateFootprint(product);
  const shown = alternativesShown(product, estimate, overlayModeOf(settings.enrollment ?? null) === 'full');
  if (!shown.length) return { logged: false };
  const event = newEvent(
    'alternatives-shown',
    {
      product: productSummary(product, estimate),
      alternatives: shown.map((alternative) => alternativeSummary(alternative, alternative.avoidedKgCO2e)),
    },
    { shopHost, study: stampOf(settings.enrollment ?? null) },
  );
  return { logged: (await logEvent(db, event, settings)).logged };
}
