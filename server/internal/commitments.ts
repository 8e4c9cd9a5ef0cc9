import "server-only";
import { isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { commitments } from "@/db/schema";

// An arbitrary constant: the key of the advisory lock that orders changes to commitments
// against the opening of a cycle (db/client.ts holds the start-up lock's key).
const COMMITMENTS_LOCK_KEY = 4_207_312;

/**
 * Taken first by every transaction that changes a manager's commitments, shared: changes
 * run side by side, but never while a cycle is opening. A change that waited for an opening
 * then sees the newly opened cycle and is refused; an opening that waited for a change
 * then freezes what it wrote. Without it, a change made while a cycle opens could leave an
 * unfrozen commitment behind that the opening never saw.
 */
export async function lockCommitmentsForChange(tx: Transaction) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${COMMITMENTS_LOCK_KEY})`);
}

/**
 * Freezes every commitment not yet frozen, as the cycle `cycleId` opens, in the caller's
 * transaction and after the cycle's opening is written (the database checks that the
 * freezing cycle opened after each commitment's report). From then on they never change.
 */
export async function freezeCommitments(tx: Transaction, cycleId: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${COMMITMENTS_LOCK_KEY})`);
  await tx.update(commitments).set({ frozenInCycleId: cycleId }).where(isNull(commitments.frozenInCycleId));
}
