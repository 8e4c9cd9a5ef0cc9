import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateResponses, poolTeams, resolveThresholds, suppressOrg, suppressPool, type TeamAggregate } from "@/lib/scoring";
import { addTeamsPools, decodeTeamsPool, EMPTY_TEAMS_POOL, encodeTeamsPool, type SnapshotTeam, STORED_POOL_LENGTH, subtreePools } from "@/lib/teams/pools";
import { aggregateFromStatistics, statisticsOf } from "@/lib/teams/summary";
import * as arb from "./support/arbitraries";

/** A random tree of teams: each team reports to one that came before it, or to the viewer ("v"). */
const snapshot = fc.array(fc.tuple(arb.team(8), fc.integer({ min: 1, max: 12 }), fc.nat()), { minLength: 1, maxLength: 12 }).map((entries): SnapshotTeam[] =>
  entries.map(([answers, extra, parent], i) => {
    const aggregate = aggregateResponses(answers);
    return { id: `t${i}`, reportsTo: i === 0 || parent % 3 === 0 ? "v" : `t${parent % i}`, invited: aggregate.respondents + extra, aggregate };
  }),
);

/** Every team below `id`, walked apart from subtreePools. */
function below(teams: readonly SnapshotTeam[], id: string): SnapshotTeam[] {
  const direct = teams.filter((team) => team.reportsTo === id);
  return direct.flatMap((team) => [team, ...below(teams, team.id)]);
}

describe("subtreePools", () => {
  it("pool each team and everyone below it as poolTeams pools them, with the invitations of the included teams", () => {
    fc.assert(
      fc.property(snapshot, fc.integer({ min: 3, max: 6 }), (teams, k) => {
        const thresholds = resolveThresholds({ k });
        const pools = subtreePools(teams, thresholds);
        for (const team of teams) {
          const subtree = [team, ...below(teams, team.id)];
          const invited = subtree.filter((t) => t.aggregate.respondents >= thresholds.k).reduce((total, t) => total + t.invited, 0);
          expect(pools.get(team.id)).toEqual({
            ...poolTeams(
              subtree.map((t) => t.aggregate),
              thresholds,
            ),
            invited,
          });
        }
        // The viewer's line: the pools of the teams reporting to them, summed, score as suppressOrg scores every team below them.
        const line = teams.filter((team) => team.reportsTo === "v").reduce((sum, team) => addTeamsPools(sum, pools.get(team.id)!), EMPTY_TEAMS_POOL);
        expect(suppressPool(line, thresholds)).toEqual(
          suppressOrg(
            teams.map((team) => team.aggregate),
            thresholds,
          ),
        );
      }),
    );
  });

  it("end, with every team pooled, on a tree with a loop in it", () => {
    const aggregate = aggregateResponses([]);
    const teams: SnapshotTeam[] = [
      { id: "a", reportsTo: "b", invited: 1, aggregate },
      { id: "b", reportsTo: "a", invited: 1, aggregate },
      { id: "c", reportsTo: "a", invited: 1, aggregate },
    ];
    const pools = subtreePools(teams, resolveThresholds({}));
    expect([...pools.keys()].sort()).toEqual(["a", "b", "c"]);
    expect(pools.get("c")?.teamsLeftOut).toBe(1);
  });
});

describe("a stored pool", () => {
  it("reads back exactly as it was worked out", () => {
    fc.assert(
      fc.property(snapshot, (teams) => {
        for (const pool of subtreePools(teams, resolveThresholds({})).values()) {
          const stored = encodeTeamsPool(pool);
          expect(stored).toHaveLength(STORED_POOL_LENGTH);
          expect(decodeTeamsPool(stored)).toEqual(pool);
        }
      }),
    );
  });

  it("refuses counts that are not whole numbers, and a wrong length", () => {
    const stored = encodeTeamsPool({ ...poolTeams([aggregateResponses([])]), invited: 0 });
    expect(() => decodeTeamsPool(stored.slice(1))).toThrow(RangeError);
    expect(() => decodeTeamsPool([0.5, ...stored.slice(1)])).toThrow(RangeError);
    expect(() => decodeTeamsPool([-1, ...stored.slice(1)])).toThrow(RangeError);
  });
});

describe("statisticsOf", () => {
  it("is the inverse of aggregateFromStatistics", () => {
    fc.assert(
      fc.property(arb.team(12), (answers) => {
        const aggregate: TeamAggregate = { ...aggregateResponses(answers), comments: [] };
        expect(aggregateFromStatistics(aggregate.respondents, statisticsOf(aggregate))).toEqual(aggregate);
      }),
    );
  });
});
