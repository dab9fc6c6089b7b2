// A study from the participant's side, in Chromium: join in the dashboard with the study text,
// accept the consent, shop under the arm's overlay, export the participant file, leave, join again as the
// same participant, leave.

import { readFileSync } from 'node:fs';
import { expect, test } from './harness/fixture.ts';
import { readLedgerEvents } from './harness/ledger.ts';
import { ProductOverlay } from './harness/overlay.ts';

const study = {
  format: 'carbon-ledger-study',
  version: 1,
  id: 'labels-only-test',
  title: 'Labels without alternatives',
  consent: 'Carbon Ledger records the products you view on shop pages for this test study.',
  arms: [{ id: 'labels', probability: 1, overlay: 'no-alternatives' }],
  start: '2020-01-01',
  end: '2099-12-31',
  exportEventTypes: ['product-viewed', 'choice-made'],
  showArmToParticipant: true,
};

const shirtPage = `<!doctype html><html lang="en"><head><title>Linen shirt</title>
<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'Product',
  name: 'Linen shirt, relaxed fit',
  category: 'Clothing > Shirts',
  offers: { '@type': 'Offer', price: '49.99', priceCurrency: 'EUR' },
})}</script></head><body><h1>Linen shirt, relaxed fit</h1><p>49,99 €</p></body></html>`;

test('a participant joins a study, shops under its arm, exports the file and leaves', async ({ shop }) => {
  const dashboard = await shop.context.newPage();
  await dashboard.goto(`chrome-extension://${shop.extensionId}/options.html#study`);
  await dashboard.locator('#study textarea').fill(JSON.stringify(study));
  await dashboard.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => dashboard.locator('#study').textContent()).toContain(study.consent);
  const join = dashboard.getByRole('button', { name: 'Join the study' });
  expect(await join.isDisabled()).toBe(true);
  await dashboard.getByLabel('I have read this and agree to take part.').check();
  await join.click();
  await expect.poll(() => dashboard.locator('#study code').textContent()).toMatch(/^p-[0-9a-f]{16}$/);
  const participantId = await dashboard.locator('#study code').textContent();

  // The arm shows the footprint but no alternatives.
  const page = await shop.open('https://www.zalando.de/linen-shirt.html', { html: shirtPage });
  const badge = page.locator('[data-carbon-ledger]');
  await expect.poll(() => badge.count(), { timeout: 10_000 }).toBe(1);
  const overlay = await ProductOverlay.of(page);
  await overlay.click('button[aria-expanded]');
  await expect.poll(() => overlay.count('button[data-choice="kept"]')).toBe(1);
  expect(await overlay.count('.cl-alternatives button[data-choice]')).toBe(0);
  const [view] = (await readLedgerEvents(shop.background)).filter((e) => e.type === 'product-viewed');
  expect((view as { study?: unknown }).study).toEqual({
    studyId: study.id,
    arm: 'labels',
    participantId,
  });

  // The participant file: first a summary of exactly what it holds, then saved on confirmation.
  await dashboard.getByRole('button', { name: 'Export for the researcher' }).click();
  const summary = dashboard.locator('#study-export-summary');
  await expect.poll(() => summary.count()).toBe(1);
  const counted = await summary
    .locator('tr[data-type]')
    .evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('data-type'), Number(row.querySelector('td')?.textContent)] as const),
    );
  expect(await summary.textContent()).toContain('It leaves out: every photo, the rest of each product link');
  const download = dashboard.waitForEvent('download');
  await dashboard.getByRole('button', { name: 'Save this file' }).click();
  const bundle = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
  const inFile = new Map<string, number>();
  for (const event of bundle.events) inFile.set(event.type, (inFile.get(event.type) ?? 0) + 1);
  expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(inFile));
  expect(await dashboard.locator('#study-export-summary').count()).toBe(0);
  expect(bundle.format).toBe('carbon-ledger-research-export');
  expect(bundle.study.id).toBe(study.id);
  expect(bundle.events.length).toBeGreaterThan(0);
  for (const event of bundle.events) {
    expect(study.exportEventTypes).toContain(event.type);
    expect(event.data.product.url).not.toContain('/linen-shirt.html');
  }

  dashboard.on('dialog', (dialog) => dialog.accept());
  await dashboard.getByRole('button', { name: 'Leave the study' }).click();
  await expect.poll(() => dashboard.locator('#study').textContent()).toContain('You left this study');

  // Joining the same study again gives the same participant code and group: nothing is re-rolled.
  await dashboard.getByRole('button', { name: 'Join another study' }).click();
  await dashboard.locator('#study textarea').fill(JSON.stringify(study));
  await dashboard.getByRole('button', { name: 'Continue' }).click();
  await dashboard.getByLabel('I have read this and agree to take part.').check();
  await dashboard.getByRole('button', { name: 'Join the study' }).click();
  await expect.poll(() => dashboard.locator('#study code').textContent()).toBe(participantId);
  expect(await dashboard.locator('#study').textContent()).toContain('labels');
  await dashboard.getByRole('button', { name: 'Leave the study' }).click();
  await expect.poll(() => dashboard.locator('#study').textContent()).toContain('You left this study');

  // "Delete everything", after a confirmation that says the study ends, leaves an empty ledger
  // and no study.
  await dashboard.locator('#delete-everything').click();
  expect(await dashboard.locator('#data').textContent()).toContain('If you take part in a study, your part ends');
  await dashboard.locator('#delete-confirm').click();
  await expect.poll(() => dashboard.locator('#study').textContent()).toContain('Take part in a study');
  expect(await readLedgerEvents(shop.background)).toEqual([]);
  expect(shop.extensionErrors).toEqual([]);
});
