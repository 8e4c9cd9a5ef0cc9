import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import { newestCyclesFirst } from "@/server/internal/cycle-order";
import { z } from "zod";
import type { Database } from "@/db/client";
import { selectRows } from "@/db/raw";
import { cycleAssignments, cycles, participations, people } from "@/db/schema";
import { closeDueCycles } from "@/server/internal/cycles/close";
import { requireAdmin } from "./errors";
import { countWhileOpen } from "@/lib/response-count";
import type { Viewer } from "./viewer";

/**
 * For each cycle the viewer was rated in: how many of their invited raters answered, as
 * `countWhileOpen` allows while the cycle is open. Counts only, never scores; the report
 * itself shows results once a cycle has closed.
 */
export async function ownResponseCounts(db: Database, viewer: Viewer) {
  const rows = await db
    .select({
      cycleId: cycles.id,
      cycleName: cycles.name,
      state: cycles.state,
      closesOn: cycles.closesOn,
      invited: count(cycleAssignments.raterId),
      responded: sql<number>`count(${participations.raterId})::int`,
    })
    .from(cycleAssignments)
    .innerJoin(cycles, eq(cycles.id, cycleAssignments.cycleId))
    .leftJoin(
      participations,
      and(
        eq(participations.cycleId, cycleAssignments.cycleId),
        eq(participations.raterId, cycleAssignments.raterId),
        eq(participations.managerId, cycleAssignments.managerId),
      ),
    )
    .where(and(eq(cycleAssignments.managerId, viewer.id), ne(cycleAssignments.raterId, viewer.id), ne(cycles.state, "draft")))
    .groupBy(cycles.id)
    .orderBy(...newestCyclesFirst);
  return rows.map(({ invited, responded, ...cycle }) => ({
    ...cycle,
    count: cycle.state === "open" ? countWhileOpen(responded, invited) : { invited, responded, atLeast: false },
  }));
}

/** A manager below the viewer, how far below, and how many active people report to them. */
const teamBelowRow = z.object({ id: z.string(), name: z.string(), depth: z.int(), teamSize: z.int() });

/** The managers below the viewer's direct reports, in today's tree, with the size of each team. */
export async function teamsBelow(db: Database, viewer: Viewer) {
  return selectRows(
    db,
    sql`
    WITH RECURSIVE below(id, depth) AS (
      SELECT id, 1 FROM ${people} WHERE reports_to = ${viewer.id} AND is_active
      UNION ALL
      SELECT p.id, below.depth + 1 FROM ${people} p JOIN below ON p.reports_to = below.id WHERE p.is_active
    )
    SELECT m.id, m.name, below.depth, count(r.id)::int AS "teamSize"
    FROM below
    JOIN ${people} m ON m.id = below.id
    JOIN ${people} r ON r.reports_to = m.id AND r.is_active
    GROUP BY m.id, m.name, below.depth
    ORDER BY below.depth, m.name`,
    teamBelowRow,
  );
}

/** Headline numbers for administrators. */
export async function adminOverview(db: Database, viewer: Viewer) {
  requireAdmin(viewer, "administration overview");
  const [peopleCounts] = await db
    .select({
      active: sql<number>`count(*) FILTER (WHERE ${people.isActive})::int`,
      inactive: sql<number>`count(*) FILTER (WHERE NOT ${people.isActive})::int`,
    })
    .from(people);
  const cycleCounts = await db.select({ state: cycles.state, total: count() }).from(cycles).groupBy(cycles.state);
  return {
    activePeople: peopleCounts?.active ?? 0,
    inactivePeople: peopleCounts?.inactive ?? 0,
    cycles: Object.fromEntries(cycleCounts.map((row) => [row.state, row.total])) as Partial<Record<"draft" | "open" | "closed", number>>,
  };
}

/** A team below the viewer in an open cycle's snapshot: who leads it, how many were invited and how many answered. */
const openTeamProgressRow = z.object({
  cycleName: z.string(),
  closesOn: z.iso.date(),
  managerId: z.string(),
  managerName: z.string(),
  invited: z.int(),
  responded: z.int(),
});

/**
 * While a cycle is open, how many of each team below the viewer have answered, from the
 * cycle's snapshot of the tree, as `countWhileOpen` allows. Counts only: scores exist once
 * the cycle has closed.
 */
export async function openCycleProgressBelow(db: Database, viewer: Viewer) {
  await closeDueCycles(db);
  const rows = await selectRows(
    db,
    sql`
      WITH RECURSIVE open_cycles AS (
        SELECT id, name, closes_on FROM cycles WHERE state = 'open'
      ), below(cycle_id, person_id) AS (
        SELECT a.cycle_id, a.rater_id FROM cycle_assignments a JOIN open_cycles c ON c.id = a.cycle_id
          WHERE a.manager_id = ${viewer.id} AND a.rater_id <> a.manager_id
        UNION
        SELECT a.cycle_id, a.rater_id FROM cycle_assignments a JOIN below b ON a.cycle_id = b.cycle_id AND a.manager_id = b.person_id
          WHERE a.rater_id <> a.manager_id
      )
      SELECT c.name AS "cycleName", c.closes_on::text AS "closesOn", m.id AS "managerId", m.name AS "managerName",
        count(a.rater_id)::int AS invited, count(p.rater_id)::int AS responded
      FROM below b
      JOIN open_cycles c ON c.id = b.cycle_id
      JOIN people m ON m.id = b.person_id
      JOIN cycle_assignments a ON a.cycle_id = b.cycle_id AND a.manager_id = b.person_id AND a.rater_id <> a.manager_id
      LEFT JOIN participations p ON p.cycle_id = a.cycle_id AND p.rater_id = a.rater_id AND p.manager_id = a.manager_id
      GROUP BY c.name, c.closes_on, m.id, m.name
      ORDER BY c.closes_on, m.name`,
    openTeamProgressRow,
  );
  return rows.map(({ invited, responded, ...team }) => ({ ...team, count: countWhileOpen(responded, invited) }));
}
