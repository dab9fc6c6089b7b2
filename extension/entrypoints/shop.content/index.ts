import { SHOP_MATCH_PATTERNS } from '../../../shared/sites/hosts.ts';
import { sendMessage } from '../../messaging.ts';
import { startOverlay } from '../../overlay/page.ts';

export default defineContentScript({
  matches: [...SHOP_MATCH_PATTERNS],
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
