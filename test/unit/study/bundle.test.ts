// The participant bundle carries only this study's events of this participant, of the study's
// event types, from the enrollment period; no full URLs unless the study asks; never photos.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { type EventType, type LedgerEvent, newEvent, type StudyStamp } from '../../../shared/events.ts';
import { parseResearchExport } from '../../../shared/export/research.ts';
import { bundleSummary, participantBundle, productIdFromUrl, reducedProductUrl } from '../../../shared/study/bundle.ts';
import type { Enrollment } from '../../../shared/study/enrollment.ts';
import type { Study } from '../../../shared/study/study.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { ALL_TYPES, sampleEvent } from '../ledger/samples.ts';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'export-format.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

const study: Study = {
  format: 'carbon-ledger-study',
  version: 1,
  id: 'labels-2027',
  title: 'Labels',
  consent: 'I agree.',
  arms: [{ id: 'treatment', probability: 1, overlay: 'full' }],
  start: '2027-01-04',
  end: '2027-01-31',
  exportEventTypes: ['product-viewed', 'alternatives-shown', 'alternative-opened', 'choice-made'],
  includeFullUrls: false,
  showArmToParticipant: false,
};
const enrollment: Enrollment = {
  studyId: 'labels-2027',
  participantId: 'p-0123456789abcdef',
  arm: 'treatment',
  seed: '0123456789abcdef0123456789abcdef',
  method: 'xoshiro128ss-v1',
  enrolledAt: '2027-01-05T09:00:00.000Z',
  consentAcceptedAt: '2027-01-05T08:59:00.000Z',
  consentTextHash: 'sha256:826ff0dab649a97ffdd7779a332accafb35cc161012253a19383db19289d6e02',
  leftAt: '2027-01-20T12:00:00.000Z',
};
const stamp: StudyStamp = { studyId: 'labels-2027', arm: 'treatment', participantId: 'p-0123456789abcdef' };

const stamped = <T extends EventType>(
  type: T,
  day: string,
  hour = 12,
  who: StudyStamp | null = stamp,
): LedgerEvent => ({
  ...sampleEvent(type, day, hour),
  study: who,
});

const log: LedgerEvent[] = [
  ...ALL_TYPES.map((t) => stamped(t, '2027-01-10')), // in: 4 of the 6 types
  stamped('product-viewed', '2027-01-05', 8), // before enrollment (08:00Z < 09:00Z)
  stamped('product-viewed', '2027-01-21'), // after leaving
  stamped('product-viewed', '2027-01-12', 12, null), // not stamped
  stamped('product-viewed', '2027-01-12', 12, { ...stamp, participantId: 'p-other' }), // someone else
  stamped('product-viewed', '2027-01-12', 12, { ...stamp, studyId: 'other-study' }), // another study
];

describe('participantBundle', () => {
  const bundle = participantBundle(log, study, enrollment, { exportedAt: '2027-02-01T00:00:00.000Z' });

  it('keeps only this participant’s events of the study’s types from the enrollment period', () => {
    expect(bundle.events.map((e) => e.type).sort()).toEqual([...study.exportEventTypes].sort());
    expect(bundle.events.every((e) => e.at.startsWith('2027-01-10'))).toBe(true);
  });

  it('has no full URLs and no photos', () => {
    const text = JSON.stringify(bundle);
    expect(text).not.toContain('/dp/');
    expect(bundle).not.toHaveProperty('photos');
    for (const event of bundle.events) {
      if ('product' in event.data) expect(event.data.product.url).toBe('https://www.amazon.de/#product=B000000001');
    }
    const opened = bundle.events.find((e) => e.type === 'alternative-opened');
    // "/dp/B2" is no Amazon product id (ten characters): hashed, not kept.
    expect(opened?.type === 'alternative-opened' && opened.data.alternative.url).toMatch(
      /^https:\/\/www\.amazon\.de\/#product=h[0-9a-f]{16}$/,
    );
  });

  it('carries the study metadata and passes the schema and our import', () => {
    expect(bundle.study).toMatchObject({
      id: 'labels-2027',
      title: 'Labels',
      participantId: 'p-0123456789abcdef',
      arm: 'treatment',
      seed: enrollment.seed,
      consentTextHash: enrollment.consentTextHash,
      exportEventTypes: study.exportEventTypes,
    });
    const json = JSON.parse(JSON.stringify(bundle));
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    expect(parseResearchExport(JSON.stringify(bundle)).ok).toBe(true);
  });

  it('keeps whole URLs when the study asks for them', () => {
    const full = participantBundle(log, { ...study, includeFullUrls: true }, enrollment, { exportedAt: '' });
    const viewed = full.events.find((e) => e.type === 'product-viewed');
    expect(viewed?.type === 'product-viewed' && viewed.data.product.url).toBe('https://www.amazon.de/dp/B000000001');
  });
});

describe('bundleSummary', () => {
  const bundle = participantBundle(log, study, enrollment, { exportedAt: '2027-02-01T00:00:00.000Z' });
  const summary = bundleSummary(bundle, log, study, enrollment, log.length);

  it('counts exactly the events in the file, by kind', () => {
    expect(summary.events).toBe(bundle.events.length);
    expect(summary.byType).toEqual([
      { type: 'product-viewed', count: 1 },
      { type: 'alternatives-shown', count: 1 },
      { type: 'alternative-opened', count: 1 },
      { type: 'choice-made', count: 1 },
    ]);
    expect(summary.byType.reduce((sum, { count }) => sum + count, 0)).toBe(bundle.events.length);
    expect(summary.first).toBe(bundle.events[0]!.at);
    expect(summary.last).toBe(bundle.events.at(-1)!.at);
  });

  it('names the fields kept and what is left out', () => {
    expect(summary.kept).toEqual(['time', 'participant', 'shop', 'product', 'estimate', 'alternatives']);
    expect(summary.reducedUrls).toBe(true);
    // In the period but of types the study does not collect: the action and the purchase.
    expect(summary.otherTypes).toBe(2);
    // Before joining, after leaving, unstamped, someone else's, another study's.
    expect(summary.notForStudy).toBe(5);
    expect(summary.events + summary.otherTypes + summary.notForStudy).toBe(log.length);
  });

  it('says whole links are kept when the study asks for them', () => {
    const full = { ...study, includeFullUrls: true };
    const fullBundle = participantBundle(log, full, enrollment, { exportedAt: '' });
    expect(bundleSummary(fullBundle, log, full, enrollment, log.length).reducedUrls).toBe(false);
  });
});

describe('productIdFromUrl', () => {
  it.each([
    ['https://www.amazon.de/Some-Kettle/dp/B08XYZ1234?ref=abc', 'B08XYZ1234'],
    ['https://www.ebay.com/itm/123456789012?hash=x', '123456789012'],
    ['https://www.etsy.com/listing/1234567/handmade-mug', '1234567'],
    ['https://www.walmart.com/ip/Kettle-1-7L/55555555', '55555555'],
    ['https://www.target.com/p/kettle/-/A-12345678', '12345678'],
    ['https://item.jd.com/100012345678.html', '100012345678'],
    ['https://detail.tmall.com/item.htm?spm=a&id=654321987', '654321987'],
  ])('reads %s as %s', (url, id) => {
    expect(productIdFromUrl(url)).toBe(id);
  });

  it('hashes unknown shops’ paths: stable, and the path is not in it', () => {
    const url = 'https://small-shop.example/collections/jane-doe-wedding/products/mug';
    expect(productIdFromUrl(url)).toBe(productIdFromUrl(url));
    expect(productIdFromUrl(url)).toMatch(/^h[0-9a-f]{16}$/);
    expect(reducedProductUrl(url)).not.toContain('jane');
    expect(reducedProductUrl(url)).toMatch(/^https:\/\/small-shop\.example\/#product=h[0-9a-f]{16}$/);
  });
});

it('newEvent keeps a stamp it is given', () => {
  const event = newEvent('product-viewed', sampleEvent('product-viewed').data, {
    shopHost: 'www.amazon.de',
    study: stamp,
  });
  expect(event.study).toEqual(stamp);
});
