// axe-core in a page under test: WCAG 2.1 A and AA rules, and the violations that matter (serious
// or critical), each as one readable line naming the rule and the elements it found.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe (WCAG 2.1 A/AA) on `page` (within `include`, a CSS selector, when given). Returns its
 * serious and critical violations as lines ("color-contrast (serious) at .muted: Fix ..."), and how
 * many elements inside a shadow root axe checked (their targets are paths through the host): proof
 * that it looked inside our closed root and not only at the host.
 */
export async function audit(page: Page, include?: string): Promise<{ serious: string[]; checkedInShadow: number }> {
  // Evaluated through the DevTools protocol: no script tag, so a page's CSP does not stop it.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const { violations, checkedInShadow } = (await page.evaluate(
    async ([selector]) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
      const result = (await axe.run(selector ? { include: [selector] } : document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations', 'passes'],
      })) as { violations: unknown; passes: { nodes: { target: unknown[] }[] }[] };
      const checkedInShadow = result.passes
        .flatMap((rule) => rule.nodes)
        .filter((node) => node.target.some(Array.isArray)).length;
      return { violations: result.violations, checkedInShadow };
    },
    [include ?? null] as const,
  )) as { violations: AxeViolation[]; checkedInShadow: number };
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${v.id} (${v.impact}) at ${JSON.stringify(node.target)}: ${(node.failureSummary ?? v.help).replace(/\s+/g, ' ').slice(0, 220)}`,
      ),
    );
  return { serious, checkedInShadow };
}
