// The footprint badge shown on a product page: the estimate with its range, and on demand the
// method, steps and sources behind it. Renders text only; nothing from the page becomes HTML.

import { useState } from 'preact/hooks';
import type { FootprintEstimate } from '../../shared/footprint/estimate.ts';
import { formatKg } from './format.ts';

export function ProductBadge({ estimate }: { estimate: FootprintEstimate }) {
  const [open, setOpen] = useState(false);
  const detailsId = 'carbon-ledger-details';
  return (
    <section class="cl-badge" aria-label="Estimated carbon footprint">
      <button
        type="button"
        class="cl-summary"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
      >
        <span class="cl-leaf" aria-hidden="true">
          CO₂e
        </span>
        <span class="cl-kg">≈ {formatKg(estimate.kgCO2e)} kg</span>
        <span class="cl-range">
          ({formatKg(estimate.low)}–{formatKg(estimate.high)} kg)
        </span>
        <span class="cl-more">{open ? 'Hide' : 'Why this number?'}</span>
      </button>
      {open && (
        <div id={detailsId} class="cl-details">
          <p>
            <strong>Estimate, not a measurement.</strong> {estimate.method}; category: {estimate.categoryLabel}{' '}
            (confidence {Math.round(estimate.confidence * 100)} %). Range: {estimate.rangeMeaning}.
          </p>
          <ol>
            {estimate.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <p>Sources:</p>
          <ul>
            {estimate.sources.map((source) => (
              <li key={source.url}>
                <a href={source.url} target="_blank" rel="noopener noreferrer">
                  {source.title}
                </a>{' '}
                — {source.publisher}, {source.year}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
