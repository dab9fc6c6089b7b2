// `npm start`: builds the extension and opens Chromium with it loaded on the bundled demo shop.
// The demo shop is served locally under its own host name, exactly as the end-to-end tests serve
// shop pages, so what you see is what the tests check. Without a display it visits every demo
// page headless, prints the estimates the overlay showed and writes screenshots instead.

import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_SHOP_STYLESHEET, demoShopPages } from '../demo/shop.ts';
import { buildExtension, EXTENSION_DIR as extensionDir } from '../test/e2e/harness/build.ts';
import { CHROMIUM_PATH, launchWithExtension } from '../test/e2e/harness/chromium.ts';
import { ProductOverlay } from '../test/e2e/harness/overlay.ts';
import { startShopServer } from '../test/e2e/harness/shop-server.ts';

const root = resolve(import.meta.dirname, '..');
const screenshotDir = join(root, 'test-results', 'demo');

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm start [-- --headless] [-- --no-build]

Builds the extension, serves the demo shop on https://shop.carbon-ledger.example (locally, with a
certificate made on the spot) and opens Chromium with the extension loaded. Without a display,
or with --headless, it visits every demo page, prints what the overlay showed and saves
screenshots under test-results/demo/.`);
  process.exit(0);
}

if (!existsSync(CHROMIUM_PATH)) {
  console.error(
    `npm start: no Chromium at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(2);
}

if (!values['no-build']) {
  process.stdout.write('Building the extension… ');
  buildExtension();
  console.log(`done (${relative(root, extensionDir)})`);
}

const server = await startShopServer();
const pages = demoShopPages();
for (const page of pages) server.serve(page.url, { file: page.file });
server.serve(DEMO_SHOP_STYLESHEET.url, { file: DEMO_SHOP_STYLESHEET.file, contentType: 'text/css' });

const headless = values.headless || !process.env.DISPLAY;
if (headless && !values.headless) {
  console.log('No display found ($DISPLAY is not set): running headless and writing screenshots instead.');
}

const browser = await launchWithExtension({ extensionDir, shopPort: server.port, headless });
const stop = async () => {
  await browser.close().catch(() => {});
  await server.close();
};

if (!headless) {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(pages[0]!.url);
  console.log(`Chromium is open on the demo shop (${pages[0]!.url}). Close the window to stop.`);
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server.close();
} else {
  mkdirSync(screenshotDir, { recursive: true });
  const page = await browser.context.newPage();
  let badged = 0;
  for (const demo of pages) {
    await page.goto(demo.url);
    const name = new URL(demo.url).pathname.replace(/^\/(p\/)?/, '') || 'index';
    const overlay = page.locator('[data-carbon-ledger]').first();
    const shown = await overlay
      .waitFor({ state: 'attached', timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    let line = `  ${name.padEnd(30)} `;
    if (shown && demo.kind === 'listing') {
      badged++;
      const kgs = await page
        .locator('[data-carbon-ledger="listing-badge"]')
        .evaluateAll((hosts) => hosts.map((host) => Number(host.getAttribute('data-kg-co2e'))));
      line += `${kgs.length} listing badges: ${kgs.map((kg) => `${kg.toFixed(1)} kg`).join(', ')}`;
    } else if (shown) {
      badged++;
      const kg = Number(await overlay.getAttribute('data-kg-co2e'));
      // The product badge's shadow root is closed: its text is read through the DevTools protocol.
      const text = await (await ProductOverlay.of(page)).text('button[aria-expanded]');
      const summary = (text ?? '').replace(/\s+/g, ' ').trim();
      line += `${kg.toFixed(1).padStart(7)} kg CO2e   overlay: "${summary}"`;
    } else {
      line += 'no overlay';
    }
    const file = join(screenshotDir, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(line);
  }
  console.log(
    `\n${badged} of ${pages.length} demo pages showed an estimate. Screenshots: ${relative(root, screenshotDir)}/`,
  );
  await stop();
}
