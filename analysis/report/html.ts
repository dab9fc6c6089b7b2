// The self-contained HTML report: summary tables, the charts as inline SVG (rendered by Plot into
// a jsdom document), a note on what the numbers mean, and the inputs. No scripts, no network.

import { basename } from 'node:path';
import { from } from 'arquero';
import { JSDOM } from 'jsdom';
import {
  armComparisonPlot,
  cumulativeAvoidedPlot,
  greenerRateByCategoryPlot,
  participationPlot,
  retentionPlot,
  weeklyFootprintPlot,
} from '../charts/index.ts';
import type { EngineResult } from '../engines/summary.ts';
import { ARM_METRICS, type ArmDifference, type ArmMetric, armDifferences } from '../transforms/bootstrap.ts';

export interface ReportOptions {
  title?: string;
  engine: string;
  generatedAt: Date;
  /** Seed of the bootstrap resampling. */
  seed?: number;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const number = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const count = (value: number): string => value.toLocaleString('en');
const percent = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : `${(value * 100).toFixed(1)} %`;

function table(head: string[], body: string[][], numeric: boolean[] = []): string {
  const cell = (tag: string, text: string, i: number) => `<${tag}${numeric[i] ? ' class="n"' : ''}>${text}</${tag}>`;
  return `<table><thead><tr>${head.map((h, i) => cell('th', escapeHtml(h), i)).join('')}</tr></thead><tbody>${body
    .map((row) => `<tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Every arm difference the report shows, with its bootstrap interval. */
export function reportDifferences(result: EngineResult, seed = 1): ArmDifference[] {
  const metrics: ArmMetric[] = ['avoidedKgPerParticipant', 'greenerRate', 'footprintKgPerParticipant'];
  return metrics.flatMap((metric) => armDifferences(result.summary.participantRows, { metric, seed }));
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#1b1e23}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.8em 0;font-size:14px}th,td{padding:.25em .7em;border-bottom:1px solid #e5e5e5;text-align:left}
th{background:#f5f6f7}.n{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1em 0}.note{background:#f6f8f3;border-left:4px solid #5a8a3a;padding:.6em 1em}
.meta{color:#555;font-size:13px}code{font-size:13px}`;

/** The report as one HTML string. */
export function renderReport(result: EngineResult, options: ReportOptions): string {
  const { summary, inputs } = result;
  const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
  const title = options.title ?? 'Carbon Ledger report';
  const differences = reportDifferences(result, options.seed);
  const chart = (heading: string, element: Element, caption: string) =>
    `<h3>${escapeHtml(heading)}</h3><figure>${element.outerHTML}<figcaption class="meta">${escapeHtml(caption)}</figcaption></figure>`;
  const weekly = from(summary.weekly);
  const sections: string[] = [];

  sections.push(
    '<h2>Summary</h2>',
    table(
      ['', ''],
      [
        ['Events', count(summary.events)],
        ['Participants', count(summary.participants)],
        ['Studies', escapeHtml(summary.studies.join(', ') || 'none (personal ledgers)')],
        ['Arms', escapeHtml(summary.arms.join(', '))],
        ['Weeks', summary.firstWeek ? `${summary.firstWeek} to ${summary.lastWeek} (weeks starting Monday)` : '–'],
        ['kg CO2e of products marked as bought', number(summary.totals.footprintKg)],
        ['kg CO2e avoided (greener choices and everyday actions)', number(summary.totals.avoidedKg)],
        ['Choices next to a greener alternative', count(summary.totals.choices)],
        ['Greener-choice rate', percent(summary.totals.greenerRate)],
      ],
      [false, true],
    ),
    '<h3>By arm</h3>',
    table(
      ['Arm', 'Participants', 'kg bought / participant', 'kg avoided / participant', 'Choices', 'Greener', 'Rate'],
      summary.byArm.map((row) => [
        escapeHtml(row.arm),
        count(row.participants),
        number(row.footprintKgPerParticipant),
        number(row.avoidedKgPerParticipant),
        count(row.choices),
        count(row.greener),
        percent(row.rate),
      ]),
      [false, true, true, true, true, true, true],
    ),
  );
  if (differences.length) {
    sections.push(
      '<h3>Differences between arms (95 % bootstrap intervals)</h3>',
      table(
        ['Measure', 'Arm − reference', 'Difference', '95 % interval'],
        differences.map((d) => {
          const fmt =
            d.metric === 'greenerRate' ? (v: number) => `${(v * 100).toFixed(1)} pt` : (v: number) => number(v, 2);
          return [
            escapeHtml(ARM_METRICS[d.metric]),
            escapeHtml(`${d.arm} − ${d.reference}`),
            fmt(d.difference),
            `${fmt(d.low)} to ${fmt(d.high)}`,
          ];
        }),
        [false, false, true, true],
      ),
    );
  }

  sections.push(
    '<h2>Charts</h2>',
    chart(
      'Footprint per week',
      weeklyFootprintPlot(weekly, { document }),
      'Mean kg CO2e of the products an active participant marked as bought each week (thin), and its 4-week rolling mean (thick).',
    ),
    chart(
      'Emissions avoided, cumulative',
      cumulativeAvoidedPlot(weekly, { document }),
      'kg CO2e avoided by greener choices and everyday actions, summed over the weeks, per arm.',
    ),
    chart(
      'Greener-choice rate by category',
      greenerRateByCategoryPlot(from(summary.byCategory.map((r) => ({ ...r, category: r.key }))), { document }),
      'Share of choices next to a greener alternative where the shopper took it, with the number of choices.',
    ),
    chart(
      'Greener-choice rate by shop',
      greenerRateByCategoryPlot(
        from(
          [...summary.byShop]
            .sort((a, b) => b.choices - a.choices)
            .slice(0, 15)
            .map((r) => ({ ...r, shop: r.key })),
        ),
        { document, by: 'shop', label: 'Shop' },
      ),
      'The 15 shops with the most choices.',
    ),
  );
  for (const metric of ['greenerRate', 'avoidedKgPerParticipant'] as const) {
    const rows = differences.filter((d) => d.metric === metric);
    if (rows.length) {
      sections.push(
        chart(
          `Arm comparison: ${ARM_METRICS[metric]}`,
          armComparisonPlot(from(rows), { document, label: `Difference in ${ARM_METRICS[metric]}` }),
          'Dot: observed difference from the reference arm; bar: 95 % percentile bootstrap interval, resampling participants within each arm (2,000 resamples).',
        ),
      );
    }
  }
  sections.push(
    chart(
      'Participation',
      participationPlot(weekly, { document }),
      'Participants with at least one event in each week.',
    ),
    chart(
      'Retention',
      retentionPlot(from(summary.retention), { document }),
      "Share of each arm's participants active n weeks after their first active week.",
    ),
    '<h2>What the numbers mean</h2>',
    `<div class="note"><p><strong>Every kg CO2e here is an estimate, not a measurement.</strong> The extension estimates a
product's footprint from its price and category (spend-based emission factors) with a wide range; this report uses the
central estimates. "Bought" is what shoppers marked as purchased; "avoided" is the difference the extension credited when
a shopper took a greener alternative, plus the catalogue value of everyday actions they logged.</p>
<p>Weeks are the shopper's local weeks (Monday to Sunday, read from each event's local time). Participants are identified by
their study participant id; a file without study stamps counts as one participant named after the file. Events outside a
study are in the arm "none". Arm differences compare each arm with the reference arm ("control" when present), resampling
participants, the unit that was randomised; an interval that contains 0 means the data do not show a difference.</p></div>`,
    '<h2>Inputs</h2>',
    table(
      ['File', 'Format', 'Events'],
      inputs.map((input) => [`<code>${escapeHtml(basename(input.path))}</code>`, input.format, count(input.events)]),
      [false, false, true],
    ),
    result.duplicates
      ? `<p class="meta">${count(result.duplicates)} events appeared in more than one input and were counted once.</p>`
      : '',
    `<p class="meta">Generated ${escapeHtml(options.generatedAt.toISOString())} by <code>carbon-ledger report</code> (engine: ${escapeHtml(options.engine)}).</p>`,
  );

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="carbon-ledger report">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${count(summary.events)} events from ${count(summary.participants)} participants in ${count(inputs.length)} file${inputs.length === 1 ? '' : 's'}.</p>
${sections.join('\n')}
</body>
</html>
`;
}
