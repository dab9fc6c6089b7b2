// Puts a chart function's element into the page; redrawn when its data changes.

import { useEffect, useRef } from 'preact/hooks';

export function Chart({ draw, label }: { draw: (document: Document) => Element; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = draw(document);
    // The wrapper is one image with a name; Plot's labels on its inner groups would be ARIA on
    // elements without a role (axe: aria-prohibited-attr), and add nothing inside an image.
    chart.setAttribute('aria-hidden', 'true');
    host.current?.replaceChildren(chart);
    performance.mark('carbon-ledger:chart-drawn');
  }, [draw]);
  return <div class="chart" role="img" aria-label={label} ref={host} />;
}
