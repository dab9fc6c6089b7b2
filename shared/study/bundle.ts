// The participant bundle: what a participant hands to the researcher. The research export of the
// study's event types from the enrollment period, with study metadata, and nothing identifying:
// product URLs cut to shop host and product id (unless the study asks for them), no photos.

import {
  type AlternativeSummary,
  EVENT_TYPES,
  type EventType,
  type LedgerEvent,
  type ProductSummary,
} from '../events.ts';
import { type ExportStudy, type ResearchExport, researchExport } from '../export/research.ts';
import type { Enrollment } from './enrollment.ts';
import { hash128 } from './random.ts';
import { type Study, withinStudy } from './study.ts';

/** Study metadata in a bundle's `study` field (the export format allows fields beyond id and title). */
export interface BundleStudy extends ExportStudy {
  participantId: string;
  arm: string;
  seed: string;
  method: string;
  enrolledAt: string;
  consentAcceptedAt: string;
  consentTextHash: string;
  leftAt: string | null;
  start: string;
  end: string;
  exportEventTypes: string[];
  includeFullUrls: boolean;
}

// Where shops put the product id in their URLs; the first match wins.
const PRODUCT_ID_PATTERNS: readonly RegExp[] = [
  /\/(?:dp|gp\/product|gp\/aw\/d)\/([A-Z0-9]{10})/i, // Amazon
  /\/itm\/(?:[^/]+\/)?(\d{6,})/, // eBay
  /\/listing\/(\d+)/, // Etsy
  /\/ip\/(?:[^/]+\/)?(\d+)/, // Walmart
  /\/A-(\d+)/, // Target
  /\/(\d{7})\.p\b/, // Best Buy
  /\/item\/(\d+)\.html/, // AliExpress
  /^\/(\d+)\.html/, // JD
  /[?&]id=(\d+)/, // Taobao, Tmall
  /-([0-9s]\d{7,})\/?$/, // IKEA
  /\/p\/[^?#]*?-(S?\d{6,}[A-Z0-9]*)\/?/, // Otto
  /-([A-Z0-9]{9}-[A-Z0-9]{3})\.html/i, // Zalando
];

/**
 * The product id in a shop URL, or, for shops we do not know, a short hash of the path: the same
 * product gets the same id, and the path cannot be read back from it.
 */
export function productIdFromUrl(url: string): string {
  const parsed = new URL(url);
  const pathAndQuery = parsed.pathname + parsed.search;
  for (const pattern of PRODUCT_ID_PATTERNS) {
    const match = pattern.exec(pathAndQuery);
    if (match?.[1]) return match[1];
  }
  const [a, b] = hash128(`${parsed.host}${pathAndQuery}`);
  return `h${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** A product URL reduced to `https://HOST/#product=ID`: which shop and which product, no more. */
export function reducedProductUrl(url: string): string {
  return `https://${new URL(url).host}/#product=${encodeURIComponent(productIdFromUrl(url))}`;
}

const reduceProduct = (p: ProductSummary): ProductSummary => ({ ...p, url: reducedProductUrl(p.url) });
const reduceAlternative = (a: AlternativeSummary): AlternativeSummary => ({
  ...a,
  url: a.url === null ? null : reducedProductUrl(a.url),
});

/** The event with every product and alternative URL reduced. */
export function withoutFullUrls(event: LedgerEvent): LedgerEvent {
  const data = event.data as Record<string, unknown>;
  const next: Record<string, unknown> = { ...data };
  if (data.product) next.product = reduceProduct(data.product as ProductSummary);
  if (data.alternative) next.alternative = reduceAlternative(data.alternative as AlternativeSummary);
  if (Array.isArray(data.alternatives))
    next.alternatives = (data.alternatives as AlternativeSummary[]).map(reduceAlternative);
  return { ...event, data: next } as LedgerEvent;
}

/** Whether an event belongs in the bundle of this enrollment. */
export function belongsToBundle(event: LedgerEvent, study: Study, enrollment: Enrollment): boolean {
  return (
    event.study?.studyId === study.id &&
    event.study.participantId === enrollment.participantId &&
    study.exportEventTypes.includes(event.type) &&
    withinStudy(study, event.at) &&
    Date.parse(event.at) >= Date.parse(enrollment.enrolledAt) &&
    (enrollment.leftAt === null || Date.parse(event.at) <= Date.parse(enrollment.leftAt))
  );
}

export function bundleStudy(study: Study, enrollment: Enrollment): BundleStudy {
  return {
    id: study.id,
    title: study.title,
    participantId: enrollment.participantId,
    arm: enrollment.arm,
    seed: enrollment.seed,
    method: enrollment.method,
    enrolledAt: enrollment.enrolledAt,
    consentAcceptedAt: enrollment.consentAcceptedAt,
    consentTextHash: enrollment.consentTextHash,
    leftAt: enrollment.leftAt,
    start: study.start,
    end: study.end,
    exportEventTypes: [...study.exportEventTypes],
    includeFullUrls: study.includeFullUrls,
  };
}

/** The participant bundle from the whole event log; never has photos. */
export function participantBundle(
  events: readonly LedgerEvent[],
  study: Study,
  enrollment: Enrollment,
  options: { exportedAt: string },
): ResearchExport {
  const kept = events.filter((e) => belongsToBundle(e, study, enrollment));
  return researchExport(study.includeFullUrls ? kept : kept.map(withoutFullUrls), {
    exportedAt: options.exportedAt,
    study: bundleStudy(study, enrollment),
  });
}

/** What a participant sees before saving a bundle: exactly what the file holds, and what it leaves out. */
export interface BundleSummary {
  events: number;
  /** Events in the file by type, in the order of EVENT_TYPES. */
  byType: { type: EventType; count: number }[];
  /** First and last event time in the file (local, with offset), or null when there are none. */
  first: string | null;
  last: string | null;
  /** Kinds of information the file holds for its events. */
  kept: BundleField[];
  /** Product links are cut to shop and product id (the study did not ask for whole links). */
  reducedUrls: boolean;
  /** Left out: events of types the study does not collect, during the enrollment. */
  otherTypes: number;
  /** Left out: every other event in the ledger (before joining, after leaving, outside the dates). */
  notForStudy: number;
}

export type BundleField = 'time' | 'shop' | 'participant' | 'product' | 'estimate' | 'alternatives' | 'actions';

/**
 * The summary of the bundle `participantBundle` makes from the same events. `ledgerEvents` is the
 * number of events in the whole ledger, so the summary can say how many stay behind.
 */
export function bundleSummary(
  bundle: ResearchExport,
  events: readonly LedgerEvent[],
  study: Study,
  enrollment: Enrollment,
  ledgerEvents: number,
): BundleSummary {
  const counts = new Map<EventType, number>();
  for (const event of bundle.events) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
  const has = (...types: EventType[]) => types.some((type) => counts.has(type));
  const kept: BundleField[] = [];
  if (bundle.events.length) kept.push('time', 'participant');
  if (bundle.events.some((e) => e.shopHost !== null)) kept.push('shop');
  // The events that carry a product (its link, title and estimate).
  const hasProducts = has(
    'product-viewed',
    'alternatives-shown',
    'alternative-opened',
    'choice-made',
    'purchase-marked',
  );
  if (hasProducts) kept.push('product', 'estimate');
  if (has('alternatives-shown', 'alternative-opened', 'choice-made')) kept.push('alternatives');
  if (has('action-logged')) kept.push('actions');
  const otherTypes = events.filter(
    (e) =>
      !study.exportEventTypes.includes(e.type) &&
      belongsToBundle(e, { ...study, exportEventTypes: [...EVENT_TYPES] }, enrollment),
  ).length;
  return {
    events: bundle.events.length,
    byType: EVENT_TYPES.flatMap((type) => (counts.has(type) ? [{ type, count: counts.get(type)! }] : [])),
    first: bundle.events[0]?.at ?? null,
    last: bundle.events.at(-1)?.at ?? null,
    kept,
    reducedUrls: !study.includeFullUrls && hasProducts,
    otherTypes,
    notForStudy: Math.max(0, ledgerEvents - bundle.events.length - otherTypes),
  };
}
