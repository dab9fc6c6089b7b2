// Sending side of the message protocol in shared/messages.ts, typed per message.

import type { MessageOf, MessageType, ProtocolMap, Response } from '../shared/messages.ts';

export async function sendMessage<T extends MessageType>(
  type: T,
  request: ProtocolMap[T]['request'],
): Promise<Response<T>> {
  const message = { type, ...request } as MessageOf<T>;
  return (await browser.runtime.sendMessage(message)) as Response<T>;
}
