import "server-only";

/**
 * The person behind a session, read fresh on every request, and the end of their
 * sessions. Building blocks with no check of their own: loading a person by id is what
 * the session does once it has verified its token (server/dal/session.ts), and revoking
 * sessions is for sign-out, deactivation and a new password, through the checked entry
 * points in server/dal.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { selectRows } from "@/db/raw";
import { clock } from "@/lib/clock";

export interface Viewer {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  /** Has people reporting to them: they get a report of their own. */
  hasDirectReports: boolean;
  /** Has people below their direct reports: they can compare teams. */
  hasIndirectReports: boolean;
}

const viewerRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  hasDirectReports: z.boolean(),
  hasIndirectReports: z.boolean(),
}) satisfies z.ZodType<Viewer>;

/**
 * Loads the signed-in person fresh from the database, with their position in the
 * reporting tree. A deactivated or deleted person yields null, which ends their session
 * on this very request; so does a session signed in at or before the person's sessions were
 * last revoked (sign-out, deactivation, a new password), to the millisecond.
 * `signedInAtMs` is the session's sign-in time; tests of people alone omit it.
 */
export async function loadViewer(db: Database, personId: string, signedInAtMs = Number.MAX_SAFE_INTEGER): Promise<Viewer | null> {
  const [row] = await selectRows(
    db,
    sql`
      SELECT p.id, p.name, p.email, p.is_admin AS "isAdmin",
        EXISTS (SELECT 1 FROM people AS report WHERE report.reports_to = p.id AND report.is_active) AS "hasDirectReports",
        EXISTS (
          SELECT 1 FROM people AS report
          JOIN people AS report_of_report ON report_of_report.reports_to = report.id
          WHERE report.reports_to = p.id AND report.is_active AND report_of_report.is_active
        ) AS "hasIndirectReports"
      FROM people AS p
      WHERE p.id = ${personId} AND p.is_active
        AND (p.sessions_valid_from IS NULL OR floor(extract(epoch FROM p.sessions_valid_from) * 1000) < ${signedInAtMs})`,
    viewerRow,
  );
  return row ?? null;
}

/**
 * The instant of a revocation: a session counts again only if signed in after it (see
 * `loadViewer`). The clock's milliseconds are kept; one signed in within the same
 * millisecond signs in again, which errs on the safe side.
 */
export function revokedUntilNow(): Date {
  return clock.now();
}

/** Ends every session the person holds, wherever its cookie is: on sign-out, deactivation or a new password. */
export async function revokeSessions(db: Database, personId: string) {
  await db.execute(sql`UPDATE people SET sessions_valid_from = ${revokedUntilNow().toISOString()}::timestamptz WHERE id = ${personId}`);
}
