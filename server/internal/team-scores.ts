import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { selectRows } from "@/db/raw";
import { cycles } from "@/db/schema";
import { resolveThresholds } from "@/lib/scoring";
import { encodeTeamsPool, subtreePools } from "@/lib/teams/pools";
import { encodeTeamScores, TEAM_SCORES_VERSION, teamScores } from "@/lib/teams/scores";
import { snapshotOrder } from "@/lib/teams/tree";
import { aggregateFromStatistics } from "@/lib/teams/summary";
import { statisticsArray, summaryStatistics } from "./teams-queries";

/** Teams written per statement: about two megabytes of JSON. */
const BATCH = 2_000;

const summaryRow = z.object({
  managerId: z.string(),
  reportsTo: z.string().nullable(),
  invited: z.int(),
  respondents: z.int(),
  stats: statisticsArray,
});

/**
 * Works out, for every team of one closed (or closing) cycle, what the heatmap shows of it
 * (lib/teams/scores) and its organisation-line pool of itself and every team below it
 * (lib/teams/pools), at the cycle's k, and stores both beside its statistics in
 * cycle_team_summaries, marked with that k and the version of the scoring; and with them
 * its place in the snapshot's pre-order (lib/teams/tree), by which the page finds the teams
 * below its viewer. The close calls it once the summaries are filled, raising a cycle's k
 * calls it again, and the teams page calls it for a cycle whose stored scores it finds
 * stale (closed before they were kept, or scored by an older version). Two at once do no
 * harm: both write the same numbers and places.
 */
export async function scoreCycleTeams(tx: Transaction, cycleId: string): Promise<void> {
  const [cycle] = await tx.select({ minRaters: cycles.minRaters }).from(cycles).where(eq(cycles.id, cycleId));
  if (!cycle) return;
  const thresholds = resolveThresholds({ k: cycle.minRaters ?? undefined });
  // In a fixed order, so that the places come out the same each time: scoring a cycle
  // again rewrites each place as it was, and no two teams ever hold one place on the way.
  const rows = await selectRows(
    tx,
    sql`SELECT s.manager_id AS "managerId", s.reports_to AS "reportsTo", s.invited, s.respondents, ${summaryStatistics("s")} AS stats
      FROM cycle_team_summaries s WHERE s.cycle_id = ${cycleId} ORDER BY s.manager_id`,
    summaryRow,
  );
  const teams = rows.map((row) => ({
    id: row.managerId,
    reportsTo: row.reportsTo,
    invited: row.invited,
    aggregate: aggregateFromStatistics(row.respondents, row.stats),
  }));
  const places = snapshotOrder(teams);
  const pools = subtreePools(teams, thresholds, places);
  for (let start = 0; start < teams.length; start += BATCH) {
    const scored = teams.slice(start, start + BATCH).map(({ id, aggregate }) => {
      const scores = teamScores(aggregate, thresholds);
      const { order, below } = places.get(id)!;
      return {
        manager_id: id,
        scores: scores && encodeTeamScores(scores),
        subtree_pool: encodeTeamsPool(pools.get(id)!),
        tree_order: order,
        teams_below: below,
      };
    });
    await tx.execute(sql`
      UPDATE cycle_team_summaries s
      SET scores = v.scores, subtree_pool = v.subtree_pool, tree_order = v.tree_order, teams_below = v.teams_below,
        scored_with_k = ${thresholds.k}, scoring_version = ${TEAM_SCORES_VERSION}
      FROM json_to_recordset(${JSON.stringify(scored)}::json) AS v(manager_id uuid, scores float8[], subtree_pool float8[], tree_order int, teams_below int)
      WHERE s.cycle_id = ${cycleId} AND s.manager_id = v.manager_id`);
  }
}
