import "server-only";
import { and, asc, eq, inArray, lt, lte, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { z } from "zod";
import type { Database, Transaction } from "@/db/client";
import { selectRows } from "@/db/raw";
import { cycles, emailMessages } from "@/db/schema";
import { clock } from "@/lib/clock";
import {
  type AssessmentLink,
  dueReminderRounds,
  type Email,
  invitationEmail,
  REMINDER_GAP_HOURS,
  reminderEmail,
  reportReadyEmail,
  retryAt,
  SEND_LEASE_MINUTES,
} from "@/lib/email";

/**
 * The outbox. A message is queued in the transaction that decides it, as a row with a key
 * that names its purpose (`dedupe_key`): two instances that queue the same message store it
 * once. Sending claims due rows with FOR UPDATE SKIP LOCKED and marks them `sending` in a
 * committed transaction before anything goes to SMTP, so no two instances ever hold the
 * same message. What happens next:
 * - the SMTP server accepts it: `sent`;
 * - it refuses it, or cannot be reached, before taking it: tried again later (lib/email
 *   retryAt), and `failed` once the tries are used up;
 * - anything else (the connection broke mid-send, the instance stopped while it held the
 *   lease): `unknown`. It may have gone out, so it is never sent again: at most once.
 */

// An arbitrary constant: the key of the advisory lock that serialises queueing reminders.
const REMINDERS_LOCK_KEY = 4_207_314;
/** Messages one delivery round claims at most: the rest wait for the next round. */
const DELIVERY_BATCH = 100;

type Queue = Database | Transaction;
const queuedRow = z.object({ id: z.string() });

const linkTo = (origin: string, path: string) => `${origin.replace(/\/$/, "")}${path}`;

/** Queues one invitation per person the cycle's snapshot asks to rate someone (themselves included), once. */
export async function queueInvitations(tx: Queue, cycleId: string, origin: string): Promise<number> {
  const now = clock.now();
  const rows = await selectRows(
    tx,
    sql`
    INSERT INTO email_messages (kind, cycle_id, person_id, dedupe_key, origin, next_attempt_at, created_at)
    SELECT 'invitation'::email_kind, ${cycleId}::uuid, r.rater_id, 'invitation:' || ${cycleId}::text || ':' || r.rater_id::text, ${origin}::text, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    FROM (SELECT DISTINCT a.rater_id FROM cycle_assignments a JOIN people p ON p.id = a.rater_id AND p.is_active WHERE a.cycle_id = ${cycleId}::uuid) r
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`,
    queuedRow,
  );
  return rows.length;
}

/**
 * Queues a reminder for each active rater with an assessment of a manager still to answer,
 * unless they were reminded in the last REMINDER_GAP_HOURS, under the key of this round (a
 * scheduled round, or one an admin asked for). A lock makes rounds queue one at a time, so
 * the gap holds whoever asks. Returns how many were queued: never shown as such (see
 * lib/email reminderSummary).
 */
export async function queueReminders(
  db: Database,
  cycleId: string,
  origin: string,
  round: string,
  alsoInTransaction?: (tx: Transaction) => Promise<void>,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${REMINDERS_LOCK_KEY})`);
    const now = clock.now();
    const since = new Date(now.getTime() - REMINDER_GAP_HOURS * 3_600_000);
    const rows = await selectRows(
      tx,
      sql`
      INSERT INTO email_messages (kind, cycle_id, person_id, dedupe_key, origin, next_attempt_at, created_at)
      SELECT 'reminder'::email_kind, ${cycleId}::uuid, r.rater_id, 'reminder:' || ${cycleId}::text || ':' || r.rater_id::text || ':' || ${round}::text, ${origin}::text, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      FROM (
        SELECT DISTINCT a.rater_id FROM cycle_assignments a
        JOIN people p ON p.id = a.rater_id AND p.is_active
        WHERE a.cycle_id = ${cycleId}::uuid AND a.rater_id <> a.manager_id
          AND NOT EXISTS (SELECT 1 FROM participations x WHERE x.cycle_id = a.cycle_id AND x.rater_id = a.rater_id AND x.manager_id = a.manager_id)
      ) r
      WHERE NOT EXISTS (SELECT 1 FROM email_messages m WHERE m.person_id = r.rater_id AND m.kind = 'reminder' AND m.created_at > ${since.toISOString()}::timestamptz)
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id`,
      queuedRow,
    );
    await alsoInTransaction?.(tx);
    return rows.length;
  });
}

/** Queues "your report is ready" for each active manager whose team met the cycle's k, in the close's transaction. */
export async function queueReportReady(tx: Queue, cycleId: string, origin: string): Promise<number> {
  const now = clock.now();
  const rows = await selectRows(
    tx,
    sql`
    INSERT INTO email_messages (kind, cycle_id, person_id, dedupe_key, origin, next_attempt_at, created_at)
    SELECT 'report_ready'::email_kind, s.cycle_id, s.manager_id, 'report_ready:' || s.cycle_id::text || ':' || s.manager_id::text, ${origin}::text, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    FROM cycle_team_summaries s
    JOIN cycles c ON c.id = s.cycle_id
    JOIN people p ON p.id = s.manager_id AND p.is_active
    WHERE s.cycle_id = ${cycleId}::uuid AND s.respondents >= c.min_raters
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`,
    queuedRow,
  );
  return rows.length;
}

/** The address a cycle's links point to: the configured one, or the one its invitations were queued with. */
export async function cycleOrigin(db: Queue, cycleId: string, configured: string | undefined): Promise<string | null> {
  if (configured) return configured;
  const [row] = await db
    .select({ origin: emailMessages.origin })
    .from(emailMessages)
    .where(and(eq(emailMessages.cycleId, cycleId), eq(emailMessages.kind, "invitation")))
    .limit(1);
  return row?.origin ?? null;
}

/** Queues the scheduled reminder rounds due today for every open cycle whose links have an address. */
export async function queueScheduledReminders(db: Database, configuredOrigin: string | undefined): Promise<number> {
  const open = await db.select({ id: cycles.id, closesOn: cycles.closesOn }).from(cycles).where(eq(cycles.state, "open"));
  let queued = 0;
  for (const cycle of open) {
    const rounds = dueReminderRounds(clock.today(), cycle.closesOn);
    const origin = rounds.length > 0 ? await cycleOrigin(db, cycle.id, configuredOrigin) : null;
    if (!origin) continue;
    for (const days of rounds) queued += await queueReminders(db, cycle.id, origin, `${days}d`);
  }
  return queued;
}

const claimedRow = z.object({
  id: z.string(),
  kind: z.enum(["invitation", "reminder", "report_ready"]),
  cycleId: z.string(),
  cycleName: z.string(),
  closesOn: z.iso.date(),
  personId: z.string(),
  name: z.string(),
  email: z.string(),
  origin: z.string(),
  attempts: z.int(),
});
type Claimed = z.infer<typeof claimedRow>;

/** The person's assessments in the cycle: all of them for an invitation, those still to answer for a reminder. */
const assessmentRow = z.object({ managerId: z.string(), managerName: z.string(), self: z.boolean() });

async function compose(db: Database, message: Claimed): Promise<Email | null> {
  if (message.kind === "report_ready") {
    return reportReadyEmail({ name: message.name, cycleName: message.cycleName, url: linkTo(message.origin, `/report/${message.cycleId}`) });
  }
  const onlyOpen = message.kind === "reminder";
  const assessments = await selectRows(
    db,
    sql`SELECT a.manager_id AS "managerId", m.name AS "managerName", a.rater_id = a.manager_id AS self
      FROM cycle_assignments a JOIN people m ON m.id = a.manager_id
      WHERE a.cycle_id = ${message.cycleId}::uuid AND a.rater_id = ${message.personId}::uuid
        AND (NOT ${onlyOpen}::boolean OR (a.rater_id <> a.manager_id AND NOT EXISTS (SELECT 1 FROM participations x
          WHERE x.cycle_id = a.cycle_id AND x.rater_id = a.rater_id AND x.manager_id = a.manager_id)))
      ORDER BY self, m.name`,
    assessmentRow,
  );
  if (assessments.length === 0) return null;
  const links: AssessmentLink[] = assessments.map(({ managerId, managerName, self }) => ({
    label: self ? "Your self-assessment" : `Rate ${managerName}`,
    url: linkTo(message.origin, `/assessments/${message.cycleId}/${managerId}`),
  }));
  const content = { name: message.name, cycleName: message.cycleName, closesOn: message.closesOn, links };
  return message.kind === "invitation" ? invitationEmail(content) : reminderEmail(content);
}

/**
 * Whether an SMTP error says the message was not taken: a refusal with a code, or no
 * connection at all. Anything else may have delivered it.
 */
function notTaken(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  if (typeof responseCode === "number" && responseCode >= 400) return true;
  return typeof code === "string" && ["ECONNECTION", "ECONNREFUSED", "EDNS", "EAUTH", "EENVELOPE", "ETLS"].includes(code);
}

const errorName = (error: unknown) => {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return typeof responseCode === "number" ? `SMTP ${responseCode}` : typeof code === "string" ? code : error instanceof Error ? error.name : "unknown error";
};

/** Claims due messages for this instance alone, and first gives up on any another instance held past its lease. */
async function claim(db: Database): Promise<Claimed[]> {
  const now = clock.now();
  await db
    .update(emailMessages)
    .set({ status: "unknown", leaseUntil: null })
    .where(and(eq(emailMessages.status, "sending"), lt(emailMessages.leaseUntil, now)));
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailMessages.id })
      .from(emailMessages)
      .where(and(eq(emailMessages.status, "pending"), lte(emailMessages.nextAttemptAt, now)))
      .orderBy(asc(emailMessages.nextAttemptAt))
      .limit(DELIVERY_BATCH)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const ids = due.map((row) => row.id);
    await tx
      .update(emailMessages)
      .set({ status: "sending", leaseUntil: new Date(now.getTime() + SEND_LEASE_MINUTES * 60_000), attempts: sql`${emailMessages.attempts} + 1` })
      .where(inArray(emailMessages.id, ids));
    return selectRows(
      tx,
      sql`SELECT m.id, m.kind::text AS kind, m.cycle_id AS "cycleId", c.name AS "cycleName", c.closes_on::text AS "closesOn",
          m.person_id AS "personId", p.name, p.email, m.origin, m.attempts::int AS attempts
        FROM email_messages m JOIN cycles c ON c.id = m.cycle_id JOIN people p ON p.id = m.person_id
        WHERE m.id IN (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      claimedRow,
    );
  });
}

/**
 * One delivery round: sends every due message this instance claims, and records each
 * outcome. Returns how many went out. A message with nothing left to say (a reminder to
 * someone who has answered since it was queued) is dropped unsent.
 */
export async function deliverDueEmails(db: Database, mailer: Transporter, from: string): Promise<number> {
  let sent = 0;
  for (const message of await claim(db)) {
    const email = await compose(db, message);
    if (!email) {
      await db.delete(emailMessages).where(eq(emailMessages.id, message.id));
      continue;
    }
    try {
      // The outbox id as the Message-ID: a receiving server can tell a copy from a new message.
      await mailer.sendMail({ from, to: message.email, subject: email.subject, text: email.text, messageId: `<${message.id}@fulcrum.invalid>` });
      await db.update(emailMessages).set({ status: "sent", sentAt: clock.now(), leaseUntil: null }).where(eq(emailMessages.id, message.id));
      sent++;
    } catch (error) {
      const retry = notTaken(error) ? retryAt(clock.now(), message.attempts) : null;
      const status = !notTaken(error) ? "unknown" : retry ? "pending" : "failed";
      await db
        .update(emailMessages)
        .set({ status, leaseUntil: null, lastError: errorName(error), ...(retry ? { nextAttemptAt: retry } : {}) })
        .where(eq(emailMessages.id, message.id));
      console.error(`email delivery failed: ${errorName(error)}`);
    }
  }
  return sent;
}
