import { SHOP_MATCH_PATTERNS } from '../../../shared/sites/hosts.ts';
import { sendMessage } from '../../messaging.ts';
import { startOverlay } from '../../overlay/page.ts';

export default defineContentScript({
  // Read once, when the build writes the manifest. The script's own bundle (where WXT defines
  // import.meta.env.ENTRYPOINT) leaves them out: every adapter's host list would otherwise load on
  // every shop page for nothing.
  matches: import.meta.env.ENTRYPOINT ? [] : [...SHOP_MATCH_PATTERNS],
  // Our styles live in our own shadow roots (extension/overlay/shadow.ts); nothing is injected.
  cssInjectionMode: 'manual',
  // Start as the page starts: wake the background while the page is still loading, then read the
  // product as soon as its part of the page is in, or the moment the document is parsed.
  runAt: 'document_start',
  main(ctx) {
    sendMessage('warm-up', {}).catch(() => {});
    startOverlay(ctx);
  },
});
