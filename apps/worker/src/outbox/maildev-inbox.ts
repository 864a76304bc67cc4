import type { SentMailLookup } from './deliver-order-placed';

/**
 * maildev's REST API: `GET /api/email?headers.message-id=<id>` lists the mails carrying that
 * Message-ID. maildev answers an SMTP send only after storing the mail, so a mail it accepted is
 * always listed. In production the mail provider's message search (or its idempotency key on
 * the send itself) plays this part; the relay only needs this interface.
 */
export class MaildevInbox implements SentMailLookup {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async hasArrived(messageId: string): Promise<boolean> {
    const url = new URL('/api/email', this.baseUrl);
    url.searchParams.set('headers.message-id', messageId);
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok) throw new Error(`mail server lookup answered ${response.status}`);
    const mails = (await response.json()) as unknown;
    if (!Array.isArray(mails)) throw new Error('mail server lookup answered no list');
    return mails.length > 0;
  }
}
