// Small, defensive DOM readers shared by the generic reader and the shop adapters. They work on
// any Document passed in (a browser page or linkedom in Node) and never throw on odd markup.

// Most texts on a page are already single-spaced: testing for that allocates nothing, while the
// replace always builds a new string (measured: ~0.8 KB per listing title), and a listing reads
// many texts while the page is still loading.
const NEEDS_COLLAPSING = /\s\s|[^\S ]/;

/** Runs of whitespace as one space, trimmed. */
export const collapseSpaces = (text: string): string =>
  (NEEDS_COLLAPSING.test(text) ? text.replace(/\s+/g, ' ') : text).trim();

/** Whitespace-collapsed text of an element, bounded so a huge node cannot cost much. */
export function textOf(node: Element | null | undefined, maxChars = 2000): string {
  if (!node) return '';
  const raw = node.textContent ?? '';
  return collapseSpaces(raw.length > maxChars * 4 ? raw.slice(0, maxChars * 4) : raw).slice(0, maxChars);
}

/** Visible-ish text: the element's text without scripts, styles and elements hidden by attributes. */
export function visibleTextOf(node: Element | null | undefined, maxChars = 2000): string {
  if (!node) return '';
  // Most titles and prices hold nothing the walk below treats specially: their text is the
  // element's text, read in one call instead of one per node (which is what costs in a browser).
  if (node.childElementCount === 0 || node.querySelector(SPECIAL) === null) {
    const raw = node.textContent ?? '';
    if (raw.length <= maxChars) return collapseSpaces(raw);
  }
  const parts: string[] = [];
  let length = 0;
  const walk = (el: Element, depth: number): void => {
    if (depth > 40 || length > maxChars) return;
    if (el.childElementCount === 0) {
      // Only text inside: read in one call.
      const value = el.textContent ?? '';
      parts.push(value);
      length += value.length;
      return;
    }
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        parts.push(value);
        length += value.length;
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (isHidden(element)) continue;
        // Superscript cents ("173<sup>34</sup>") read as a decimal part.
        if (
          element.tagName === 'SUP' &&
          /^\d{2}$/.test((element.textContent ?? '').trim()) &&
          /\d\s*$/.test(parts.at(-1) ?? '')
        ) {
          parts.push(`,${(element.textContent ?? '').trim()}`);
          continue;
        }
        walk(element, depth + 1);
        if (BLOCK_TAGS.has(element.tagName)) parts.push(' ');
      }
    }
  };
  walk(node, 0);
  return collapseSpaces(parts.join('')).slice(0, maxChars);
}

const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'TR', 'TD', 'TH', 'BR', 'H1', 'H2', 'H3', 'SECTION', 'DT', 'DD']);
export const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME']);
const HIDDEN_CLASSES = ['a-offscreen', 'sr-only', 'visually-hidden', 'clipped', 'hidden', 'd-none', 'is-hidden'];
/** Elements the text walk treats specially: skipped, possibly hidden, a block (a space after it), cents. */
const SPECIAL = [
  ...[...SKIPPED_TAGS, ...BLOCK_TAGS, 'SUP'].map((tag) => tag.toLowerCase()),
  '[hidden]',
  '[style]',
  ...HIDDEN_CLASSES.map((name) => `[class~="${name}"]`),
].join(',');
const HIDDEN_CLASS = new RegExp(`(?:^|\\s)(?:${HIDDEN_CLASSES.join('|')})(?:\\s|$)`);

/** Hidden by markup (not by CSS, which a parsed document does not compute). */
export function isHidden(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  // aria-hidden is not tested: shops mark the visible price aria-hidden beside a screen-reader copy.
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const cls = el.getAttribute('class');
  return !!cls && HIDDEN_CLASS.test(cls);
}

/** The first element matching any selector, in the order given (newest layout first). */
export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const el = root.querySelector(selector);
      if (el) return el;
    } catch {
      // An unsupported selector in one engine must not stop the others.
    }
  }
  return null;
}

/** Every element matching a selector, or none when the engine rejects the selector. */
export function all(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** Content of a `<meta property|name=...>` tag. */
export function meta(doc: Document, name: string): string | null {
  const el = first(doc, [`meta[property="${name}"]`, `meta[name="${name}"]`, `meta[itemprop="${name}"]`]);
  const value = el?.getAttribute('content')?.trim();
  return value || null;
}

/** Resolves a link against the page URL; null when it cannot be. */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  // Most links on a shop page are already written as the parser would write them; a listing has
  // dozens, and a URL object each is a noticeable share of reading it in a page.
  if (isNormalUrl(href)) return href;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

// An http(s) URL that the URL parser gives back unchanged: a lower-case domain name (its last
// label starting with a letter, so never read as an IPv4 address) without user or port, a path,
// and only characters that need no escaping in path, query or fragment. Dot segments ("/./",
// "/../", also escaped as %2e) would be resolved, so they are left to the parser.
const NORMAL_URL = /^https?:\/\/(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*\/[A-Za-z0-9\-._~!$&()*+,;=:@/%?#]*$/;
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:[/?#]|$)/i;

// The dot-segment pattern only where one may be: a pattern costs its compilation the first time a page meets it.
const isNormalUrl = (href: string): boolean =>
  NORMAL_URL.test(href) &&
  !(
    (href.includes('/.') || href.includes('%2e') || href.includes('%2E')) &&
    DOT_SEGMENT.test(href.split(/[?#]/, 1)[0]!)
  );

/** Decodes the HTML entities some shops leave inside JSON-LD strings ("11&quot; iPad"). */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[\da-f]+|#\d+|quot|amp|apos|lt|gt|nbsp|#39);/gi, (_, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return safeChar(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return safeChar(Number(lower.slice(1)));
    return ({ quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: ' ' } as Record<string, string>)[lower] ?? '';
  });
}

const safeChar = (code: number): string => (code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '');

/** Trims and collapses whitespace; null for empty text. */
export const clean = (value: string | null | undefined): string | null => (value && collapseSpaces(value)) || null;

/** The schema type an element declares, as microdata (itemtype) or RDFa (typeof); '' when none. */
export const schemaTypeOf = (el: Element): string => el.getAttribute('itemtype') ?? el.getAttribute('typeof') ?? '';
