import { handleMessage } from './handlers.ts';

export default defineBackground(() => {
  // sendResponse + `return true` keeps the channel open for the async answer in every browser.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleMessage(message, sender).then(sendResponse, (error: unknown) => {
      console.error('carbon-ledger: message failed', error);
      sendResponse(undefined);
    });
    return true;
  });
});
