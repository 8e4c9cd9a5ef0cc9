/**
 * A team's sufficient statistics as the database keeps them per closed cycle (see
 * cycle_team_summaries), read as one flat array of 63 numbers: for each series
 * (management, leadership, need) and each statistic (count, sum, sum of squares of the
 * non-empty answers), one number per aspect in the order of ASPECT_KEYS. This turns them
 * into the `TeamAggregate` that lib/scoring works from.
 */
import { ASPECT_KEYS, type AspectKey } from "../aspects";
import type { AspectAggregate, TeamAggregate } from "../scoring/aggregate";
import type { Moments } from "../scoring/stats";

export const SERIES = ["management", "leadership", "need"] as const;
export const STATISTICS_PER_ASPECT = SERIES.length * 3;

export function aggregateFromStatistics(respondents: number, stats: readonly number[]): TeamAggregate {
  const width = ASPECT_KEYS.length;
  if (stats.length !== STATISTICS_PER_ASPECT * width) {
    throw new RangeError(`Expected ${STATISTICS_PER_ASPECT * width} statistics, got ${stats.length}`);
  }
  // Plain loops: the teams page decodes thousands of these per request.
  const aspects = {} as Record<AspectKey, AspectAggregate>;
  for (let i = 0; i < width; i++) {
    const series: Moments[] = [];
    for (let s = 0; s < SERIES.length; s++) {
      const n = stats[s * 3 * width + i]!;
      const sum = stats[(s * 3 + 1) * width + i]!;
      const sumOfSquares = stats[(s * 3 + 2) * width + i]!;
      if (!Number.isFinite(n) || !Number.isFinite(sum) || !Number.isFinite(sumOfSquares)) throw new RangeError("Statistics must be numbers");
      series.push({ n, sum, sumOfSquares });
    }
    aspects[ASPECT_KEYS[i]!] = { management: series[0]!, leadership: series[1]!, need: series[2]! };
  }
  // Comments never leave the responses table for the teams page.
  return { respondents, aspects, comments: [] };
}
