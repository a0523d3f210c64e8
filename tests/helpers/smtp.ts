import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

/** Email is outside the machine: a local SMTP server stands in for the provider's. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface LocalSmtp {
  /** Every mail received, in order. */
  mails: ReceivedMail[];
  /** The environment that points the playground's email provider here. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startSmtpServer(from = 'tuki@example.com'): Promise<LocalSmtp> {
  const mails: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    mails,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_IGNORE_TLS: 'true', EMAIL_FROM: from },
    stop: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
