import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { loginFailures } from "@/db/schema";
import { clock } from "@/lib/clock";

export const THROTTLE_WINDOW_MINUTES = 15;
/** Failures allowed per account and per IP within the window; the next one is refused. */
export const THROTTLE_MAX_FAILURES = 10;

/**
 * "Forgot password?" requests allowed per email address within the window; the next one
 * is refused. Per client address, as many as sign-in failures. Each one emails a link, so fewer than sign-in attempts: enough for someone who
 * mistyped, too few to flood an inbox.
 */
export const RESET_MAX_PER_ADDRESS = 3;

export interface ThrottleSubjects {
  email: string;
  ip: string | null;
}

/** Sign-in failures and reset requests are counted apart, each per account and per address. */
const KINDS = {
  "sign-in": { account: "account", ip: "ip", max: { account: THROTTLE_MAX_FAILURES, ip: THROTTLE_MAX_FAILURES } },
  reset: { account: "reset_account", ip: "reset_ip", max: { account: RESET_MAX_PER_ADDRESS, ip: THROTTLE_MAX_FAILURES } },
} as const;

export type ThrottledAttempt = keyof typeof KINDS;

function subjectRows({ email, ip }: ThrottleSubjects, attempt: ThrottledAttempt) {
  const kinds = KINDS[attempt];
  return [
    { subjectKind: kinds.account, subject: email, max: kinds.max.account },
    ...(ip ? [{ subjectKind: kinds.ip, subject: ip, max: kinds.max.ip }] : []),
  ];
}

/**
 * Counts a sign-in attempt as a failure *before* the password is checked, then counts the
 * window. The insert commits before the count, so the n-th attempt to commit always sees
 * at least n rows: however many guesses race, even on other app instances, no more than
 * the limit get through. A successful attempt is forgiven afterwards. Every instance reads
 * the window from its own clock: clocks kept in step (NTP) agree to well within a second.
 */
export async function recordAttempt(db: Database, subjects: ThrottleSubjects, attempt: ThrottledAttempt = "sign-in") {
  const rows = subjectRows(subjects, attempt);
  const windowStart = new Date(clock.now().getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const inserted = await db
    .insert(loginFailures)
    .values(rows.map(({ subjectKind, subject }) => ({ subjectKind, subject })))
    .returning({ id: loginFailures.id });
  let throttled = false;
  for (const row of rows) {
    const bySubject = and(eq(loginFailures.subjectKind, row.subjectKind), eq(loginFailures.subject, row.subject));
    // Old rows are pruned per subject, which the index serves, instead of scanning the table.
    await db.delete(loginFailures).where(and(bySubject, lt(loginFailures.failedAt, windowStart)));
    const [counted] = await db
      .select({ failures: sql<number>`count(*)::int` })
      .from(loginFailures)
      .where(and(bySubject, gt(loginFailures.failedAt, windowStart)));
    if ((counted?.failures ?? 0) > row.max) throttled = true;
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
