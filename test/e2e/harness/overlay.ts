// The product badge lives in a closed shadow root: a page's scripts cannot reach inside, and
// neither can Playwright's locators. Tests reach it the way DevTools does, through the Chrome
// DevTools Protocol, and press its controls with real mouse clicks where they are on screen.

import type { CDPSession, Page } from 'playwright-core';

/** The host element of a product page's badge or floating card. */
export const PRODUCT_OVERLAY = '[data-carbon-ledger="badge"], [data-carbon-ledger="card"]';

interface DomNode {
  nodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

/** What a page's script does to an element it holds: click() and synthetic events of every kind. */
const SCRIPT_PRESS = `function () {
  this.click();
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    const Event = type.startsWith('pointer') ? PointerEvent : MouseEvent;
    this.dispatchEvent(new Event(type, { bubbles: true, composed: true, cancelable: true }));
  }
  for (const key of ['Enter', ' ']) {
    this.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    this.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
  }
  this.form?.requestSubmit?.();
}`;

export class ProductOverlay {
  readonly page: Page;
  private readonly cdp: CDPSession;

  private constructor(page: Page, cdp: CDPSession) {
    this.page = page;
    this.cdp = cdp;
  }

  static async of(page: Page): Promise<ProductOverlay> {
    return new ProductOverlay(page, await page.context().newCDPSession(page));
  }

  /** The badge's shadow root (node id and mode), or null when the page has no badge. */
  private async root(): Promise<{ nodeId: number; mode: string | undefined } | null> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (node: DomNode): { nodeId: number; mode: string | undefined } | null => {
      const attributes = node.attributes ?? [];
      const at = attributes.findIndex((name, i) => i % 2 === 0 && name === 'data-carbon-ledger');
      const shadow = node.shadowRoots?.[0];
      if (at >= 0 && ['badge', 'card'].includes(attributes[at + 1] ?? '') && shadow) {
        return { nodeId: shadow.nodeId, mode: shadow.shadowRootType };
      }
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return null;
    };
    return find(root);
  }

  /** 'open' or 'closed'; null without a badge. */
  async shadowMode(): Promise<string | null> {
    return (await this.root())?.mode ?? null;
  }

  private async all(selector: string): Promise<number[]> {
    const root = await this.root();
    if (!root) return [];
    const { nodeIds } = await this.cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    return nodeIds;
  }

  /** Calls `fn` with `this` the node, in the page's own world (where the page's scripts run). */
  private async call<T>(nodeId: number, fn: string): Promise<T> {
    const { object } = await this.cdp.send('DOM.resolveNode', { nodeId });
    const { result, exceptionDetails } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn,
      returnByValue: true,
    });
    if (exceptionDetails)
      throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  }

  async count(selector: string): Promise<number> {
    return (await this.all(selector)).length;
  }

  async text(selector: string, index = 0): Promise<string | null> {
    const id = (await this.all(selector))[index];
    return id === undefined ? null : this.call<string>(id, 'function () { return this.textContent; }');
  }

  async attribute(selector: string, name: string, index = 0): Promise<string | null> {
    const id = (await this.all(selector))[index];
    return id === undefined
      ? null
      : this.call<string | null>(id, `function () { return this.getAttribute(${JSON.stringify(name)}); }`);
  }

  /** The element's box in the viewport, or null when there is no such element. */
  async rect(
    selector: string,
    index = 0,
  ): Promise<{ left: number; top: number; right: number; bottom: number } | null> {
    const id = (await this.all(selector))[index];
    return id === undefined
      ? null
      : this.call(
          id,
          'function () { const r = this.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; }',
        );
  }

  /** Whether the element focused inside the badge matches `selector`. */
  async focusedMatches(selector: string): Promise<boolean> {
    const root = await this.root();
    return root
      ? this.call<boolean>(
          root.nodeId,
          `function () { return !!this.activeElement?.matches(${JSON.stringify(selector)}); }`,
        )
      : false;
  }

  /** The tag name of the element focused inside the badge, or null. */
  async focusedTag(): Promise<string | null> {
    const root = await this.root();
    return root
      ? this.call<string | null>(root.nodeId, 'function () { return this.activeElement?.tagName ?? null; }')
      : null;
  }

  /** A real click: the mouse pressed where the control is on screen, as the shopper would. */
  async click(selector: string, index = 0): Promise<void> {
    const id = (await this.all(selector))[index];
    if (id === undefined) throw new Error(`no ${selector} in the badge`);
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId: id });
    const { quads } = await this.cdp.send('DOM.getContentQuads', { nodeId: id });
    const quad = quads[0];
    if (!quad) throw new Error(`${selector} is not on screen`);
    const x = (quad[0]! + quad[2]! + quad[4]! + quad[6]!) / 4;
    const y = (quad[1]! + quad[3]! + quad[5]! + quad[7]!) / 4;
    await this.page.mouse.click(x, y);
  }

  /**
   * Presses every element matching `selector` by script, from the page's own world, as a page's
   * script would if it got hold of them. Returns how many it pressed.
   */
  async pressByScript(selector: string): Promise<number> {
    const ids = await this.all(selector);
    // Resolve every node first: a press may change the badge and its node ids.
    const objects = await Promise.all(ids.map((nodeId) => this.cdp.send('DOM.resolveNode', { nodeId })));
    for (const { object } of objects) {
      await this.cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: SCRIPT_PRESS });
    }
    return objects.length;
  }

  /**
   * Lets an audit in the page's world (axe-core) see inside the closed shadow root: the host's
   * `shadowRoot` reads as the root from then on. A test's tool, never the page's: only CDP can
   * hand a closed root to the page's world.
   */
  async exposeForAudit(): Promise<void> {
    const root = await this.root();
    if (!root) throw new Error('no badge to audit');
    const { object } = await this.cdp.send('DOM.resolveNode', { nodeId: root.nodeId });
    await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function () {
        const root = this;
        Object.defineProperty(this.host, 'shadowRoot', { configurable: true, get: () => root });
      }`,
    });
  }
}
