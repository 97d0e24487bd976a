import nodemailer from "nodemailer";
import type { MailSettings } from "../config";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Whether mail really goes out; without SMTP_URL it is written to the server's log instead. */
  readonly sends: boolean;
  /**
   * Sends one mail. It never rejects: a mail server that fails is logged, so no answer waits on
   * it or changes with it (a door sends without awaiting, and answers the same either way).
   */
  send(mail: Mail): Promise<void>;
}

/** Mail through the server of SMTP_URL, from MAIL_FROM. */
export function smtpMailer({ smtpUrl, from }: MailSettings): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    sends: true,
    async send(mail) {
      try {
        await transport.sendMail({ from, ...mail });
      } catch (error) {
        console.error(`Mail to ${mail.to} ("${mail.subject}") could not be sent:`, error);
      }
    },
  };
}

/** No mail server configured: the mail goes to the log, where a developer can follow its link. */
export const logMailer: Mailer = {
  sends: false,
  async send(mail) {
    console.log(`Mail is off (no SMTP_URL). To ${mail.to}, "${mail.subject}":\n${mail.text}`);
  },
};

export const mailerFor = (settings: MailSettings | null): Mailer =>
  settings ? smtpMailer(settings) : logMailer;
