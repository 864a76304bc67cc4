import { createTransport, type Transporter } from 'nodemailer';
import type { MailSender } from './deliver-order-placed';
import type { OrderMail } from './order-mail';

/**
 * Sends over SMTP with nodemailer, one connection per mail and no pool: a pool re-queues a mail
 * whose connection broke, and a re-queued mail may be a second copy. Timeouts end a stuck send
 * within ~25 s, well inside the relay's lease, so a relay taking a row over never overlaps a send
 * still under way.
 */
export class SmtpMailer implements MailSender {
  readonly #transport: Transporter;

  constructor(smtpUrl: string, from: string) {
    this.#transport = createTransport(
      { url: smtpUrl, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 15_000 },
      { from },
    );
  }

  async send(mail: OrderMail): Promise<void> {
    await this.#transport.sendMail({
      messageId: mail.messageId,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  }

  close(): void {
    this.#transport.close();
  }
}
