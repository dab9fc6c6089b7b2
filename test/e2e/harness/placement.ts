// Checks of where our badges sit in a shop's page, run in the page: which of the page's controls
// hold them, and what inserting them moved.

import type { Page } from 'playwright-core';

/** The page's controls a badge must stay out of (the product badge: links, buttons, labels, forms). */
export const PAGE_CONTROLS = 'a, button, label, form';

/**
 * Badge hosts matching `selector` that sit inside a link, button, label or form of the page (a
 * form holding the page's main heading wraps the whole page, as ASP.NET pages do, and does not
 * count), described by the control that holds them.
 */
export function badgesInsideControls(page: Page, selector: string, controls = PAGE_CONTROLS): Promise<string[]> {
  return page.evaluate(
    ([selector, controls]) =>
      [...document.querySelectorAll(selector)].flatMap((host) => {
        for (
          let control = host.parentElement?.closest(controls);
          control;
          control = control.parentElement?.closest(controls)
        ) {
          if (control.localName === 'form' && control.querySelector('h1')) continue;
          return [
            `<${control.localName}${control.getAttribute('href') ? ` href="${control.getAttribute('href')}"` : ''}>`,
          ];
        }
        return [];
      }),
    [selector, controls] as const,
  );
}

/**
 * A block put between two of the page's blocks keeps their margins from collapsing into one: what
 * follows may move by up to a margin more (or, at the top of a box, less) than the badge's height.
 */
const MARGINS = 32;

export interface LayoutChange {
  /** Page elements compared: the badges' containers, their content and the containers above them. */
  elements: number;
  /** How far the badges' own boxes reach: the most anything may move down. */
  badgeHeight: number;
  /**
   * Elements that moved sideways, changed width, or moved up or down further than the badges are
   * tall, give or take the margins a block between two others keeps from collapsing (MARGINS).
   */
  moved: string[];
}

/**
 * What the badges matching `selector` did to the page's layout around them: each element's box with
 * them and without them (taken out and put back in the same place, in one synchronous step).
 */
export function layoutChange(page: Page, selector: string): Promise<LayoutChange> {
  return page.evaluate(
    ([selector, margins]) => {
      const hosts = [...document.querySelectorAll(selector)] as HTMLElement[];
      // Around each badge: its container's content and the containers above it. (Further down a
      // page, text flowing beside a float can wrap differently after anything moves it down; that
      // is the page's float, not our box.)
      const elements = [...document.body.getElementsByTagName('*')]
        .filter(
          (e) =>
            !e.localName.startsWith('carbon-ledger-') &&
            hosts.some((host) => host.parentElement?.contains(e) || e.contains(host)),
        )
        .slice(0, 5000);
      const boxes = () =>
        elements.map((e) => {
          const r = e.getBoundingClientRect();
          return [r.left, r.top, r.width];
        });
      const withBadges = boxes();
      const badgeHeight = hosts.reduce((sum, host) => sum + host.getBoundingClientRect().height, 0);
      const places = hosts.map((host) => [host.parentNode!, host.nextSibling] as const);
      for (const host of hosts) host.remove();
      const without = boxes();
      places.forEach(([parent, next], i) => {
        parent.insertBefore(hosts[i]!, next);
      });
      const moved: string[] = [];
      elements.forEach((element, i) => {
        const [x1, y1, w1] = without[i]!;
        const [x2, y2, w2] = withBadges[i]!;
        const dy = y2! - y1!;
        if (Math.abs(x2! - x1!) > 1 || Math.abs(w2! - w1!) > 1 || dy < -margins || dy > badgeHeight + margins) {
          const name = `${element.localName}${element.id ? `#${element.id}` : ''}${element.classList[0] ? `.${element.classList[0]}` : ''}`;
          moved.push(
            `${name}: x ${x1!.toFixed(0)}→${x2!.toFixed(0)}, y ${y1!.toFixed(0)}→${y2!.toFixed(0)}, width ${w1!.toFixed(0)}→${w2!.toFixed(0)}`,
          );
        }
      });
      return { elements: elements.length, badgeHeight, moved };
    },
    [selector, MARGINS] as const,
  );
}
