import '../../overlay/style.css';
import { SHOP_MATCH_PATTERNS } from '../../../shared/sites/hosts.ts';
import { startOverlay } from '../../overlay/page.ts';

export default defineContentScript({
  matches: [...SHOP_MATCH_PATTERNS],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main(ctx) {
    startOverlay(ctx);
  },
});
