import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { selectRows } from "@/db/raw";
import { clock } from "@/lib/clock";
import { reminderSummary } from "@/lib/email";
import { countWhileOpen } from "@/lib/response-count";
import { recordAudit } from "@/server/internal/audit-log";
import { queueReminders } from "@/server/internal/email/outbox";
import { mailTransport } from "@/server/mail";
import { ExpectedError, requireAdmin } from "./errors";
import type { Viewer } from "./viewer";

/** What every page that would send email says when it cannot. */
export const EMAIL_OFF =
  "Email is off: SMTP_URL is not set, so Fulcrum sends no invitations, reminders or report notices. Tell people yourself when a cycle opens and closes.";

/** Whether this instance sends email: an SMTP server is configured. */
export const emailIsOn = () => mailTransport() !== null;

export class ReminderRefusal extends ExpectedError {
  override name = "ReminderRefusal";
}

const teamCountRow = z.object({ invited: z.int(), responded: z.int(), open: z.boolean() });

/**
 * Queues a reminder for everyone the open cycle still waits for, except anyone reminded in
 * the last 48 hours, and says so in words that name nobody and give no count that, beside
 * each team's "n of N", would tell whether the last one or two of a team have answered
 * (lib/email reminderSummary). The outbox sends them within the minute.
 */
export async function remindNonRespondents(db: Database, viewer: Viewer, cycleId: string, origin: string): Promise<string> {
  requireAdmin(viewer, "send reminders");
  if (!emailIsOn()) throw new ReminderRefusal(EMAIL_OFF);
  const teams = await selectRows(
    db,
    sql`SELECT count(*)::int AS invited, count(p.rater_id)::int AS responded, bool_and(c.state = 'open') AS open
      FROM cycle_assignments a
      JOIN cycles c ON c.id = a.cycle_id
      LEFT JOIN participations p ON p.cycle_id = a.cycle_id AND p.rater_id = a.rater_id AND p.manager_id = a.manager_id
      WHERE a.cycle_id = ${cycleId}::uuid AND a.rater_id <> a.manager_id
      GROUP BY a.manager_id`,
    teamCountRow,
  );
  if (teams.length === 0 || !teams.every((team) => team.open)) throw new ReminderRefusal("Reminders go out only for an open cycle.");
  await queueReminders(db, cycleId, origin, `manual-${clock.now().getTime()}`, (tx) => recordAudit(tx, viewer, { action: "cycle.remind", cycleId }));
  return reminderSummary(teams.map((team) => countWhileOpen(team.responded, team.invited)));
}
