// The self-contained HTML report: summary tables, the charts as inline SVG (rendered by Plot into
// a jsdom document), a note on what the numbers mean and how they were computed, and the inputs.
// No scripts, no network. A figure the data cannot support is said to be so, in words.

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
import { PARTIAL_NOTE } from '../charts/options.ts';
import type { EngineResult } from '../engines/summary.ts';
import { ARM_METRICS } from '../transforms/bootstrap.ts';
import { count, figure, NOT_ENOUGH_DATA, percentFigure } from './format.ts';
import { ARM_DIFFERENCE_RESAMPLES, type ReportData, reportData } from './tables.ts';

export { reportDifferences } from './tables.ts';

export interface ReportOptions {
  title?: string;
  engine: string;
  generatedAt: Date;
  /** Seed of the bootstrap resampling. */
  seed?: number;
  /** Already computed figures (the CLI computes them once for the HTML and the tables). */
  data?: ReportData;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function table(head: string[], body: string[][], numeric: boolean[] = []): string {
  const cell = (tag: string, text: string, i: number) => `<${tag}${numeric[i] ? ' class="n"' : ''}>${text}</${tag}>`;
  return `<table><thead><tr>${head.map((h, i) => cell('th', escapeHtml(h), i)).join('')}</tr></thead><tbody>${body
    .map((row) => `<tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#1b1e23}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.8em 0;font-size:14px}th,td{padding:.25em .7em;border-bottom:1px solid #e5e5e5;text-align:left}
th{background:#f5f6f7}.n{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1em 0}.note{background:#f6f8f3;border-left:4px solid #5a8a3a;padding:.6em 1em}
.missing{color:#555;font-style:italic}
.meta{color:#555;font-size:13px}code{font-size:13px}`;

const notEnough = (why: string) => `<p class="missing">${NOT_ENOUGH_DATA}: ${escapeHtml(why)}</p>`;

/** The report as one HTML string. */
export function renderReport(result: EngineResult, options: ReportOptions): string {
  const { summary, inputs } = result;
  const seed = options.seed ?? 1;
  const data = options.data ?? reportData(result, seed);
  const { intervals, differences } = data;
  const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
  const title = options.title ?? 'Carbon Ledger report';
  const chart = (heading: string, element: Element | string, caption: string) =>
    typeof element === 'string'
      ? `<h3>${escapeHtml(heading)}</h3>${notEnough(element)}`
      : `<h3>${escapeHtml(heading)}</h3><figure>${element.outerHTML}<figcaption class="meta">${escapeHtml(caption)}</figcaption></figure>`;
  const weeks = new Set(summary.weekly.map((w) => w.week)).size;
  const partialWeeks = [...new Set(summary.weekly.filter((w) => w.partial).map((w) => w.week))].sort();
  const weekly = from(data.weekly);
  const sections: string[] = [];

  const participantsText =
    summary.participantsWithoutEvents > 0
      ? `${count(summary.participants)} (${count(summary.participantsWithoutEvents)} enrolled without any event)`
      : count(summary.participants);
  sections.push(
    '<h2>Summary</h2>',
    table(
      ['', ''],
      [
        ['Events', count(summary.events)],
        ['Participants', participantsText],
        ['Studies', escapeHtml(summary.studies.join(', ') || 'none (personal ledgers)')],
        ['Arms', escapeHtml(summary.arms.join(', '))],
        ['Days observed', summary.firstDay ? `${summary.firstDay} to ${summary.lastDay}` : NOT_ENOUGH_DATA],
        [
          'Weeks',
          summary.firstWeek
            ? `${summary.firstWeek} to ${summary.lastWeek} (weeks starting Monday${partialWeeks.length ? `; observed in part: ${partialWeeks.join(', ')}` : ''})`
            : NOT_ENOUGH_DATA,
        ],
        [
          'kg CO2e of products marked as bought (95 % interval)',
          figure(summary.totals.footprintKg, intervals.totals.footprintKg),
        ],
        [
          'kg CO2e avoided, greener choices and everyday actions (95 % interval)',
          figure(summary.totals.avoidedKg, intervals.totals.avoidedKg),
        ],
        ['Choices next to a greener alternative', count(summary.totals.choices)],
        [
          'Greener-choice rate (95 % interval)',
          summary.totals.choices
            ? percentFigure(summary.totals.greenerRate, intervals.totals.greenerRate)
            : `${NOT_ENOUGH_DATA} (no choices)`,
        ],
      ],
      [false, true],
    ),
    '<h3>By arm (95 % intervals)</h3>',
    table(
      ['Arm', 'Participants', 'kg bought / participant', 'kg avoided / participant', 'Choices', 'Greener', 'Rate'],
      summary.byArm.map((row) => {
        const arm = intervals.byArm.get(row.arm);
        return [
          escapeHtml(row.arm),
          count(row.participants),
          figure(row.footprintKgPerParticipant, arm?.footprintKg),
          figure(row.avoidedKgPerParticipant, arm?.avoidedKg),
          count(row.choices),
          count(row.greener),
          row.choices ? percentFigure(row.rate, arm?.rate) : `${NOT_ENOUGH_DATA} (no choices)`,
        ];
      }),
      [false, true, true, true, true, true, true],
    ),
    '<h3>Differences between arms (95 % bootstrap intervals)</h3>',
  );
  if (summary.arms.length < 2) {
    sections.push(
      notEnough(`one arm only (${summary.arms.join(', ') || 'none'}): there is nothing to compare it with`),
    );
  } else {
    sections.push(
      table(
        ['Measure', 'Arm − reference', 'Difference (95 % interval)'],
        differences.map((d) => {
          const points = d.metric === 'greenerRate';
          const scale = points ? 100 : 1;
          const interval = d.low !== null && d.high !== null ? { low: d.low * scale, high: d.high * scale } : null;
          const text =
            d.difference === null
              ? `${NOT_ENOUGH_DATA} (${points ? 'an arm has no choices' : 'an arm has no participants'})`
              : `${figure(d.difference * scale, interval, { unit: points ? ' pt' : ' kg' })}${interval ? '' : ` (interval: ${NOT_ENOUGH_DATA}, fewer than 2 participants with data in an arm)`}`;
          return [escapeHtml(ARM_METRICS[d.metric]), escapeHtml(`${d.arm} − ${d.reference}`), text];
        }),
        [false, false, true],
      ),
    );
  }

  const fewWeeks =
    weeks < 2 ? `the data cover ${weeks === 1 ? 'one week' : 'no week'}; a weekly series needs two` : null;
  const rateRows = (rows: typeof summary.byCategory, by: 'category' | 'shop') =>
    rows.map((row) => {
      const interval = (by === 'category' ? intervals.byCategory : intervals.byShop).get(row.key);
      return { ...row, [by]: row.key, low: interval?.low ?? null, high: interval?.high ?? null };
    });
  const topShops = [...summary.byShop].sort((a, b) => b.choices - a.choices || (a.key < b.key ? -1 : 1)).slice(0, 15);
  sections.push(
    '<h2>Charts</h2>',
    chart(
      'Footprint per week',
      fewWeeks ?? weeklyFootprintPlot(weekly, { document }),
      `Mean kg CO2e of the products an active participant marked as bought each week (thin, with its 95 % bootstrap interval as a band where at least two participants were active), and its 4-week rolling mean over full weeks (thick). ${PARTIAL_NOTE}`,
    ),
    chart(
      'Emissions avoided, cumulative',
      fewWeeks ?? cumulativeAvoidedPlot(weekly, { document }),
      `kg CO2e avoided by greener choices and everyday actions, summed over the weeks, per arm. ${PARTIAL_NOTE}`,
    ),
    chart(
      'Greener-choice rate by category',
      summary.byCategory.length
        ? greenerRateByCategoryPlot(from(rateRows(summary.byCategory, 'category')), { document })
        : 'no choice next to a greener alternative was recorded',
      'Share of choices next to a greener alternative where the shopper took it, with its 95 % bootstrap interval (where at least two participants made such a choice) and the number of choices.',
    ),
    summary.byCategory.length ? rateTable(summary.byCategory, intervals.byCategory, 'Category') : '',
    chart(
      'Greener-choice rate by shop',
      topShops.length
        ? greenerRateByCategoryPlot(from(rateRows(topShops, 'shop')), { document, by: 'shop', label: 'Shop' })
        : 'no choice next to a greener alternative was recorded',
      'The 15 shops with the most choices, with 95 % bootstrap intervals.',
    ),
    topShops.length ? rateTable(topShops, intervals.byShop, 'Shop') : '',
  );
  for (const metric of ['greenerRate', 'avoidedKgPerParticipant'] as const) {
    const rows = differences.filter((d) => d.metric === metric && d.difference !== null);
    const withIntervals = rows.filter((d) => d.low !== null && d.high !== null);
    sections.push(
      chart(
        `Arm comparison: ${ARM_METRICS[metric]}`,
        summary.arms.length < 2
          ? 'one arm only: there is nothing to compare it with'
          : withIntervals.length
            ? armComparisonPlot(from(rows), { document, label: `Difference in ${ARM_METRICS[metric]}` })
            : rows.length
              ? 'no interval: fewer than 2 participants with data in an arm'
              : 'an arm has no data for this measure',
        `Dot: observed difference from the reference arm; bar: 95 % percentile bootstrap interval, resampling participants within each arm (${count(ARM_DIFFERENCE_RESAMPLES)} resamples, seed ${seed}).`,
      ),
    );
  }
  const retentionWeeks = new Set(summary.retention.map((r) => r.weekSinceStart)).size;
  sections.push(
    chart(
      'Participation',
      fewWeeks ?? participationPlot(weekly, { document }),
      `Participants with at least one event in each week. ${PARTIAL_NOTE}`,
    ),
    chart(
      'Retention',
      retentionWeeks >= 2
        ? retentionPlot(from(summary.retention), { document })
        : retentionWeeks === 1
          ? 'only the first week after enrolment was observed in full'
          : 'no participant was observed for a full week',
      "Share of each arm's participants active in their n-th week after enrolment, among the participants the study could still observe for that whole week: someone who joined late is not counted as gone after the study ended for them.",
    ),
    summary.retention.length
      ? table(
          ['Arm', 'Week since start', 'Observed for the whole week', 'Active', 'Share'],
          summary.retention.map((r) => [
            escapeHtml(r.arm),
            count(r.weekSinceStart),
            count(r.observed),
            count(r.participants),
            percentFigure(r.share),
          ]),
          [false, true, true, true, true],
        )
      : '',
    '<h2>What the numbers mean</h2>',
    `<div class="note"><p><strong>Every kg CO2e here is an estimate, not a measurement.</strong> The extension estimates a
product's footprint from its price and category (spend-based emission factors) with a wide range; this report uses the
central estimates. "Bought" is what shoppers marked as purchased; "avoided" is the difference the extension credited when
a shopper took a greener alternative, plus the catalogue value of everyday actions they logged.</p>
<p>Weeks are the shopper's local weeks (Monday to Sunday, read from each event's local time). Participants are identified by
their study participant id; a file without study stamps counts as one participant named after the file. Events outside a
study are in the arm "none". Every participant an export lists as enrolled is counted, with or without events (a
participant without events counts as 0 kg bought and avoided, and has no choices).</p>
<p><strong>Retention</strong> is computed among the participants still observable: a participant's week n is their days
7n to 7n+6 after enrolment (or after their first event, when the export does not say when they enrolled), and it counts only
when the whole week lies before the end of their observation (the study's end or the export; the last day of the data when
no export says). A participant who joined late is thus left out of the later weeks rather than counted as gone; one who
left the study, or stopped recording, is counted as gone.</p>
<p><strong>Partial weeks.</strong> ${partialWeeks.length ? `The weeks ${escapeHtml(partialWeeks.join(', '))} were observed on fewer than seven days` : 'Every week shown was observed in full'}; charts draw such weeks as hollow dots on dashed lines and leave them out of rolling means.</p>
<p><strong>Intervals.</strong> All intervals are 95 % percentile bootstrap intervals resampling participants (the unit that
was randomised and whose choices go together) with replacement within each arm, with a seeded generator (seed ${seed}, set
with <code>--seed</code>), so the report is repeatable. Arm differences use ${count(ARM_DIFFERENCE_RESAMPLES)} resamples and
compare each arm with the reference arm ("control" when present); an interval that contains 0 means the data do not show a
difference. Totals, means and rates per arm, greener-choice rates by category and shop and the weekly footprint use
${count(intervals.resamples)} resamples, every figure recomputed from the same draws. A figure gets no interval when fewer than
two participants contribute to it, when more than 5 % of the resamples hold no data for it, or when
every resample gives the same value (a rate of 0 % or 100 %, where the percentile bootstrap cannot
give one).</p>
<p><strong>Rounding.</strong> A figure with an interval keeps two significant figures of the interval's half-width, and no
figure keeps more than three significant figures: the estimates behind every kg are uncertain by tens of per cent.</p></div>`,
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

function rateTable(
  rows: readonly { key: string; choices: number; greener: number; rate: number }[],
  intervals: ReadonlyMap<string, { low: number; high: number } | null>,
  label: string,
): string {
  return table(
    [label, 'Choices', 'Greener', 'Rate (95 % interval)'],
    rows.map((row) => [
      escapeHtml(row.key),
      count(row.choices),
      count(row.greener),
      percentFigure(row.rate, intervals.get(row.key)),
    ]),
    [false, true, true, true],
  );
}
