import "server-only";
import { createHmac } from "node:crypto";
import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { loginFailures } from "@/db/schema";
import { clock } from "@/lib/clock";
import { authSecret } from "@/server/env";

export const THROTTLE_WINDOW_MINUTES = 15;
/** Failures allowed per account and per IP within the window; the next one is refused. */
export const THROTTLE_MAX_FAILURES = 10;

/**
 * "Forgot password?" requests allowed per email address within the window; the next one
 * is refused. Each one emails a link, so fewer than sign-in failures: enough for someone
 * who mistyped, too few to flood an inbox. Per client address, as many as sign-in failures.
 */
export const RESET_MAX_PER_ADDRESS = 3;

export interface ThrottleSubjects {
  /** The account the attempt names; null when it names none (a sign-in link). */
  email: string | null;
  ip: string | null;
}

/**
 * Sign-in failures and reset requests are counted apart, each per account and per address.
 * Sign-in links that do not work (unknown, used, voided or expired) are counted per address
 * only: such a link names no account.
 */
const KINDS = {
  "sign-in": { account: "account", ip: "ip", max: { account: THROTTLE_MAX_FAILURES, ip: THROTTLE_MAX_FAILURES } },
  reset: { account: "reset_account", ip: "reset_ip", max: { account: RESET_MAX_PER_ADDRESS, ip: THROTTLE_MAX_FAILURES } },
  link: { account: null, ip: "link_ip", max: { account: 0, ip: THROTTLE_MAX_FAILURES } },
} as const;

export type ThrottledAttempt = keyof typeof KINDS;

/**
 * What the table keeps of an email or an address: a keyed hash (HMAC-SHA-256 under the
 * app's AUTH_SECRET), enough to count attempts by it, and nothing someone reading the
 * table could turn back into the email, not even by hashing every address of the company.
 */
export function hashedSubject(text: string, secret = authSecret()): string {
  return createHmac("sha256", secret).update(`fulcrum throttle subject v1\0${text}`).digest("hex");
}

function subjectRows({ email, ip }: ThrottleSubjects, attempt: ThrottledAttempt) {
  const kinds = KINDS[attempt];
  return [
    ...(kinds.account && email !== null ? [{ subjectKind: kinds.account, subject: hashedSubject(email), max: kinds.max.account }] : []),
    ...(ip ? [{ subjectKind: kinds.ip, subject: hashedSubject(ip), max: kinds.max.ip }] : []),
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
  // Nothing to count it under (a link attempt with no address): nothing to record.
  if (rows.length === 0) return { attemptIds: [], throttled: false };
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
    await tx.delete(loginFailures).where(and(eq(loginFailures.subjectKind, "account"), eq(loginFailures.subject, hashedSubject(email))));
  });
}

/** How long an attempt is kept: the window it counts in, and a day to spare. */
export const ATTEMPTS_KEPT_MS = THROTTLE_WINDOW_MINUTES * 60_000 + 86_400_000;

/**
 * Deletes every attempt older than ATTEMPTS_KEPT_MS, whatever its subject: the table never
 * grows beyond what the throttles still count. Returns how many went. Run on a schedule
 * (./throttle-pruning.ts); recordAttempt prunes only the subjects it counts.
 */
export async function pruneLoginFailures(db: Database): Promise<number> {
  const pruned = await db
    .delete(loginFailures)
    .where(lt(loginFailures.failedAt, new Date(clock.now().getTime() - ATTEMPTS_KEPT_MS)))
    .returning({ id: loginFailures.id });
  return pruned.length;
}
