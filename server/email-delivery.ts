import "server-only";
import { env } from "@/server/env";
import { getDb } from "@/server/db";
import { deliverDueEmails, queueScheduledReminders } from "@/server/internal/email/outbox";
import { mailTransport } from "@/server/mail";

const EVERY_MS = 60_000;

let running = false;
let again = false;

/** The configured public address, without a trailing slash, when there is one. */
export const publicOrigin = () => env.FULCRUM_PUBLIC_URL?.replace(/\/$/, "");

async function round() {
  const mailer = mailTransport();
  if (!mailer) return;
  const db = await getDb();
  await queueScheduledReminders(db, publicOrigin());
  await deliverDueEmails(db, mailer, env.SMTP_FROM);
}

/**
 * Runs a round of the outbox soon, in this process: queues the scheduled reminders that
 * are due and sends what is waiting. Called every minute, and after an action queued mail.
 * Rounds never overlap in one process; a call during a round asks for one more after it.
 * Between instances, the outbox's claims keep each message to one sender.
 */
export function deliverEmailSoon() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  void (async () => {
    do {
      again = false;
      try {
        await round();
      } catch (error) {
        console.error(`email round failed: ${error instanceof Error ? error.name : "unknown error"}`);
      }
    } while (again);
    running = false;
  })();
}

/** Started by instrumentation.ts: with SMTP configured, a round now and every minute; without, nothing. */
export function startEmailDelivery() {
  if (!mailTransport()) return;
  deliverEmailSoon();
  // unref: the timer never keeps a stopping server alive.
  setInterval(deliverEmailSoon, EVERY_MS).unref();
}
