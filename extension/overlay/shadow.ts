// Our own elements on someone else's page: a host element with a shadow root holding our styles,
// so page CSS cannot reach in and ours cannot leak out. Lighter than a UI framework's mount helper
// (WXT's createShadowRootUi, which offers the same open or closed modes), which matters for a
// script that runs on every shop page.

const sheets = new Map<string, CSSStyleSheet | null>();

/** Adds `css` to `shadow`: one constructed sheet shared by every root, or a <style> where that fails. */
function addStyles(shadow: ShadowRoot, css: string): void {
  let sheet = sheets.get(css);
  try {
    if (sheet === undefined) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    if (sheet) {
      shadow.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // Some content-script worlds cannot adopt constructed sheets (Firefox's Xray wrappers).
    sheets.set(css, null);
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
}

/**
 * A new host element (not yet in the page) with a styled shadow root. `closed` for UI with
 * controls: the page's scripts then cannot reach our buttons (host.shadowRoot is null to them), so
 * they can neither press them nor relabel them to make the shopper press something else.
 */
/** Whether a node is one of our badge hosts (all are named carbon-ledger-…), which the page watcher ignores. */
export const isOurs = (node: Node): boolean => node.nodeName.toLowerCase().startsWith('carbon-ledger-');

export function createShadowHost(
  tagName: string,
  css: string,
  mode: ShadowRootMode = 'open',
): { host: HTMLElement; shadow: ShadowRoot } {
  const host = document.createElement(tagName);
  const shadow = host.attachShadow({ mode });
  addStyles(shadow, css);
  return { host, shadow };
}

/**
 * Runs DOM writes in the next animation frame, just before it is painted: our insertions land in
 * one batch with no extra frame, and a tab in the background does the work when it is shown.
 */
export function inNextFrame<T>(write: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    requestAnimationFrame(() => {
      try {
        resolve(write());
      } catch (error) {
        reject(error);
      }
    });
  });
}
