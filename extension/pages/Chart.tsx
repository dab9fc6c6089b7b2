// Puts a chart function's element into the page; redrawn when its data changes.

import { useEffect, useRef } from 'preact/hooks';

export function Chart({ draw, label }: { draw: (document: Document) => Element; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    host.current?.replaceChildren(draw(document));
    performance.mark('carbon-ledger:chart-drawn');
  }, [draw]);
  return <div class="chart" role="img" aria-label={label} ref={host} />;
}
