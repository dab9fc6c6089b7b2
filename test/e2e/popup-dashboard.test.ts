// The popup and the dashboard in real Chromium, with a ledger seeded through the dashboard's own
// import: live figures, charts, badges, history, an everyday action with a photo, export, and a
// bad import that shows its reason and changes nothing. Chromium only, for now: it uploads files
// and waits for a download with Playwright's API, which the Firefox side of the harness
// (harness/browsers.ts) does not offer yet; that the popup and the dashboard open without an error in Firefox, showing the ledger,
// is checked in both-browsers.test.ts.

import { readFileSync } from 'node:fs';
import { parseResearchExport, researchExport } from '../../shared/export/research.ts';
import { expect, screenshotPath, test } from './harness/fixture.ts';
import { logActionWithPhoto, readLedgerEvents } from './harness/ledger.ts';
import { eventCount, extensionPage, importSeed, seededLedger } from './harness/pages.ts';

test('the dashboard shows a seeded ledger, exports it, and refuses a bad file without changing anything', async ({
  shop,
}) => {
  const page = await extensionPage(shop, 'options.html');
  expect(await eventCount(page)).toBe(0);
  const seeded = await importSeed(page);

  // Live figures and every chart, drawn by Plot as SVG.
  const greener = seeded.filter((e) => e.type === 'choice-made' && e.data.choice === 'greener').length;
  await expect
    .poll(() => page.locator('[data-figures="totals"] [data-figure="greener"]').textContent())
    .toBe(String(greener));
  await expect.poll(() => page.locator('#overview .chart svg').count()).toBeGreaterThanOrEqual(4);
  expect(await page.locator('#overview .chart').first().locator('path').count()).toBeGreaterThan(0);
  expect(await page.locator('[data-badge="first-greener-choice"]').getAttribute('data-earned')).toBe('true');
  expect(await page.locator('[data-badge="categories-10"]').getAttribute('data-earned')).toBe('false');

  // History search: every word must match.
  await page.fill('#history-search', 'kettle amazon');
  const kettles = seeded.filter((e) => 'product' in e.data && e.data.product.title.includes('kettle')).length;
  await expect
    .poll(() => page.locator('[data-history-total]').getAttribute('data-history-total'))
    .toBe(String(kettles));

  // An everyday action with a photo proof that stays on the device.
  await logActionWithPhoto(page);
  await expect.poll(() => eventCount(page)).toBe(seeded.length + 1);
  await expect.poll(() => page.locator('.recent-actions img.proof').count()).toBe(1);
  expect(await page.locator('[data-badge="photo-proof"]').getAttribute('data-earned')).toBe('true');

  // Export downloads a valid research file with every event, and no photo unless asked.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  expect(download.suggestedFilename()).toMatch(/^carbon-ledger-export-\d{4}-\d\d-\d\d\.json$/);
  const exported = parseResearchExport(readFileSync(await download.path(), 'utf8'));
  expect(exported.ok).toBe(true);
  if (exported.ok) {
    expect(exported.value.events).toHaveLength(seeded.length + 1);
    expect(exported.value.photos).toBeUndefined();
  }

  // A file with one broken event: the one-line reason is shown, and the ledger is as it was.
  const before = (await readLedgerEvents(shop.background)).length;
  const broken = researchExport(seededLedger(), { exportedAt: new Date().toISOString() });
  (broken.events[1] as { at: string }).at = 'yesterday';
  await page.setInputFiles('#import-file', {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const alert = page.locator('#data-outcome[role="alert"]');
  await expect
    .poll(() => alert.textContent())
    .toContain('broken.json was not imported, nothing changed: events[1] at:');
  expect(await readLedgerEvents(shop.background)).toHaveLength(before);
  expect(await eventCount(page)).toBe(before);

  // A backup that is not one is refused the same way.
  await page.setInputFiles('#restore-file', {
    name: 'not-a-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"formatName":"something else"}'),
  });
  await expect.poll(() => alert.textContent()).toContain('not-a-backup.json was not imported');
  expect(await readLedgerEvents(shop.background)).toHaveLength(before);

  // So is a backup whose settings would break the extension: every table is checked.
  const hostileBackup = {
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: 'carbon-ledger',
      databaseVersion: 2,
      tables: [],
      data: [
        { tableName: 'events', inbound: true, rows: [] },
        { tableName: 'settings', inbound: true, rows: [{ key: 'disabledShops', value: 5 }] },
      ],
    },
  };
  await page.setInputFiles('#restore-file', {
    name: 'hostile-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(hostileBackup)),
  });
  await expect
    .poll(() => alert.textContent())
    .toContain('hostile-backup.json was not imported, nothing changed: settings.disabledShops: must be a list');
  expect(await readLedgerEvents(shop.background)).toHaveLength(before);

  await page.fill('#history-search', '');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('dashboard.png'), fullPage: false });
  expect(shop.extensionErrors).toEqual([]);
});

test('the popup shows this week, the last choices, and logs a suggested action in one click', async ({ shop }) => {
  const dashboard = await extensionPage(shop, 'options.html');
  await importSeed(dashboard);

  const popup = await shop.context.newPage();
  await popup.setViewportSize({ width: 360, height: 640 });
  await popup.goto(`chrome-extension://${shop.extensionId}/popup.html`);
  await popup.locator('html[data-ready="true"]').waitFor();
  expect(await popup.locator('[data-list="choices"] li').count()).toBe(3);
  const points = async () => Number((await popup.locator('[data-figure="points"]').textContent())?.replace(/\D/g, ''));
  const pointsBefore = await points();
  expect(pointsBefore).toBeGreaterThan(0);
  expect(await popup.locator('[data-figure="viewed-kg"]').textContent()).toMatch(/[1-9].* kg$/);

  const suggestion = popup.locator('[data-list="suggestions"] button').first();
  await suggestion.focus();
  await popup.keyboard.press('Enter');
  await expect.poll(() => popup.locator('[role="status"]').textContent()).toMatch(/^Logged: /);
  await expect.poll(points).toBeGreaterThan(pointsBefore);
  // The dashboard, open in another tab, follows without a reload.
  await expect.poll(() => eventCount(dashboard)).toBe(seededLedger().length + 1);

  await popup.screenshot({ path: screenshotPath('popup.png'), fullPage: true });
  expect(shop.extensionErrors).toEqual([]);
});
