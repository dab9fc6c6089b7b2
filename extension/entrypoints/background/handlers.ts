// The background's answers to each message type.

import { estimateFootprint } from '../../../shared/footprint/index.ts';
import { type Message, type MessageOf, type Response, validateMessage } from '../../../shared/messages.ts';
import { type LedgerDb, openLedger } from '../../ledger/db.ts';
import { recordProductView } from '../../ledger/record.ts';

let db: LedgerDb | undefined;
const ledger = (): LedgerDb => {
  db ??= openLedger();
  return db;
};

/** What the background knows about who sent a message (a subset of runtime.MessageSender). */
export interface Sender {
  /** URL of the sending frame or page. */
  url?: string;
  /** Present when the sender is a content script or an extension page open in a tab. */
  tab?: { url?: string };
}

/** Messages a content script (someone else's page) may send; everything else is for our own pages. */
const FROM_PAGES: ReadonlySet<Message['type']> = new Set(['product-viewed']);

type Handlers = { [T in Message['type']]: (message: MessageOf<T>, sender: Sender) => Promise<Response<T>> };

const handlers: Handlers = {
  'product-viewed': async ({ product }, sender) => {
    // A page can only report products on its own site.
    const pageUrl = sender.url ?? sender.tab?.url;
    if (!pageUrl || new URL(pageUrl).host !== new URL(product.url).host) return { estimate: null };
    const estimate = estimateFootprint(product);
    await recordProductView(ledger(), product, estimate);
    return { estimate };
  },
  'ledger-count': async () => ({ events: await ledger().events.count() }),
};

// Spelled out because URL.origin is "null" for schemes the URL standard does not know, such as
// chrome-extension: in some runtimes.
const originOf = (url: string): string => {
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}`;
};

/**
 * Validates and answers one message. `extensionOrigin` is our own origin
 * (chrome-extension://id): only our pages may send messages beyond what content scripts need.
 */
export async function handleMessage(raw: unknown, sender: Sender, extensionOrigin: string): Promise<unknown> {
  const message = validateMessage(raw);
  if (!message) return undefined;
  const fromOwnPage = sender.url !== undefined && originOf(sender.url) === originOf(extensionOrigin);
  if (!fromOwnPage && !FROM_PAGES.has(message.type)) return undefined;
  const handler = handlers[message.type] as (m: Message, s: Sender) => Promise<unknown>;
  return handler(message, sender);
}
