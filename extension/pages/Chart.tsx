// Puts a chart function's element into the page, drawn at the width the page gives it (so its text
// stays readable on a phone instead of being scaled down); redrawn when its data or width changes.

import { useEffect, useRef, useState } from 'preact/hooks';

export function Chart({ draw, label }: { draw: (document: Document, width: number) => Element; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    // Whole tens of pixels: a scrollbar coming and going does not redraw every chart.
    const measure = () => setWidth(Math.floor(element.clientWidth / 10) * 10);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (!width) return;
    const chart = draw(document, width);
    // The wrapper is one image with a name; Plot's labels on its inner groups would be ARIA on
    // elements without a role (axe: aria-prohibited-attr), and add nothing inside an image.
    chart.setAttribute('aria-hidden', 'true');
    host.current?.replaceChildren(chart);
    performance.mark('carbon-ledger:chart-drawn');
  }, [draw, width]);
  return <div class="chart" role="img" aria-label={label} ref={host} />;
}
