/**
 * The organisation line pools every team below the viewer (lib/scoring `poolTeams`). A
 * viewer's teams are everyone below them in the cycle's snapshot, so their pool is the sum
 * of the pools of the subtrees of the people reporting to them. Each team's subtree pool,
 * itself and everyone below it, is worked out once per cycle and k (`subtreePools`) and
 * kept with its summary, so that the page sums a handful of pools instead of every team.
 */
import { addPools, EMPTY_POOL, type OrgPool, teamPool, type Thresholds } from "../scoring/suppression";
import type { TeamAggregate } from "../scoring/aggregate";
import { aggregateFromStatistics, statisticsOf, STATISTICS_PER_TEAM } from "./summary";
import { type SnapshotNode, snapshotOrder, type TreePlace } from "./tree";

/** A pool with the invitations of its included teams, which the organisation line counts. */
export interface TeamsPool extends OrgPool {
  readonly invited: number;
}

export const EMPTY_TEAMS_POOL: TeamsPool = { ...EMPTY_POOL, invited: 0 };

export function addTeamsPools(a: TeamsPool, b: TeamsPool): TeamsPool {
  return { ...addPools(a, b), invited: a.invited + b.invited };
}

/** A team of a cycle's snapshot: who its manager reports to there, how many were invited, and its statistics. */
export interface SnapshotTeam extends SnapshotNode {
  readonly invited: number;
  readonly aggregate: TeamAggregate;
}

/**
 * Each team's pool of itself and every team below it, by the snapshot's reports_to: the
 * teams its range covers in `snapshotOrder`, where a team in a loop (which the snapshot
 * never holds) pools only itself and what was reached below it. The caller that stores
 * the places too passes the ones it worked out.
 */
export function subtreePools(
  teams: readonly SnapshotTeam[],
  thresholds: Thresholds,
  places: ReadonlyMap<string, TreePlace> = snapshotOrder(teams),
): Map<string, TeamsPool> {
  const pools = new Map<string, TeamsPool>();
  for (const team of teams) {
    const pool = teamPool(team.aggregate, thresholds);
    pools.set(team.id, { ...pool, invited: pool.teamsIncluded > 0 ? team.invited : 0 });
  }
  // Backwards through the pre-order, every team comes after all the teams below it: its pool is complete when added to its parent's.
  const placed = [...places];
  for (let i = placed.length - 1; i >= 0; i--) {
    const [id, { reachedFrom }] = placed[i]!;
    if (reachedFrom !== null) pools.set(reachedFrom, addTeamsPools(pools.get(reachedFrom)!, pools.get(id)!));
  }
  return pools;
}

const COUNTS = 4;
/** Numbers in a stored pool: teams included and left out, invited, respondents, then the statistics. */
export const STORED_POOL_LENGTH = COUNTS + STATISTICS_PER_TEAM;

export function encodeTeamsPool(pool: TeamsPool): number[] {
  return [pool.teamsIncluded, pool.teamsLeftOut, pool.invited, pool.respondents, ...statisticsOf(pool)];
}

export function decodeTeamsPool(values: readonly number[]): TeamsPool {
  if (values.length !== STORED_POOL_LENGTH) throw new RangeError(`Expected ${STORED_POOL_LENGTH} numbers in a stored pool, got ${values.length}`);
  const [teamsIncluded, teamsLeftOut, invited, respondents] = values as [number, number, number, number];
  if (![teamsIncluded, teamsLeftOut, invited, respondents].every((count) => Number.isInteger(count) && count >= 0)) {
    throw new RangeError("A stored pool's counts must be whole numbers");
  }
  const { aspects, raters } = aggregateFromStatistics(respondents, values.slice(COUNTS));
  return { teamsIncluded, teamsLeftOut, invited, respondents, aspects, raters };
}
