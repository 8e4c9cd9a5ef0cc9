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
import { STORED_BALANCE } from "@/lib/teams/scores";
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
  /**
   * Once the cycle closed, the viewer's own team's summary, with the k and the version its
   * scores were worked out with (null while not worked out): a cycle's teams are all scored
   * at once (server/internal/team-scores), so these stand for every team below the viewer.
   */
  viewerSummary: z.object({ scoredWithK: z.int().nullable(), scoringVersion: z.int().nullable() }).nullable(),
});
export type CycleRow = z.infer<typeof cycleRow>;

/**
 * Every cycle that has opened, newest first, with whether the viewer had a team below
 * them in its snapshot: someone who rated the viewer and was rated in turn. Also the
 * cycle's k, frozen when it opened, and whether its teams' scores were worked out at that
 * k, so that the page needs no separate query for either.
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
      c.min_raters::int AS "minRaters",
      CASE WHEN v.manager_id IS NOT NULL THEN json_build_object('scoredWithK', v.scored_with_k, 'scoringVersion', v.scoring_version) END AS "viewerSummary"
    FROM cycles c
    LEFT JOIN cycle_team_summaries v ON v.cycle_id = c.id AND v.manager_id = ${viewerId}
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

/** A team below the viewer in a closed cycle's snapshot, with its stored scores. */
export const teamSummaryRow = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  invited: z.int(),
  respondents: z.int(),
  /** The team's stored scores, or null when it is below k. */
  scores: storedScores.nullable(),
  /** The team was below the viewer in the previous closed cycle's snapshot too. */
  hadPrevious: z.boolean(),
  /** That cycle's stored B of the team (lib/teams/scores STORED_BALANCE). */
  prevBalance: storedScores.nullable(),
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

/**
 * The range of places in one cycle's pre-order (lib/teams/tree) that the teams below the
 * viewer hold, as the bounds of a condition on `table`'s tree_order: no range, and so no
 * team, when the viewer led no team in the cycle.
 */
function belowViewer(table: string, viewerId: string, cycleId: string): SQL {
  const viewer = sql`FROM cycle_team_summaries v WHERE v.cycle_id = ${cycleId} AND v.manager_id = ${viewerId}`;
  const column = sql.raw(`${table}.tree_order`);
  return sql`${column} > (SELECT v.tree_order ${viewer}) AND ${column} <= (SELECT v.tree_order + v.teams_below ${viewer})`;
}

/**
 * Every team below the viewer in one closed cycle's snapshot, in pre-order, with its
 * stored scores; and, for the teams that were below the viewer in the previous closed
 * cycle's snapshot too, that cycle's stored B, for the change in B; and, for the teams
 * reporting to the viewer, their stored pools, which make the organisation line. The
 * current situation is the latest saved one. And how many commitments each manager made
 * after the report before this cycle, which its opening froze (counted here, so that the
 * page asks for their follow-through only for the managers who made some). Only for cycles
 * whose teams are scored (server/internal/team-scores): a team that is not has no place yet.
 *
 * One plan at every size. The teams below the viewer are one range of the index on
 * (cycle_id, tree_order), read in order; everything else about a team is one index probe
 * for it. The planner cannot know how many teams a range holds, and guesses a handful: given
 * joins to choose from, it joined 2,000 teams with the previous cycle's by comparing every
 * pair, 2.3 million comparisons (106 ms a statement, 37 ms now). The LIMIT keeps that
 * lookup a probe.
 */
export function teamsQuery(viewerId: string, cycleId: string, previousCycleId: string | null): SQL {
  // Without a previous cycle, an id no cycle has: its range then holds nobody.
  const before = previousCycleId ?? "00000000-0000-0000-0000-000000000000";
  return sql`
    SELECT s.manager_id AS id, p.name, s.reports_to AS "parentId", s.invited, s.respondents,
      array_to_json(s.scores) AS scores,
      ps.manager_id IS NOT NULL AS "hadPrevious",
      array_to_json(ps.scores[${STORED_BALANCE.from}:${STORED_BALANCE.to}]) AS "prevBalance",
      CASE WHEN s.reports_to = ${viewerId} THEN s.subtree_pool END AS "subtreePool",
      (SELECT array_to_string(t.situations, ',') FROM team_situations t
        WHERE t.manager_id = s.manager_id ORDER BY t.changed_at DESC, t.id DESC LIMIT 1) AS situations,
      (SELECT count(*)::int FROM commitments k WHERE k.frozen_in_cycle_id = s.cycle_id AND k.manager_id = s.manager_id) AS commitments
    FROM cycle_team_summaries s
    JOIN people p ON p.id = s.manager_id
    LEFT JOIN LATERAL (
      SELECT ps.manager_id, ps.scores FROM cycle_team_summaries ps
      WHERE ps.cycle_id = ${before} AND ps.manager_id = s.manager_id AND ${belowViewer("ps", viewerId, before)}
      LIMIT 1
    ) ps ON true
    WHERE s.cycle_id = ${cycleId} AND ${belowViewer("s", viewerId, cycleId)}
    ORDER BY s.tree_order`;
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
