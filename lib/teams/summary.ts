/**
 * A team's sufficient statistics as the database keeps them per closed cycle (see
 * cycle_team_summaries), read as one flat array of numbers: for each series (management,
 * leadership, need, and L − M of the raters who rated both poles) and each statistic
 * (count, sum, sum of squares of the non-empty answers), one number per aspect in the
 * order of ASPECT_KEYS; then the rater-level statistics (count, sum and sum of squares of
 * each rater's mean L − M, sum and sum of squares of their mean L + M). This turns them
 * into the `TeamAggregate` that lib/scoring works from.
 */
import { ASPECT_KEYS, type AspectKey } from "../aspects";
import type { AspectAggregate, TeamAggregate } from "../scoring/aggregate";
import type { Moments } from "../scoring/stats";

export const SERIES = ["management", "leadership", "need", "difference"] as const;
export const STATISTICS_PER_ASPECT = SERIES.length * 3;
export const RATER_STATISTICS = 5;
export const STATISTICS_PER_TEAM = STATISTICS_PER_ASPECT * ASPECT_KEYS.length + RATER_STATISTICS;

export function aggregateFromStatistics(respondents: number, stats: readonly number[]): TeamAggregate {
  const width = ASPECT_KEYS.length;
  if (stats.length !== STATISTICS_PER_TEAM) throw new RangeError(`Expected ${STATISTICS_PER_TEAM} statistics, got ${stats.length}`);
  if (!stats.every(Number.isFinite)) throw new RangeError("Statistics must be numbers");
  // Plain loops: the teams page decodes thousands of these per request.
  const aspects = {} as Record<AspectKey, AspectAggregate>;
  for (let i = 0; i < width; i++) {
    const series: Moments[] = [];
    for (let s = 0; s < SERIES.length; s++) {
      series.push({ n: stats[s * 3 * width + i]!, sum: stats[(s * 3 + 1) * width + i]!, sumOfSquares: stats[(s * 3 + 2) * width + i]! });
    }
    aspects[ASPECT_KEYS[i]!] = { management: series[0]!, leadership: series[1]!, need: series[2]!, difference: series[3]! };
  }
  const [n, differenceSum, differenceSquares, totalSum, totalSquares] = stats.slice(STATISTICS_PER_ASPECT * width) as [number, number, number, number, number];
  const raters = { difference: { n, sum: differenceSum, sumOfSquares: differenceSquares }, total: { n, sum: totalSum, sumOfSquares: totalSquares } };
  // Comments never leave the responses table for the teams page.
  return { respondents, aspects, raters, comments: [] };
}

/** The inverse of `aggregateFromStatistics`: series and rater-level statistics as one flat array, in the same order. */
export function statisticsOf({ aspects, raters }: Pick<TeamAggregate, "aspects" | "raters">): number[] {
  const stats: number[] = [];
  for (const series of SERIES) {
    for (const stat of ["n", "sum", "sumOfSquares"] as const) for (const key of ASPECT_KEYS) stats.push(aspects[key][series][stat]);
  }
  const { difference, total } = raters;
  if (difference.n !== total.n) throw new RangeError("The rater-level series must count the same raters");
  stats.push(difference.n, difference.sum, difference.sumOfSquares, total.sum, total.sumOfSquares);
  return stats;
}
