import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SnapshotNode, snapshotOrder, type TreePlace } from "@/lib/teams/tree";

/** A random forest: each team reports to nobody, to someone outside the snapshot, or to a team that came before it. */
const forest = fc.array(fc.nat(), { minLength: 1, maxLength: 30 }).map((parents): SnapshotNode[] =>
  parents.map((parent, i) => ({
    id: `t${i}`,
    reportsTo: i === 0 || parent % 5 === 0 ? null : parent % 5 === 1 ? "outside" : `t${parent % i}`,
  })),
);

/** The same, where any team may report to any other, itself included: loops, which a snapshot never holds, but which must not break the walk. */
const tangle = fc
  .array(fc.nat(), { minLength: 1, maxLength: 30 })
  .map((parents): SnapshotNode[] => parents.map((parent, i) => ({ id: `t${i}`, reportsTo: `t${parent % parents.length}` })));

/** Every team below `id` by reports_to, walked apart from snapshotOrder. */
function below(teams: readonly SnapshotNode[], id: string): string[] {
  return teams.filter((team) => team.reportsTo === id).flatMap((team) => [team.id, ...below(teams, team.id)]);
}

/** The teams whose places lie in the range below `place`. */
function inRange(places: ReadonlyMap<string, TreePlace>, place: TreePlace): string[] {
  return [...places].filter(([, other]) => other.order > place.order && other.order <= place.order + place.below).map(([id]) => id);
}

describe("snapshotOrder", () => {
  it("gives every team its own place, in the map's order", () => {
    fc.assert(
      fc.property(fc.oneof(forest, tangle), (teams) => {
        const places = snapshotOrder(teams);
        expect([...places.keys()].sort()).toEqual(teams.map((team) => team.id).sort());
        expect([...places.values()].map((place) => place.order)).toEqual(teams.map((_, i) => i));
      }),
    );
  });

  it("puts exactly the teams below a team in the range after its place", () => {
    fc.assert(
      fc.property(forest, (teams) => {
        const places = snapshotOrder(teams);
        for (const team of teams) {
          const place = places.get(team.id)!;
          expect(inRange(places, place).sort()).toEqual(below(teams, team.id).sort());
          expect(place.reachedFrom).toBe(team.reportsTo === null || team.reportsTo === "outside" ? null : team.reportsTo);
        }
      }),
    );
  });

  it("ends on loops, with ranges that nest and hold what the walk reached from each team", () => {
    fc.assert(
      fc.property(tangle, (teams) => {
        const places = snapshotOrder(teams);
        const reached = (id: string): string[] => [...places].filter(([, place]) => place.reachedFrom === id).flatMap(([child]) => [child, ...reached(child)]);
        for (const [id, place] of places) {
          expect(inRange(places, place).sort()).toEqual(reached(id).sort());
          if (place.reachedFrom !== null) expect(teams.find((team) => team.id === id)?.reportsTo).toBe(place.reachedFrom);
        }
      }),
    );
  });

  it("walks a deep tree without running out of stack", () => {
    const depth = 100_000;
    const teams = Array.from({ length: depth }, (_, i): SnapshotNode => ({ id: `t${i}`, reportsTo: i === 0 ? null : `t${i - 1}` }));
    const places = snapshotOrder(teams);
    expect(places.get("t0")).toEqual({ order: 0, below: depth - 1, reachedFrom: null });
    expect(places.get(`t${depth - 1}`)).toEqual({ order: depth - 1, below: 0, reachedFrom: `t${depth - 2}` });
  });
});
