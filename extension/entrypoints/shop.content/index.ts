import '../../overlay/style.css';
import { SHOP_MATCH_PATTERNS } from '../../../shared/sites/hosts.ts';
import { showProductFootprint } from '../../overlay/mount.tsx';

export default defineContentScript({
  matches: [...SHOP_MATCH_PATTERNS],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    const run = () =>
      showProductFootprint(ctx).catch(() => {
        // A page we cannot read gets nothing; the shop page must never break because of us.
      });
    await run();
    ctx.addEventListener(window, 'wxt:locationchange', run);
  },
});
