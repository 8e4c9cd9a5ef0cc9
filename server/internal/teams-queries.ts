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
import { STORED_BALANCE, TEAM_SCORES_VERSION } from "@/lib/teams/scores";
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
 * A summary's statistics (see summaryStatistics): whole numbers. One loop checks them:
 * `z.array(z.int())` runs zod's checks on each of the 89 numbers, which cost a sixth of the
 * teams page's data access at 2,000 teams when it read every team's statistics.
 */
export const statisticsArray = z.custom<number[]>((value) => Array.isArray(value) && value.every(Number.isSafeInteger), "an array of whole numbers");

/**
 * A team's stored scores (lib/teams/scores): numbers, `null` where hidden; `decodeTeamScores`
 * checks the rest. Read as JSON: postgres.js reads a NULL in a float8[] as NaN.
 */
const storedScores = z.custom<(number | null)[]>(
  (value) => Array.isArray(value) && value.every((item) => item === null || Number.isFinite(item)),
  "an array of numbers or nulls",
);

/** A cycle the teams query reads, with the k its scores must have been worked out with. */
export interface ScoredCycle {
  id: string;
  k: number;
}

/** A team below the viewer in a closed cycle's snapshot, with its stored scores. */
export const teamSummaryRow = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  invited: z.int(),
  respondents: z.int(),
  /** The team's stored scores (null when below k); only when `fresh`. */
  scores: storedScores.nullable(),
  /** The stored scores were worked out with the cycle's k and the current version of lib/teams/scores. */
  fresh: z.boolean(),
  /** The team was below the viewer in the previous closed cycle's snapshot too. */
  hadPrevious: z.boolean(),
  /** That cycle's stored B of the team (lib/teams/scores STORED_BALANCE), and whether it is fresh for that cycle's k. */
  prevBalance: storedScores.nullable(),
  prevFresh: z.boolean(),
  /**
   * For a team whose manager reports to the viewer, the organisation-line pool of it and
   * everything below it (lib/teams/pools): the viewer's line sums these. Null for the others.
   */
  subtreePool: statisticsArray.nullable(),
  /** The team's current situations, comma-separated, or null when none was ever saved. */
  situations: z.string().nullable(),
  /** The manager's commitments this cycle's opening froze: those made after the report before it. */
  commitments: z.int(),
});
export type TeamSummaryRow = z.infer<typeof teamSummaryRow>;

/** Every team below the viewer in one cycle's snapshot, found by walking the snapshot down through the reports_to of its summaries. */
function walkBelow(name: string, viewerId: string, cycleId: string): SQL {
  return sql`${sql.raw(name)}(manager_id) AS (
      SELECT s.manager_id FROM cycle_team_summaries s WHERE s.cycle_id = ${cycleId} AND s.reports_to = ${viewerId}
      UNION ALL
      SELECT s.manager_id FROM ${sql.raw(name)} b
        JOIN cycle_team_summaries s ON s.cycle_id = ${cycleId} AND s.reports_to = b.manager_id
    )`;
}

const freshFor = (table: string, k: number) =>
  sql`coalesce(${sql.raw(table)}.scored_with_k = ${k} AND ${sql.raw(table)}.scoring_version = ${TEAM_SCORES_VERSION}, false)`;

/**
 * Every team below the viewer in one closed cycle's snapshot, with its stored scores; and,
 * for the teams that were below the viewer in the previous closed cycle's snapshot too,
 * that cycle's stored B, for the change in B; and, for the teams reporting to the
 * viewer, their stored pools, which make the organisation line. Each with whether it was worked out
 * with its cycle's k and the current scoring (server/internal/team-scores works out the
 * rest). The current situation is the latest saved one. And how many commitments each
 * manager made after the report before this cycle, which its opening froze (counted here,
 * so that the page asks for their follow-through only for the managers who made some).
 */
export function teamsQuery(viewerId: string, cycle: ScoredCycle, previous: ScoredCycle | null): SQL {
  // Without a previous cycle, an id no cycle has: the `before` walk then finds nobody.
  const before = previous ?? { id: "00000000-0000-0000-0000-000000000000", k: cycle.k };
  return sql`
    WITH RECURSIVE ${walkBelow("below", viewerId, cycle.id)},
    ${walkBelow("before", viewerId, before.id)},
    situations AS (
      SELECT DISTINCT ON (t.manager_id) t.manager_id, t.situations
      FROM team_situations t
      WHERE t.manager_id IN (SELECT manager_id FROM below)
      ORDER BY t.manager_id, t.changed_at DESC, t.id DESC
    ),
    committed AS (
      SELECT k.manager_id, count(*)::int AS commitments
      FROM commitments k
      WHERE k.frozen_in_cycle_id = ${cycle.id}
      GROUP BY k.manager_id
    ),
    -- Apart, so that the other rows do not carry their pools (93 numbers each) through the joins.
    pools AS (
      SELECT s.manager_id, s.subtree_pool FROM cycle_team_summaries s WHERE s.cycle_id = ${cycle.id} AND s.reports_to = ${viewerId}
    )
    SELECT s.manager_id AS id, p.name, s.reports_to AS "parentId", s.invited, s.respondents,
      array_to_json(s.scores) AS scores, ${freshFor("s", cycle.k)} AS fresh,
      ps.manager_id IS NOT NULL AS "hadPrevious",
      array_to_json(ps.scores[${STORED_BALANCE.from}:${STORED_BALANCE.to}]) AS "prevBalance", ${freshFor("ps", before.k)} AS "prevFresh",
      pl.subtree_pool AS "subtreePool",
      array_to_string(sit.situations, ',') AS situations, coalesce(ck.commitments, 0) AS commitments
    FROM below b
    JOIN cycle_team_summaries s ON s.cycle_id = ${cycle.id} AND s.manager_id = b.manager_id
    JOIN people p ON p.id = s.manager_id
    LEFT JOIN before pb ON pb.manager_id = b.manager_id
    LEFT JOIN cycle_team_summaries ps ON ps.cycle_id = ${before.id} AND ps.manager_id = pb.manager_id
    LEFT JOIN situations sit ON sit.manager_id = b.manager_id
    LEFT JOIN committed ck ON ck.manager_id = b.manager_id
    LEFT JOIN pools pl ON pl.manager_id = b.manager_id`;
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
