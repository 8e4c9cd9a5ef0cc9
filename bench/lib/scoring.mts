import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectUncheckedRows } from "@/tests/support/raw";
import { developmentPlan } from "@/lib/recommendations";
import { DEFAULT_THRESHOLDS, suppressTeam } from "@/lib/scoring/suppression";
import { aggregateFromStatistics } from "@/lib/teams/summary";
import { summaryStatistics } from "@/server/internal/teams-queries";
import { summarise, time } from "./stats.mjs";
import type { Row } from "./types.mjs";

/**
 * lib/scoring and lib/recommendations on every team of every closed cycle: the anonymity
 * gate, the scores with their intervals, and the three actions with their risks, as a
 * report computes them, one team after another in this process. The statistics are read
 * once, before timing: this row is the domain code alone.
 */
export async function scoringRows(db: Database, section: string, runs: number, warmup: number): Promise<Row[]> {
  const teams = await selectUncheckedRows<{ respondents: number; stats: number[] }>(
    db,
    sql`SELECT respondents, ${summaryStatistics("s")} AS stats FROM cycle_team_summaries s`,
  );
  let shown = 0;
  const scoreAll = async () => {
    shown = 0;
    for (const team of teams) {
      const report = suppressTeam(aggregateFromStatistics(team.respondents, team.stats), DEFAULT_THRESHOLDS);
      if (!report.shown) continue;
      shown++;
      // No situation marked: a target of 0, the most common case.
      developmentPlan(report, 0);
    }
  };
  const timings = summarise(await time(scoreAll, Math.max(5, Math.ceil(runs / 10)), Math.min(warmup, 2)));
  return [
    {
      section,
      name: `scoring and actions, ${teams.length.toLocaleString("en")} teams × closed cycles`,
      value: timings.p50,
      unit: "ms",
      notes: `${((timings.p50 * 1000) / Math.max(1, teams.length)).toFixed(1)} µs a team; ${shown.toLocaleString("en")} above k; ${timings.runs} runs`,
    },
  ];
}
