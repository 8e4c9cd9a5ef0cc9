import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { newestCyclesFirst } from "@/server/internal/cycle-order";
import type { Database } from "@/db/client";
import { cycleAssignments, cycles, participations } from "@/db/schema";
import { clock } from "@/lib/clock";
import { closeCycle, closeDueCycles } from "@/server/internal/cycles/close";
import { markOpen } from "@/server/internal/cycles/open";
import { takeSnapshot } from "@/server/internal/cycles/snapshot";
import type { CycleInput } from "@/lib/cycle-input";
import { overlapRefusal } from "@/lib/cycle-overlap";
import { recordAudit } from "@/server/internal/audit-log";
import { queueInvitations } from "@/server/internal/email/outbox";
import { mailTransport } from "@/server/mail";
import { ExpectedError, requireAdmin } from "./errors";
import { orgCount } from "@/lib/participation";
import { countWhileOpen } from "@/lib/response-count";
import { type TeamProgress, type TeamsMeetingK, teamsMeetingK } from "@/lib/teams-meeting-k";
import { scoreCycleTeams } from "@/server/internal/team-scores";
import type { ThresholdsInput } from "./settings";
import type { Viewer } from "./viewer";

/** A refusal the admin can act on; its message is safe to show. */
export class CycleRuleError extends ExpectedError {
  override name = "CycleRuleError";
}

/**
 * Another cycle is open and the admin did not say to run both. The page they came from may
 * not know it yet (it offers the choice only when it does), so it is read again.
 */
export class CycleOverlapError extends CycleRuleError {
  override name = "CycleOverlapError";
  override readonly stale = true;
}

// An arbitrary constant: the key of the advisory lock that makes openings take turns, so
// that two admins opening two drafts at once cannot both find no other cycle open (db/client.ts
// and server/internal/commitments.ts hold the other keys).
const OPENING_LOCK_KEY = 4_207_313;

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
 * cycle is open, as `countWhileOpen` lets anyone see it, with how many of its teams would
 * get results if it closed now (lib/teams-meeting-k: totals only, from the same rule).
 * Counts only.
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
      closedAt: cycles.closedAt,
      invited: sql<number>`(SELECT count(*)::int FROM cycle_assignments a WHERE a.cycle_id = ${thisCycle} AND a.rater_id <> a.manager_id)`,
      responded: sql<number>`(SELECT count(*)::int FROM participations p WHERE p.cycle_id = ${thisCycle})`,
      managers: sql<number>`(SELECT count(*)::int FROM cycle_assignments a WHERE a.cycle_id = ${thisCycle} AND a.rater_id = a.manager_id)`,
      selfAssessed: sql<number>`(SELECT count(*)::int FROM self_assessments s WHERE s.cycle_id = ${thisCycle})`,
      minRaters: cycles.minRaters,
      minCommenters: cycles.minCommenters,
    })
    .from(cycles)
    .orderBy(...newestCyclesFirst);
  const teams = await openTeamsProgress(
    db,
    rows.filter((cycle) => cycle.state === "open").map((cycle) => cycle.id),
  );
  return rows.map(({ invited, responded, ...cycle }) => ({
    ...cycle,
    // While open, the sum of the team counts as each is shown (lib/participation): an exact
    // total beside /admin/participation's team counts would give a nearly complete team's
    // exact count away by subtraction.
    responses:
      cycle.state === "open"
        ? orgCount((teams.get(cycle.id) ?? []).map((team) => countWhileOpen(team.responded, team.invited)))
        : orgCount([{ invited, responded, atLeast: false }]),
    teamsMeetingK: (cycle.state === "open" && cycle.minRaters !== null
      ? teamsMeetingK(teams.get(cycle.id) ?? [], cycle.minRaters)
      : null) satisfies TeamsMeetingK | null,
  }));
}

/** Per open cycle, each team of its snapshot: reps invited to rate the manager, and how many took part. Never leaves this module. */
async function openTeamsProgress(db: Database, cycleIds: readonly string[]): Promise<Map<string, TeamProgress[]>> {
  const byCycle = new Map<string, TeamProgress[]>();
  if (cycleIds.length === 0) return byCycle;
  const rows = await db
    .select({
      cycleId: cycleAssignments.cycleId,
      invited: sql<number>`count(*)::int`,
      responded: sql<number>`count(${participations.raterId})::int`,
    })
    .from(cycleAssignments)
    .leftJoin(
      participations,
      and(
        eq(participations.cycleId, cycleAssignments.cycleId),
        eq(participations.raterId, cycleAssignments.raterId),
        eq(participations.managerId, cycleAssignments.managerId),
      ),
    )
    .where(and(inArray(cycleAssignments.cycleId, [...cycleIds]), ne(cycleAssignments.raterId, cycleAssignments.managerId)))
    .groupBy(cycleAssignments.cycleId, cycleAssignments.managerId);
  for (const { cycleId, invited, responded } of rows) byCycle.set(cycleId, [...(byCycle.get(cycleId) ?? []), { invited, responded }]);
  return byCycle;
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

export interface OpenOptions {
  /** The admin said to run this cycle while another is open. Without it, one open cycle at a time. */
  allowOverlap?: boolean;
  /** The site's address for the invitations' links; with email on, opening queues one invitation per rater. */
  origin?: string;
}

/**
 * Opens a draft and, in the same transaction, takes its snapshot of who rates whom. One
 * cycle is open at a time (PRODUCT.md, "Running a cycle"), unless the admin explicitly
 * allows the overlap; then the audit entry names the cycles it overlaps. Openings take
 * turns through an advisory lock, so two at once cannot both find no other cycle open.
 * Cycles past their close date are closed first, as on every request that touches cycles.
 * Returns the names of the cycles it opened alongside.
 */
export async function openCycle(
  db: Database,
  viewer: Viewer,
  cycleId: string,
  { allowOverlap = false, origin }: OpenOptions = {},
): Promise<{ alongside: string[]; invited: boolean }> {
  requireAdmin(viewer, "open a cycle");
  await closeDueCycles(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${OPENING_LOCK_KEY})`);
    const [cycle] = await tx.select({ state: cycles.state, closesOn: cycles.closesOn }).from(cycles).where(eq(cycles.id, cycleId)).for("update");
    if (!cycle) throw new CycleRuleError("That cycle does not exist.");
    if (cycle.state !== "draft") throw new CycleRuleError("Only a draft cycle can be opened.");
    if (cycle.closesOn < clock.today()) throw new CycleRuleError("Its close date has passed: move the close date first.");
    const open = (
      await tx
        .select({ name: cycles.name })
        .from(cycles)
        .where(eq(cycles.state, "open"))
        .orderBy(...newestCyclesFirst)
    ).map((other) => other.name);
    if (open.length > 0 && !allowOverlap) {
      throw new CycleOverlapError(overlapRefusal(open));
    }
    await takeSnapshot(tx, cycleId);
    await markOpen(tx, cycleId);
    const invited = origin !== undefined && mailTransport() !== null && (await queueInvitations(tx, cycleId, origin)) > 0;
    await recordAudit(tx, viewer, { action: "cycle.open", cycleId, details: open.length > 0 ? { alongside: open } : {} });
    return { alongside: open, invited };
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
    // A closed cycle's teams are scored again at the new k, in the same transaction: no page reads them scored at the old one.
    if (cycle.state === "closed") await scoreCycleTeams(tx, cycleId);
    await recordAudit(tx, viewer, {
      action: "cycle.thresholds",
      cycleId,
      details: { from: { k: cycle.k, commentThreshold: cycle.commentThreshold }, to: input },
    });
  });
}

/**
 * Deletes a draft: it was never opened, so nobody was asked anything and nothing hangs on
 * it but its audit entries, which stay (with its name). Anything but a draft is refused here,
 * and by the database's cycle guard too. Returns the deleted draft's name.
 */
export async function deleteDraftCycle(db: Database, viewer: Viewer, cycleId: string): Promise<string> {
  requireAdmin(viewer, "delete a cycle");
  return db.transaction(async (tx) => {
    const [cycle] = await tx
      .select({ name: cycles.name, state: cycles.state, opensOn: cycles.opensOn, closesOn: cycles.closesOn })
      .from(cycles)
      .where(eq(cycles.id, cycleId))
      .for("update");
    if (!cycle) throw new CycleRuleError("That cycle does not exist any more.");
    if (cycle.state !== "draft") throw new CycleRuleError("Only a draft can be deleted: an opened cycle has a snapshot and answers.");
    await tx.delete(cycles).where(eq(cycles.id, cycleId));
    await recordAudit(tx, viewer, { action: "cycle.delete", cycleId, details: { name: cycle.name, opensOn: cycle.opensOn, closesOn: cycle.closesOn } });
    return cycle.name;
  });
}

/** Closes an open cycle now; with email on, `origin` is the address of the report links it sends. */
export async function closeCycleNow(db: Database, viewer: Viewer, cycleId: string, origin?: string) {
  requireAdmin(viewer, "close a cycle");
  const closed = await closeCycle(db, cycleId, {
    alsoInTransaction: (tx) => recordAudit(tx, viewer, { action: "cycle.close", cycleId }),
    origin,
  });
  if (!closed) throw new CycleRuleError("Only an open cycle can be closed.");
}
