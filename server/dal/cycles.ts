import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { newestCyclesFirst } from "@/server/internal/cycle-order";
import type { Database } from "@/db/client";
import { cycles } from "@/db/schema";
import { clock } from "@/lib/clock";
import { closeCycle, closeDueCycles } from "@/server/internal/cycles/close";
import { markOpen } from "@/server/internal/cycles/open";
import { takeSnapshot } from "@/server/internal/cycles/snapshot";
import type { CycleInput } from "@/lib/cycle-input";
import { recordAudit } from "@/server/internal/audit-log";
import { ExpectedError, requireAdmin } from "./errors";
import { countWhileOpen } from "@/lib/response-count";
import type { ThresholdsInput } from "./settings";
import type { Viewer } from "./viewer";

/** A refusal the admin can act on; its message is safe to show. */
export class CycleRuleError extends ExpectedError {
  override name = "CycleRuleError";
}

const UNIQUE_VIOLATION = "23505";
function isUniqueViolation(error: unknown) {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === UNIQUE_VIOLATION) return true;
  }
  return false;
}

// Drizzle leaves columns of a single-table select unqualified; subqueries need the table name.
const thisCycle = sql.raw(`"cycles"."id"`);

/**
 * Every cycle, newest first, with how many of the invited raters have answered: while a
 * cycle is open, as `countWhileOpen` lets anyone see it. Counts only.
 */
export async function listCycles(db: Database, viewer: Viewer) {
  requireAdmin(viewer, "list cycles");
  await closeDueCycles(db);
  const rows = await db
    .select({
      id: cycles.id,
      name: cycles.name,
      opensOn: cycles.opensOn,
      closesOn: cycles.closesOn,
      state: cycles.state,
      invited: sql<number>`(SELECT count(*)::int FROM cycle_assignments a WHERE a.cycle_id = ${thisCycle} AND a.rater_id <> a.manager_id)`,
      responded: sql<number>`(SELECT count(*)::int FROM participations p WHERE p.cycle_id = ${thisCycle})`,
      managers: sql<number>`(SELECT count(*)::int FROM cycle_assignments a WHERE a.cycle_id = ${thisCycle} AND a.rater_id = a.manager_id)`,
      selfAssessed: sql<number>`(SELECT count(*)::int FROM self_assessments s WHERE s.cycle_id = ${thisCycle})`,
      minRaters: cycles.minRaters,
      minCommenters: cycles.minCommenters,
    })
    .from(cycles)
    .orderBy(...newestCyclesFirst);
  return rows.map(({ invited, responded, ...cycle }) => ({
    ...cycle,
    responses: cycle.state === "open" ? countWhileOpen(responded, invited) : { invited, responded, atLeast: false },
  }));
}

export async function createCycle(db: Database, viewer: Viewer, input: CycleInput) {
  requireAdmin(viewer, "create a cycle");
  try {
    return await db.transaction(async (tx) => {
      const [cycle] = await tx.insert(cycles).values(input).returning({ id: cycles.id });
      await recordAudit(tx, viewer, { action: "cycle.create", cycleId: cycle!.id, details: { ...input } });
      return cycle!.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CycleRuleError("A cycle with this name already exists.");
    throw error;
  }
}

export async function updateDraftCycle(db: Database, viewer: Viewer, cycleId: string, input: CycleInput) {
  requireAdmin(viewer, "edit a cycle");
  try {
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(cycles)
        .set(input)
        .where(and(eq(cycles.id, cycleId), eq(cycles.state, "draft")))
        .returning({ id: cycles.id });
      if (updated.length === 0) throw new CycleRuleError("Only a draft cycle can be edited.");
      await recordAudit(tx, viewer, { action: "cycle.update", cycleId, details: { ...input } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CycleRuleError("A cycle with this name already exists.");
    throw error;
  }
}

/** Opens a draft and, in the same transaction, takes its snapshot of who rates whom. */
export async function openCycle(db: Database, viewer: Viewer, cycleId: string) {
  requireAdmin(viewer, "open a cycle");
  await db.transaction(async (tx) => {
    const [cycle] = await tx.select({ state: cycles.state, closesOn: cycles.closesOn }).from(cycles).where(eq(cycles.id, cycleId)).for("update");
    if (!cycle) throw new CycleRuleError("That cycle does not exist.");
    if (cycle.state !== "draft") throw new CycleRuleError("Only a draft cycle can be opened.");
    if (cycle.closesOn < clock.today()) throw new CycleRuleError("Its close date has passed: move the close date first.");
    await takeSnapshot(tx, cycleId);
    await markOpen(tx, cycleId);
    await recordAudit(tx, viewer, { action: "cycle.open", cycleId });
  });
}

/**
 * Raises the thresholds a cycle was opened with (PRODUCT.md: they may be raised afterwards,
 * never lowered; the database refuses a lowering too). Raising hides more; it never
 * reveals anything the old thresholds hid.
 */
export async function raiseCycleThresholds(db: Database, viewer: Viewer, cycleId: string, input: ThresholdsInput) {
  requireAdmin(viewer, "change a cycle's thresholds");
  await db.transaction(async (tx) => {
    const [cycle] = await tx
      .select({ state: cycles.state, k: cycles.minRaters, commentThreshold: cycles.minCommenters })
      .from(cycles)
      .where(eq(cycles.id, cycleId))
      .for("update");
    if (!cycle) throw new CycleRuleError("That cycle does not exist.");
    if (cycle.state === "draft" || cycle.k === null || cycle.commentThreshold === null) {
      throw new CycleRuleError("A draft takes the thresholds in force when it opens: change them in Settings.");
    }
    if (input.k < cycle.k || input.commentThreshold < cycle.commentThreshold) {
      throw new CycleRuleError(`Thresholds can be raised, never lowered: this cycle needs at least ${cycle.k} raters and ${cycle.commentThreshold} comments.`);
    }
    await tx.update(cycles).set({ minRaters: input.k, minCommenters: input.commentThreshold }).where(eq(cycles.id, cycleId));
    await recordAudit(tx, viewer, {
      action: "cycle.thresholds",
      cycleId,
      details: { from: { k: cycle.k, commentThreshold: cycle.commentThreshold }, to: input },
    });
  });
}

export async function closeCycleNow(db: Database, viewer: Viewer, cycleId: string) {
  requireAdmin(viewer, "close a cycle");
  const closed = await closeCycle(db, cycleId, {
    alsoInTransaction: (tx) => recordAudit(tx, viewer, { action: "cycle.close", cycleId }),
  });
  if (!closed) throw new CycleRuleError("Only an open cycle can be closed.");
}
