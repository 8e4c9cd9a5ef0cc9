import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { type Direction, type RankingInput, rankAspects } from "@/lib/recommendations";
import * as arb from "./support/arbitraries";

const inputs: fc.Arbitrary<RankingInput[]> = fc
  .tuple(
    ...ASPECT_KEYS.map((aspect) =>
      fc.record({
        aspect: fc.constant(aspect),
        management: arb.poleValue,
        leadership: arb.poleValue,
        need: fc.option(arb.needValue, { nil: null }),
      }),
    ),
  )
  .chain((all) => fc.subarray(all, { minLength: 1 }));

/** The position of the aspect's action in the given direction; Infinity when it has none. */
function rankOf(ranked: ReturnType<typeof rankAspects>, index: number, direction: Direction): number {
  const pick = ranked[index];
  return pick?.direction === direction ? index : Number.POSITIVE_INFINITY;
}

function positionOf(inputs: readonly RankingInput[], target: number, aspect: RankingInput["aspect"], direction: Direction) {
  const ranked = rankAspects(inputs, target);
  return rankOf(
    ranked,
    ranked.findIndex((r) => r.aspect === aspect),
    direction,
  );
}

describe("ranking properties", () => {
  it("moving the team's need toward a pole never lowers the rank of that aspect's action toward it", () => {
    fc.assert(
      fc.property(inputs, arb.target, fc.nat(), arb.needValue, arb.needValue, (list, target, which, a, b) => {
        const index = which % list.length;
        const [low, high] = a <= b ? [a, b] : [b, a];
        const withNeed = (need: number) => list.map((input, i) => (i === index ? { ...input, need } : input));
        const aspect = list[index]?.aspect ?? "focus";
        // Toward leading: need goes from low to high.
        expect(positionOf(withNeed(high), target, aspect, "more_leading")).toBeLessThanOrEqual(positionOf(withNeed(low), target, aspect, "more_leading"));
        // Toward managing: need goes from high to low.
        expect(positionOf(withNeed(low), target, aspect, "more_managing")).toBeLessThanOrEqual(positionOf(withNeed(high), target, aspect, "more_managing"));
      }),
    );
  });

  it("is deterministic and does not depend on the order of its inputs", () => {
    fc.assert(
      fc.property(inputs, arb.target, fc.nat(), (list, target, seed) => {
        const rotated = [...list.slice(seed % list.length), ...list.slice(0, seed % list.length)];
        expect(rankAspects(rotated, target)).toEqual(rankAspects(list, target));
      }),
    );
  });

  it("keeps every part of the priority within its documented range", () => {
    fc.assert(
      fc.property(inputs, arb.target, (list, target) => {
        for (const { numbers } of rankAspects(list, target)) {
          expect(Math.abs(numbers.balance)).toBeLessThanOrEqual(1);
          expect(Math.abs(numbers.pull)).toBeLessThanOrEqual(2);
          expect(numbers.weakness).toBeGreaterThanOrEqual(0);
          expect(numbers.weakness).toBeLessThanOrEqual(1);
          expect(numbers.priority).toBeCloseTo(Math.abs(numbers.pull) + numbers.weakness, 12);
        }
      }),
    );
  });
});
