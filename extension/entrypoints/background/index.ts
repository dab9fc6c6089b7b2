import { ledgerHousekeeping } from '../../ledger/storage.ts';
import { handleMessage, ledger } from './handlers.ts';

export default defineBackground(() => {
  const extensionOrigin = browser.runtime.getURL('/');
  // sendResponse + `return true` keeps the channel open for the async answer in every browser.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleMessage(message, sender, extensionOrigin).then(sendResponse, (error: unknown) => {
      console.error('carbon-ledger: message failed', error);
      sendResponse(undefined);
    });
    return true;
  });
  // Each time the worker wakes: automatic deletion as the shopper set it, persistence recorded.
  ledgerHousekeeping(ledger()).catch((error: unknown) => console.error('carbon-ledger: housekeeping failed', error));
});
