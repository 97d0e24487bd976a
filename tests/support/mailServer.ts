import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  /** The envelope's recipients. */
  to: string[];
  /** The message as sent, with its transfer encoding undone (quoted-printable or 7bit). */
  text: string;
}

export interface MailCatcher {
  port: number;
  mails: CaughtMail[];
  /** The first mail to `address`, waiting for it to arrive. */
  mailTo(address: string, timeoutMs?: number): Promise<CaughtMail>;
  close(): Promise<void>;
}

/** Quoted-printable: soft line breaks joined, =XX bytes decoded (all ASCII in our mails). */
const unquote = (raw: string) =>
  raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** A real SMTP server on 127.0.0.1 (a random port unless one is given) that keeps every mail. */
export async function catchMail(port = 0): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on the loopback: no certificate to trust.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          text: unquote(Buffer.concat(chunks).toString("utf8")),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.server.address() as AddressInfo).port;
  return {
    port: bound,
    mails,
    async mailTo(address, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const mail = mails.find((m) => m.to.includes(address));
        if (mail) return mail;
        if (Date.now() > until) throw new Error(`No mail reached ${address} in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The password reset link a mail carries. */
export function resetLinkIn(mail: CaughtMail): URL {
  const link = /https?:\/\/\S+\/reset-password\?token=[\w%.~-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`No reset link in the mail:\n${mail.text}`);
  return new URL(link);
}
