import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { aggregateResponses, EMPTY_MOMENTS, emptyAspects, hasText, nonEmpty } from "@/lib/scoring";
import { response, responses } from "./support/builders";

describe("aggregateResponses", () => {
  it("n = 0: no respondents, empty series, no comments", () => {
    const aggregate = aggregateResponses([]);
    expect(aggregate.respondents).toBe(0);
    expect(aggregate.comments).toEqual([]);
    for (const key of ASPECT_KEYS) {
      expect(aggregate.aspects[key]).toEqual({ management: EMPTY_MOMENTS, leadership: EMPTY_MOMENTS, need: EMPTY_MOMENTS, difference: EMPTY_MOMENTS });
    }
    expect(aggregate.raters).toEqual({ difference: EMPTY_MOMENTS, total: EMPTY_MOMENTS });
  });

  it("counts a rater who can't say anything as a participant who adds no data", () => {
    const aggregate = aggregateResponses([response(), response({ management: 4 })]);
    expect(aggregate.respondents).toBe(2);
    expect(aggregate.aspects.focus.management).toEqual({ n: 1, sum: 4, sumOfSquares: 16 });
    expect(aggregate.aspects.focus.leadership).toEqual(EMPTY_MOMENTS);
    expect(aggregate.aspects.focus.need).toEqual(EMPTY_MOMENTS);
  });

  it("keeps the poles, the need and each aspect apart", () => {
    const aggregate = aggregateResponses([
      response({ management: 5, leadership: 2, need: 1 }, { motivation: { need: -2 } }),
      response({ management: 3, leadership: null, need: 2 }),
    ]);
    expect(aggregate.aspects.focus).toEqual({
      management: { n: 2, sum: 8, sumOfSquares: 34 },
      leadership: { n: 1, sum: 2, sumOfSquares: 4 },
      need: { n: 2, sum: 3, sumOfSquares: 5 },
      // Only the first rater rated both poles: L − M = −3.
      difference: { n: 1, sum: -3, sumOfSquares: 9 },
    });
    expect(aggregate.aspects.motivation.need).toEqual({ n: 2, sum: 0, sumOfSquares: 8 });
  });

  it("keeps each rater's own mean L − M and L + M, over the aspects they rated both poles of, in 1/420ths", () => {
    const aggregate = aggregateResponses([
      response({ management: 5, leadership: 2 }, { motivation: { management: 1, leadership: 5 } }),
      response({}, { focus: { management: 3, leadership: 4 } }),
      response({ management: 4 }),
    ]);
    // First rater: six aspects at −3 and one at +4, so a mean L − M of −14/7 = −2 (−840/420) and L + M of 48/7 (2880/420).
    // Second: one aspect, +1 and 7. The third rated no aspect on both poles and is left out.
    expect(aggregate.raters).toEqual({
      difference: { n: 2, sum: -840 + 420, sumOfSquares: 840 ** 2 + 420 ** 2 },
      total: { n: 2, sum: 2880 + 2940, sumOfSquares: 2880 ** 2 + 2940 ** 2 },
    });
  });

  it("keeps only comments with visible text", () => {
    const aggregate = aggregateResponses([response({}, {}, "Clear goals, thanks."), response({}, {}, "   "), response({}, {}, ""), ...responses(1)]);
    expect(aggregate.respondents).toBe(4);
    expect(aggregate.comments).toEqual(["Clear goals, thanks."]);
  });
});

describe("helpers", () => {
  it("nonEmpty drops can't-say answers only", () => {
    expect(nonEmpty([1, null, 0, null, -2])).toEqual([1, 0, -2]);
    expect(nonEmpty([null, null])).toEqual([]);
  });

  it("hasText needs a visible character", () => {
    expect(hasText(undefined)).toBe(false);
    expect(hasText(" \n\t")).toBe(false);
    expect(hasText(" ok ")).toBe(true);
  });

  it("emptyAspects gives every aspect an empty series", () => {
    const aspects = emptyAspects();
    expect(Object.keys(aspects)).toEqual([...ASPECT_KEYS]);
    expect(aspects.development.need).toEqual(EMPTY_MOMENTS);
  });
});
