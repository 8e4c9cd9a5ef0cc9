import "server-only";
import { and, asc, eq, gte, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { commitments, cycles } from "@/db/schema";
import type { CommitmentInput } from "@/lib/commitment-fields";
import type { Direction } from "@/lib/recommendations/library";

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

/** A commitment row as lib/commitments sees it: a library action, or the manager's own words. */
export function commitmentInputOf(row: {
  aspect: CommitmentInput["aspect"];
  direction: string;
  actionId: string | null;
  customText: string | null;
}): CommitmentInput {
  return row.actionId !== null
    ? { source: "library", actionId: row.actionId, aspect: row.aspect, direction: row.direction as Direction }
    : { source: "own", text: row.customText ?? "", aspect: row.aspect, direction: row.direction as Direction };
}

/** What a frozen commitment's question and follow-through need of its row: its place, what it is, and the report it answered. */
export const frozenCommitmentColumns = {
  managerId: commitments.managerId,
  position: commitments.position,
  aspect: commitments.aspect,
  direction: commitments.direction,
  actionId: commitments.actionId,
  customText: commitments.customText,
  sinceCycleId: commitments.cycleId,
};

/** A commitment that a cycle's opening froze: the next cycle asks the manager's reps about it. */
export interface FrozenCommitment {
  id: string;
  managerId: string;
  position: number;
  commitment: CommitmentInput;
  /** The closed cycle whose report it answered. */
  sinceCycleId: string;
  sinceCycleName: string;
}

/**
 * The commitments this cycle's opening froze, in list order: of one manager, or of all.
 * Unchecked: who may see them is the caller's to decide. A cycle sealed in format 1
 * (opened before follow-through came in) has no room for the answers, so it asks nothing.
 */
export async function frozenCommitments(db: Database | Transaction, cycleId: string, managerId?: string): Promise<FrozenCommitment[]> {
  const rows = await db
    .select({
      id: commitments.id,
      ...frozenCommitmentColumns,
      sinceCycleName: sql<string>`(SELECT name FROM cycles WHERE id = ${commitments.cycleId})`,
    })
    .from(commitments)
    .innerJoin(cycles, and(eq(cycles.id, commitments.frozenInCycleId), gte(cycles.sealedFormat, 2)))
    .where(and(eq(commitments.frozenInCycleId, cycleId), managerId === undefined ? undefined : eq(commitments.managerId, managerId)))
    .orderBy(asc(commitments.managerId), asc(commitments.position));
  return rows.map(({ id, managerId, position, sinceCycleId, sinceCycleName, ...row }) => ({
    id,
    managerId,
    position,
    commitment: commitmentInputOf(row),
    sinceCycleId,
    sinceCycleName,
  }));
}
