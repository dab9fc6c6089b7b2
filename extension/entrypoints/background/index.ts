import { setFallbackCountry } from '../../../shared/footprint/estimate.ts';
import { countryOfLanguages } from '../../../shared/footprint/use-phase.ts';
import { ledgerHousekeeping } from '../../ledger/storage.ts';
import { handleMessage, ledger } from './handlers.ts';
import { type SiteScriptApis, watchSitePermissions } from './site-scripts.ts';

/** Sends an answer as the JSON it turns into (undefined stays undefined: "no answer"). */
const sendJson =
  (sendResponse: (response: unknown) => void) =>
  (response: unknown): void =>
    sendResponse(response === undefined ? undefined : JSON.parse(JSON.stringify(response)));

export default defineBackground(() => {
  const extensionOrigin = browser.runtime.getURL('/');
  // Use-phase electricity runs on the shop's grid; when a page does not say which country the shop
  // is in, the browser's languages ("de-DE") stand in for where the shopper will use the product.
  setFallbackCountry(countryOfLanguages(globalThis.navigator?.languages ?? []));
  // sendResponse + `return true` keeps the channel open for the async answer in every browser.
  // The answer goes as JSON in both: Chromium sends messages as JSON, while in Firefox (ESR 153) an
  // estimate's steps and sources (own getters, see shared/footprint/result.ts) arrived undefined:
  // its messaging clones the answer from privileged code, which sees data properties only (a
  // page's own structuredClone keeps them). Caught by test/e2e/both-browsers.test.ts.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleMessage(message, sender, extensionOrigin).then(sendJson(sendResponse), (error: unknown) => {
      console.error('carbon-ledger: message failed', error);
      sendResponse(undefined);
    });
    return true;
  });
  // The content script on the sites the shopper switched on, kept in step with the permissions.
  watchSitePermissions({
    permissions: browser.permissions,
    scripting: browser.scripting,
    tabs: browser.tabs,
    manifest: browser.runtime.getManifest(),
  } as SiteScriptApis);
  // Each time the worker wakes: automatic deletion as the shopper set it, persistence recorded.
  ledgerHousekeeping(ledger()).catch((error: unknown) => console.error('carbon-ledger: housekeeping failed', error));
});
