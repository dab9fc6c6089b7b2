// Where our badges go in a shop's page: never inside the shop's own controls (a click on the
// badge would be a click on them too: "why this number" must not follow the shop's link), and
// never where making room for the badge moves the page's elements sideways.

/** The page's own controls: our badge never goes inside one (a click in it would be theirs too). */
export const CONTROLS = 'a, button, label, form, summary, select, [role="button"], [role="link"]';

/** An element laid out in a line (text-level, or floated), or one whose children are laid out beside each other. */
const inLine = (element: Element): boolean => {
  const { display, float } = getComputedStyle(element);
  // A float has the page's text flowing beside it: a block after it would push that text below.
  return /inline|ruby|contents/.test(display) || float !== 'none';
};
export const placesBeside = (element: Element): boolean => {
  const { display, flexDirection } = getComputedStyle(element);
  // A flex column stacks its items like blocks: the badge moves the ones below it down, no more.
  if (display === 'flex' && flexDirection === 'column') return false;
  return /flex|grid|inline|table|ruby|contents/.test(display) && display !== 'table-cell';
};

/** What a listing item's pill stays out of: what a click follows or presses (a results form may hold the whole list). */
export const CLICKABLE = 'a, button, label, [role="button"], [role="link"]';

/**
 * The outermost of the page's `controls` around `element`, or null. A form that holds the page's
 * main heading wraps the page (as ASP.NET pages do), not a control: the badge stays within it.
 */
export function outermostControl(element: Element, controls = CONTROLS): Element | null {
  let outer: Element | null = null;
  for (
    let control = element.parentElement?.closest(controls);
    control;
    control = control.parentElement?.closest(controls)
  )
    if (control.localName !== 'form' || !control.querySelector('h1')) outer = control;
  return outer;
}

/**
 * Where the badge goes, after the element returned: the anchor, or the outermost control of the
 * page around it (the badge is never inside a link, button, label or form of the shop), then up to
 * a block of the page's flow: never into a line of text, a row, a grid or a table row, where
 * making room for it would move the page's own elements sideways. Below it, the page moves down
 * by the badge's height and nothing else.
 */
export function badgePlace(anchor: Element): Element {
  let target = outermostControl(anchor) ?? anchor;
  for (
    let parent = target.parentElement;
    parent && parent !== document.body && (inLine(target) || placesBeside(parent));
    parent = parent.parentElement
  )
    target = parent;
  return target;
}
