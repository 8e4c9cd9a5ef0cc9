import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWhileOpen, EXACT_WHILE_LEFT, responseCountText } from "@/lib/response-count";

/** A team's size (N) and how many of it have answered so far (n ≤ N). */
const progress = fc.integer({ min: 0, max: 60 }).chain((invited) => fc.tuple(fc.integer({ min: 0, max: invited }), fc.constant(invited)));

describe("countWhileOpen", () => {
  it("is exact while at least three raters are left", () => {
    expect(EXACT_WHILE_LEFT).toBe(3);
    fc.assert(
      fc.property(progress, ([responded, invited]) => {
        fc.pre(invited - responded >= EXACT_WHILE_LEFT);
        expect(countWhileOpen(responded, invited)).toEqual({ invited, responded, atLeast: false });
      }),
    );
  });

  it("shows N − 2 or more once fewer than three are left, whoever of the last two has answered", () => {
    fc.assert(
      fc.property(progress, ([responded, invited]) => {
        fc.pre(invited - responded < EXACT_WHILE_LEFT);
        expect(countWhileOpen(responded, invited)).toEqual({ invited, responded: Math.max(invited - 2, 0), atLeast: true });
        // Every count from N − 2 to N reads the same: the last two cannot be told apart.
        for (let other = Math.max(invited - 2, 0); other <= invited; other++)
          expect(countWhileOpen(other, invited)).toEqual(countWhileOpen(responded, invited));
      }),
    );
  });

  it("never claims more answers than there are, never loses one, and never goes down as answers come in", () => {
    fc.assert(
      fc.property(progress, ([responded, invited]) => {
        const count = countWhileOpen(responded, invited);
        expect(count.invited).toBe(invited);
        expect(count.responded).toBeLessThanOrEqual(responded);
        expect(count.responded).toBeGreaterThanOrEqual(0);
        if (responded < invited) expect(countWhileOpen(responded + 1, invited).responded).toBeGreaterThanOrEqual(count.responded);
      }),
    );
  });

  it("gives teams of one or two no number at all", () => {
    for (const invited of [0, 1, 2]) {
      for (let responded = 0; responded <= invited; responded++) expect(countWhileOpen(responded, invited)).toEqual({ invited, responded: 0, atLeast: true });
    }
  });
});

describe("responseCountText", () => {
  it("reads as the product brief words it", () => {
    expect(responseCountText(countWhileOpen(3, 7))).toBe("3 of 7");
    expect(responseCountText(countWhileOpen(4, 7))).toBe("4 of 7");
    expect(responseCountText(countWhileOpen(5, 7))).toBe("5 or more of 7");
    expect(responseCountText(countWhileOpen(7, 7))).toBe("5 or more of 7");
    expect(responseCountText(countWhileOpen(0, 2))).toBe("0 to 2 of 2");
    expect(responseCountText(countWhileOpen(1, 1))).toBe("0 to 1 of 1");
  });

  it("says exactly what the count says, and the same for the last two raters", () => {
    fc.assert(
      fc.property(progress, ([responded, invited]) => {
        const count = countWhileOpen(responded, invited);
        const text = responseCountText(count);
        expect(text.endsWith(` of ${invited}`)).toBe(true);
        if (!count.atLeast) expect(text).toBe(`${responded} of ${invited}`);
        if (responded < invited && invited - responded <= EXACT_WHILE_LEFT - 1) expect(responseCountText(countWhileOpen(responded + 1, invited))).toBe(text);
      }),
    );
  });
});
