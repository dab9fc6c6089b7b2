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

interface Sender {
  tab?: { url?: string };
}

type Handlers = { [T in Message['type']]: (message: MessageOf<T>, sender: Sender) => Promise<Response<T>> };

const handlers: Handlers = {
  'product-viewed': async ({ product }, sender) => {
    // A page can only report products on its own site.
    if (sender.tab?.url && new URL(sender.tab.url).host !== new URL(product.url).host) {
      return { estimate: null };
    }
    const estimate = estimateFootprint(product);
    await recordProductView(ledger(), product, estimate);
    return { estimate };
  },
  'ledger-count': async () => ({ events: await ledger().events.count() }),
};

export async function handleMessage(raw: unknown, sender: Sender): Promise<unknown> {
  const message = validateMessage(raw);
  if (!message) return undefined;
  const handler = handlers[message.type] as (m: Message, s: Sender) => Promise<unknown>;
  return handler(message, sender);
}
