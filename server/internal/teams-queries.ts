import "server-only";

/**
 * The SQL behind the teams page, as builders with no access check of their own: the data
 * access layer (server/dal/teams.ts) runs them for a viewer it has checked, and the
 * benchmark (bench/) times them on their own. Nothing here returns an answer: the teams
 * query reads the per-team sufficient statistics that closing a cycle stores in
 * cycle_team_summaries.
 */
import { type SQL, sql } from "drizzle-orm";
import { newestCycleFirst } from "@/server/internal/cycle-order";
import { SERIES } from "@/lib/teams/summary";
import { z } from "zod";

/** A cycle that has opened, with the viewer's access to it and its k. */
export const cycleRow = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(["open", "closed"]),
  opensOn: z.iso.date(),
  closesOn: z.iso.date(),
  /** The viewer had at least one team below them in this cycle's snapshot. */
  accessible: z.boolean(),
  minRaters: z.int().nullable(),
});
export type CycleRow = z.infer<typeof cycleRow>;

/**
 * Every cycle that has opened, newest first, with whether the viewer had a team below
 * them in its snapshot: someone who rated the viewer and was rated in turn. Also the
 * cycle's k, frozen when it opened, so that the page needs no separate query for it.
 */
export function cyclesQuery(viewerId: string): SQL {
  return sql`
    SELECT c.id, c.name, c.state::text AS state, c.opens_on::text AS "opensOn", c.closes_on::text AS "closesOn",
      EXISTS (
        SELECT 1 FROM cycle_assignments direct
        JOIN cycle_assignments below
          ON below.cycle_id = direct.cycle_id AND below.manager_id = direct.rater_id AND below.rater_id <> below.manager_id
        WHERE direct.cycle_id = c.id AND direct.manager_id = ${viewerId} AND direct.rater_id <> direct.manager_id
      ) AS accessible,
      c.min_raters::int AS "minRaters"
    FROM cycles c
    WHERE c.state <> 'draft'
    ORDER BY ${newestCycleFirst("c")}`;
}

/** The twelve statistics arrays of a summary row, in the order lib/teams/summary reads them. */
const STATISTICS = SERIES.flatMap((series) => ["n", "sum", "sum_of_squares"].map((stat) => `${series}_${stat}`));
/** Then the rater-level statistics, in the same order. */
const RATER_COLUMNS = ["rater_n", "rater_difference_sum", "rater_difference_sum_of_squares", "rater_total_sum", "rater_total_sum_of_squares"];

/**
 * A summary's statistics as one array: fetching one array of 89 numbers is much cheaper
 * for the driver than seventeen columns. Doubles, because the rater-level sums are kept
 * as doubles (whole numbers all the same, see db/schema.ts).
 */
export const summaryStatistics = (table: string) =>
  sql.raw(
    // A missing summary (an outer join's nulls) stays null rather than an array of nulls.
    `(CASE WHEN ${table}.manager_id IS NOT NULL THEN (${STATISTICS.map((column) => `${table}.${column}`).join(" || ")})::float8[] || ARRAY[${RATER_COLUMNS.map((column) => `${table}.${column}`).join(", ")}]::float8[] END)`,
  );

/**
 * A summary's statistics (see summaryStatistics): whole numbers. One loop checks them,
 * where `z.array(z.int())` ran zod's checks on each of the 89 numbers, about a sixth of the
 * teams page's data access at 2,000 teams (bench/README.md, "Cost curve").
 */
export const statisticsArray = z.custom<number[]>((value) => Array.isArray(value) && value.every(Number.isSafeInteger), "an array of whole numbers");

/** A team below the viewer in a closed cycle's snapshot, with its summary. */
export const teamSummaryRow = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  invited: z.int(),
  respondents: z.int(),
  /** The statistics of the summary, one after the other (see summaryStatistics). */
  stats: statisticsArray,
  /** The same team in the previous closed cycle, when it was below the viewer then too; else null. */
  prevRespondents: z.int().nullable(),
  prevStats: statisticsArray.nullable(),
  /** The team's current situations, comma-separated, or null when none was ever saved. */
  situations: z.string().nullable(),
  /** The manager's commitments this cycle's opening froze: those made after the report before it. */
  commitments: z.int(),
});
export type TeamSummaryRow = z.infer<typeof teamSummaryRow>;

/**
 * Every team below the viewer in one closed cycle's snapshot, found by walking the
 * snapshot down from the viewer (recursively, through the reports_to of the summaries),
 * with its statistics; and, for the teams that were below the viewer in the previous
 * closed cycle's snapshot too, that cycle's statistics, for the change in B. The current
 * situation is the latest saved one. And how many commitments each manager made after the
 * report before this cycle, which its opening froze (counted here, so that the page asks for
 * their follow-through only for the managers who made some).
 */
export function teamsQuery(viewerId: string, cycleId: string, previousCycleId: string | null): SQL {
  // Without a previous cycle, an id no cycle has: the `before` walk then finds nobody.
  const previous = previousCycleId ?? "00000000-0000-0000-0000-000000000000";
  return sql`
    WITH RECURSIVE below(manager_id) AS (
      SELECT s.manager_id FROM cycle_team_summaries s WHERE s.cycle_id = ${cycleId} AND s.reports_to = ${viewerId}
      UNION ALL
      SELECT s.manager_id FROM below b
        JOIN cycle_team_summaries s ON s.cycle_id = ${cycleId} AND s.reports_to = b.manager_id
    ),
    before(manager_id) AS (
      SELECT s.manager_id FROM cycle_team_summaries s WHERE s.cycle_id = ${previous} AND s.reports_to = ${viewerId}
      UNION ALL
      SELECT s.manager_id FROM before b
        JOIN cycle_team_summaries s ON s.cycle_id = ${previous} AND s.reports_to = b.manager_id
    ),
    situations AS (
      SELECT DISTINCT ON (t.manager_id) t.manager_id, t.situations
      FROM team_situations t
      WHERE t.manager_id IN (SELECT manager_id FROM below)
      ORDER BY t.manager_id, t.changed_at DESC, t.id DESC
    ),
    committed AS (
      SELECT k.manager_id, count(*)::int AS commitments
      FROM commitments k
      WHERE k.frozen_in_cycle_id = ${cycleId}
      GROUP BY k.manager_id
    )
    SELECT s.manager_id AS id, p.name, s.reports_to AS "parentId", s.invited, s.respondents,
      ${summaryStatistics("s")} AS stats, ps.respondents AS "prevRespondents", ${summaryStatistics("ps")} AS "prevStats",
      array_to_string(sit.situations, ',') AS situations, coalesce(ck.commitments, 0) AS commitments
    FROM below b
    JOIN cycle_team_summaries s ON s.cycle_id = ${cycleId} AND s.manager_id = b.manager_id
    JOIN people p ON p.id = s.manager_id
    LEFT JOIN before pb ON pb.manager_id = b.manager_id
    LEFT JOIN cycle_team_summaries ps ON ps.cycle_id = ${previous} AND ps.manager_id = pb.manager_id
    LEFT JOIN situations sit ON sit.manager_id = b.manager_id
    LEFT JOIN committed ck ON ck.manager_id = b.manager_id`;
}

/** A team below the viewer in an open cycle's snapshot: how many were invited and how many have answered. */
export const progressRow = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  invited: z.int(),
  responded: z.int(),
});
export type ProgressRow = z.infer<typeof progressRow>;

/**
 * While a cycle is open: for each team below the viewer in its snapshot, how many were
 * invited and how many have answered. Counts only.
 */
export function progressQuery(viewerId: string, cycleId: string): SQL {
  return sql`
    WITH RECURSIVE below(person_id, parent_id) AS (
      SELECT a.rater_id, a.manager_id FROM cycle_assignments a
        WHERE a.cycle_id = ${cycleId} AND a.manager_id = ${viewerId} AND a.rater_id <> a.manager_id
      UNION ALL
      SELECT a.rater_id, a.manager_id FROM below b
        JOIN cycle_assignments a ON a.cycle_id = ${cycleId} AND a.manager_id = b.person_id AND a.rater_id <> a.manager_id
    )
    SELECT m.id, m.name, b.parent_id AS "parentId",
      count(a.rater_id)::int AS invited, count(p.rater_id)::int AS responded
    FROM below b
    JOIN people m ON m.id = b.person_id
    JOIN cycle_assignments a ON a.cycle_id = ${cycleId} AND a.manager_id = b.person_id AND a.rater_id <> a.manager_id
    LEFT JOIN participations p ON p.cycle_id = a.cycle_id AND p.rater_id = a.rater_id AND p.manager_id = a.manager_id
    GROUP BY m.id, m.name, b.parent_id`;
}
