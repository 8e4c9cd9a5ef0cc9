import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedEmail {
  to: string[];
  /** The message as sent, headers and quoted-printable body decoded to plain text. */
  text: string;
}

/** Undoes quoted-printable soft line breaks and escapes, so a long link reads whole. */
function decodeQuotedPrintable(raw: string) {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A real SMTP server on a loopback port, for tests: it accepts every message, without
 * authentication or TLS, and keeps what it received. `refuse`, while it returns true,
 * makes it turn recipients away with a temporary 451, as a busy server does.
 */
export async function startSmtpServer(options: { refuse?: () => boolean } = {}) {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (options.refuse?.()) {
        callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), text: decodeQuotedPrintable(Buffer.concat(chunks).toString("utf8")) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The messages sent to this address so far. */
    to: (address: string) => received.filter((email) => email.to.includes(address)),
    /** The one sign-in link in an email's text. */
    linkIn: (email: ReceivedEmail) => {
      const links = email.text.match(/https?:\/\/\S+\/invite\/[\w-]+/g) ?? [];
      if (links.length !== 1) throw new Error(`expected one sign-in link in the email, found ${links.length}`);
      return links[0]!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestSmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;
