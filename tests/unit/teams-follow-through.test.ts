import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Rating } from "@/lib/aspects";
import { DEFAULT_THRESHOLDS } from "@/lib/scoring";
import type { Moments } from "@/lib/scoring/stats";
import {
  commitmentsSentence,
  type CommitmentsInput,
  followThroughAbsence,
  followThroughCell,
  followThroughReason,
  NO_COMMITMENTS,
} from "@/lib/teams/follow-through";
import { k as kArbitrary, rating } from "./support/arbitraries";

/** The moments of one item's answers, "can't say" (null) left out. */
function momentsOf(answers: readonly (Rating | null)[]): Moments {
  const given = answers.filter((answer): answer is Rating => answer !== null);
  return { n: given.length, sum: given.reduce((a, b) => a + b, 0), sumOfSquares: given.reduce((a, b) => a + b * b, 0) };
}

const input = (...items: (readonly (Rating | null)[])[]): CommitmentsInput => ({ count: items.length, answers: items.map(momentsOf) });
const thresholds = DEFAULT_THRESHOLDS;

/** A team of 0–9 respondents, each answering (or not) each of the manager's 1–3 commitments. */
const team = fc.integer({ min: 0, max: 9 }).chain((respondents) =>
  fc.record({
    respondents: fc.constant(respondents),
    items: fc.array(fc.array(rating, { minLength: respondents, maxLength: respondents }), { minLength: 1, maxLength: 3 }),
    k: kArbitrary,
  }),
);

describe("a team's follow-through", () => {
  it("is nothing at all when the manager made no commitment", () => {
    expect(followThroughCell(NO_COMMITMENTS, 8, thresholds)).toBeNull();
    expect(followThroughCell({ count: 0, answers: null }, 8, thresholds)).toBeNull();
  });

  it("is the mean of the shown items' means, with the smallest n among them and how many it covers", () => {
    const cell = followThroughCell(input([2, 2, 2, 2, 2], [4, 4, 5, null, null], [5, 4, null, null, null]), 5, thresholds);
    // The third item has 2 answers: left out, not merged into the others.
    expect(cell).toEqual({ shown: true, value: (2 + 13 / 3) / 2, n: 3, covered: 2 });
    expect(commitmentsSentence(3, cell, thresholds)).toBe(
      "3 commitments, 2 of them seen practised sometimes: 3.2 of 5 (n 3); the other has fewer than 3 answers.",
    );
    expect(followThroughReason(3, cell, thresholds)).toBe("Follow-through: covers 2 of 3 commitments; the other has fewer than 3 answers.");
  });

  it("covers every commitment when each has k answers", () => {
    const cell = followThroughCell(input([1, 2, 2, 3], [2, 2, 1, 3]), 4, thresholds);
    expect(cell).toEqual({ shown: true, value: 2, n: 4, covered: 2 });
    expect(commitmentsSentence(2, cell, thresholds)).toBe("2 commitments, seen practised rarely: 2.0 of 5 (n 4).");
    expect(followThroughReason(2, cell, thresholds)).toBeNull();
    const three = followThroughCell(input([4, 4, 4, null], [4, 4, null, null], [5, null, null, 4]), 4, thresholds);
    expect(commitmentsSentence(3, three, thresholds)).toBe(
      "3 commitments, 1 of them seen practised often: 4.0 of 5 (n 3); the other 2 have fewer than 3 answers.",
    );
  });

  it("says why it is hidden: a team below k, too few answers, or a cycle that did not ask", () => {
    const below = followThroughCell(input([5, 5]), 2, thresholds);
    expect(below).toEqual({ shown: false, reason: "team_below_threshold" });
    expect(commitmentsSentence(1, below, thresholds)).toBe("1 commitment. How often the team saw it practised: Not shown: fewer than 3 people answered.");
    const few = followThroughCell(input([5, 5, null, null], [null, 4, 4, null]), 4, thresholds);
    expect(few).toEqual({ shown: false, reason: "below_threshold" });
    expect(commitmentsSentence(2, few, thresholds)).toBe("2 commitments. How often the team saw them practised: Not shown: fewer than 3 answers.");
    expect(followThroughReason(2, few, thresholds)).toBe("Follow-through: Not shown: fewer than 3 answers.");
    const notAsked = followThroughCell({ count: 2, answers: null }, 6, thresholds);
    expect(notAsked).toEqual({ shown: false, reason: "not_asked" });
    expect(followThroughAbsence("not_asked", thresholds)).toBe("Not asked: this cycle opened before its survey asked about commitments.");
    // A team below k is below k, whatever the cycle asked.
    expect(followThroughCell({ count: 2, answers: null }, 2, thresholds)).toEqual({ shown: false, reason: "team_below_threshold" });
    expect(commitmentsSentence(0, null, thresholds)).toBe("No commitment.");
    expect(followThroughReason(0, null, thresholds)).toBeNull();
  });

  it("follows the cycle's k, never below 3", () => {
    const answers = input([4, 4, 4, 4], [3, 3, 3, 3, 3]);
    expect(followThroughCell(answers, 5, { k: 5 })).toEqual({ shown: true, value: 3, n: 5, covered: 1 });
    expect(followThroughCell(answers, 4, { k: 5 })).toEqual({ shown: false, reason: "team_below_threshold" });
    expect(followThroughCell(input([4, 4, 4]), 3, { k: 1 })).toMatchObject({ shown: true, n: 3 });
    expect(followThroughCell(input([4, 4]), 3, { k: 1 })).toEqual({ shown: false, reason: "below_threshold" });
  });

  describe("properties", () => {
    it("never carries a number for a team below k", () => {
      fc.assert(
        fc.property(team, ({ respondents, items, k }) => {
          fc.pre(respondents < k);
          const cell = followThroughCell(input(...items), respondents, { k });
          expect(cell).toEqual({ shown: false, reason: "team_below_threshold" });
          expect(Object.values(cell!).some((value) => typeof value === "number")).toBe(false);
        }),
      );
    });

    it("when shown, lies on the scale, rests on at least k answers per item, and covers only the items with k answers", () => {
      fc.assert(
        fc.property(team, ({ respondents, items, k }) => {
          const cell = followThroughCell(input(...items), respondents, { k });
          const kept = items.map(momentsOf).filter((moments) => moments.n >= k);
          if (respondents < k || kept.length === 0) {
            expect(cell?.shown).toBe(false);
            expect(cell?.value).toBeUndefined();
            expect(cell?.n).toBeUndefined();
            return;
          }
          if (!cell?.shown) return expect.fail("expected a shown follow-through");
          expect(cell.value).toBeGreaterThanOrEqual(1);
          expect(cell.value).toBeLessThanOrEqual(5);
          expect(cell.n).toBeGreaterThanOrEqual(k);
          expect(cell.n).toBeLessThanOrEqual(respondents);
          expect(cell.covered).toBe(kept.length);
          expect(cell.covered).toBeLessThanOrEqual(items.length);
          // Computed apart: the plain mean of each kept item's mean.
          expect(cell.value).toBeCloseTo(kept.reduce((total, moments) => total + moments.sum / moments.n, 0) / kept.length, 12);
          expect(cell.n).toBe(Math.min(...kept.map((moments) => moments.n)));
        }),
      );
    });

    it("is the same whatever an item below k holds: a hidden item is left out, never merged", () => {
      fc.assert(
        fc.property(team, fc.array(rating, { maxLength: 9 }), ({ respondents, items, k }, other) => {
          const hidden = momentsOf(other.slice(0, Math.min(respondents, k - 1)));
          const before = followThroughCell(input(...items), respondents, { k });
          const after = followThroughCell({ count: items.length + 1, answers: [...items.map(momentsOf), hidden] }, respondents, { k });
          if (before?.shown) expect(after).toEqual({ ...before });
          else if (before?.reason === "team_below_threshold") expect(after).toEqual(before);
          else expect(after).toEqual({ shown: false, reason: "below_threshold" });
        }),
      );
    });
  });
});
