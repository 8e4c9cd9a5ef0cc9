import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { loginFailures } from "@/db/schema";
import { clock } from "@/lib/clock";

export const THROTTLE_WINDOW_MINUTES = 15;
/** Failures allowed per account and per IP within the window; the next one is refused. */
export const THROTTLE_MAX_FAILURES = 10;

export interface ThrottleSubjects {
  email: string;
  ip: string | null;
}


function subjectRows({ email, ip }: ThrottleSubjects) {
  return [
    { subjectKind: "account" as const, subject: email },
    ...(ip ? [{ subjectKind: "ip" as const, subject: ip }] : []),
  ];
}

/**
 * Counts a sign-in attempt as a failure *before* the password is checked, then counts the
 * window. The insert commits before the count, so the n-th attempt to commit always sees
 * at least n rows: however many guesses race, even on other app instances, no more than
 * the limit get through. A successful attempt is forgiven afterwards. Every instance reads
 * the window from its own clock: clocks kept in step (NTP) agree to well within a second.
 */
export async function recordAttempt(db: Database, subjects: ThrottleSubjects) {
  const rows = subjectRows(subjects);
  const windowStart = new Date(clock.now().getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const inserted = await db.insert(loginFailures).values(rows).returning({ id: loginFailures.id });
  let throttled = false;
  for (const row of rows) {
    const bySubject = and(eq(loginFailures.subjectKind, row.subjectKind), eq(loginFailures.subject, row.subject));
    // Old rows are pruned per subject, which the index serves, instead of scanning the table.
    await db.delete(loginFailures).where(and(bySubject, lt(loginFailures.failedAt, windowStart)));
    const [counted] = await db
      .select({ failures: sql<number>`count(*)::int` })
      .from(loginFailures)
      .where(and(bySubject, gt(loginFailures.failedAt, windowStart)));
    if ((counted?.failures ?? 0) > THROTTLE_MAX_FAILURES) throttled = true;
  }
  return { attemptIds: inserted.map((row) => row.id), throttled };
}

/** The password was right: this attempt and the account's earlier failures are forgotten. */
export async function forgiveAttempt(db: Database, attemptIds: number[], email: string) {
  await db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(inArray(loginFailures.id, attemptIds));
    await tx
      .delete(loginFailures)
      .where(and(eq(loginFailures.subjectKind, "account"), eq(loginFailures.subject, email)));
  });
}
