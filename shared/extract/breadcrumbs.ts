// Reads a breadcrumb trail out of the element that holds it: links become steps with their
// address, loose text between them (often the current page) becomes a step without one, and
// separators ("›", ">", "»") and labels ("You are here:") are dropped. Drop-down menus nested
// in a step are not steps.

import { absoluteUrl } from './dom.ts';

export interface Crumb {
  name: string | null;
  url?: string;
}

const SEPARATORS = /^[\s>›»‹«/|\\→←⇒·•:\-–—]+$/;
const EDGE_SEPARATORS = /^[\s>›»/|\\→·•\-–—]+|[\s>›»/|\\→·•\-–—]+$/g;
const SKIPPED = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG|SELECT|OPTION|BUTTON)$/i;

const tidy = (text: string): string => text.replace(/\s+/g, ' ').replace(EDGE_SEPARATORS, '').trim();

export function crumbsIn(root: Element, baseUrl: string): Crumb[] {
  const crumbs: Crumb[] = [];
  let pending = '';
  // Adjacent text nodes (a parser may split "r&eacute;sine") are read as one text.
  const flush = (): void => {
    for (const part of pending.split(/\s[>›»→]+\s/)) {
      const name = tidy(part);
      if (!name || SEPARATORS.test(name)) continue;
      // "You are here:" before the first step is a label, not a step.
      if (crumbs.length === 0 && /[:：?]$/.test(name)) continue;
      crumbs.push({ name });
    }
    pending = '';
  };
  const walk = (node: Node, depth: number, inStep: boolean): void => {
    for (let child = node.firstChild; child && depth < 40 && crumbs.length < 30; child = child.nextSibling) {
      if (child.nodeType === 3) {
        pending += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIPPED.test(tag) || (inStep && (tag === 'UL' || tag === 'OL'))) continue;
      if (tag === 'A' && el.hasAttribute('href')) {
        flush();
        const href = el.getAttribute('href') ?? '';
        // A link to this very page ("#", "…html#") marks the current step, which has no address.
        const url = /#$|^javascript:/i.test(href.trim()) ? undefined : (absoluteUrl(href, baseUrl) ?? undefined);
        const name = tidy(el.textContent ?? '') || el.getAttribute('title')?.trim() || null;
        crumbs.push(url ? { name, url } : { name });
        continue;
      }
      if (tag === 'BR' || tag === 'LI' || tag === 'TD' || tag === 'DIV' || tag === 'P') flush();
      walk(el, depth + 1, inStep || tag === 'LI');
      if (tag === 'LI' || tag === 'TD' || tag === 'DIV' || tag === 'P') flush();
    }
  };
  walk(root, 0, false);
  flush();
  return crumbs.filter((crumb, i) => {
    if (!crumb.url) return true;
    // A nameless logo link beside the "Home" link to the same address is one step.
    if (crumb.name === null && (crumbs[i + 1]?.url === crumb.url || crumbs[i - 1]?.url === crumb.url)) return false;
    // A "Back" link points at a step that is already in the trail; it is not a step itself.
    const repeated = crumbs.some((other, j) => j !== i && other.url === crumb.url);
    return !(
      repeated &&
      (i === 0 || /back|zurück|retour|return|tilbage|volver|indietro|terug/i.test(crumb.name ?? ''))
    );
  });
}
