import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "./env";

let transport: Transporter | null | undefined;

/** The configured mail transport, or null when no SMTP server is set: email is then off. */
export function mailTransport(): Transporter | null {
  if (transport === undefined) transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
  return transport;
}

export interface SignInLinkEmail {
  to: string;
  name: string;
  url: string;
  expiresAt: Date;
}

/** Sends a set-your-password link. Returns whether it was sent; a failure is logged, never thrown. */
export async function sendSignInLinkEmail(mailer: Transporter | null, email: SignInLinkEmail): Promise<boolean> {
  if (!mailer) return false;
  try {
    await mailer.sendMail({
      from: env.SMTP_FROM,
      to: email.to,
      subject: "Your Fulcrum sign-in link",
      text: [
        `Hello ${email.name},`,
        "",
        "Use this link to set your Fulcrum password. It works once and expires on",
        `${email.expiresAt.toUTCString()}.`,
        "",
        email.url,
        "",
        "Nobody else has this link, administrators included. If you did not ask for it,",
        "you can ignore this email: your password stays as it is.",
      ].join("\n"),
    });
    return true;
  } catch (error) {
    console.error(`sign-in link email failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return false;
  }
}
