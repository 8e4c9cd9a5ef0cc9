import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RATINGS } from "@/lib/aspects";
import type { CommitmentInput } from "@/lib/commitment-fields";
import {
  committedPoles,
  followThroughOf,
  followThroughQuestion,
  type FollowThroughSeries,
  movedSentence,
  seenPhrase,
  seenSentence,
  seenWord,
} from "@/lib/follow-through";
import { ACTIONS } from "@/lib/recommendations";
import { aggregateResponses, momentsOf, suppressTeam } from "@/lib/scoring";
import { k } from "./support/arbitraries";
import { responses } from "./support/builders";

const library: CommitmentInput = { source: "library", actionId: ACTIONS.motivation.more_leading[0].id, aspect: "motivation", direction: "more_leading" };
const own: CommitmentInput = { source: "own", text: "Ask for one idea in every team meeting", aspect: "communication", direction: "more_leading" };

function series(commitment: CommitmentInput, answers: readonly (number | null)[], position = 1): FollowThroughSeries {
  return {
    position,
    commitment,
    sinceCycleId: "q2",
    sinceCycleName: "Q2 2026",
    moments: momentsOf(answers.filter((answer): answer is number => answer !== null)),
  };
}

/** A team's scores as the report has them, from `count` reps who all answered `leadership` on the leading side. */
function team(count: number, leadership: number, thresholds = { k: 3 }) {
  const report = suppressTeam(aggregateResponses(responses(count, { management: 3, leadership: leadership as 1, need: 0 })), thresholds);
  return report;
}

describe("the follow-through question", () => {
  it("asks about the library action in the words a rep can see", () => {
    expect(followThroughQuestion("Q2 2026", "Daniel", library)).toBe(
      `Since Q2 2026, how often have you seen Daniel ${ACTIONS.motivation.more_leading[0].seen}?`,
    );
  });

  it("quotes the manager's own words", () => {
    expect(seenPhrase(own)).toBe("practise what they committed to: “Ask for one idea in every team meeting”");
  });

  it("still asks about an action the library no longer has, without its words", () => {
    expect(followThroughQuestion("Q2 2026", "Grace", { ...library, actionId: "motivation.leading.retired" })).toBe(
      "Since Q2 2026, how often have you seen Grace practise what they committed to?",
    );
  });
});

describe("the committed poles", () => {
  it("are the side the direction moves toward, or both", () => {
    expect(committedPoles("more_leading")).toEqual(["leadership"]);
    expect(committedPoles("more_managing")).toEqual(["management"]);
    expect(committedPoles("build_both")).toEqual(["management", "leadership"]);
  });
});

describe("follow-through in a report", () => {
  it("shows each commitment's answers from k of them, with n, SD and an interval inside the scale", () => {
    const [item] = followThroughOf([series(library, [4, 5, 4, null])], team(4, 4), { k: 3 }, () => null);
    expect(item!.seen.shown).toBe(true);
    if (!item!.seen.shown) return;
    expect(item!.seen.n).toBe(3);
    expect(item!.seen.value).toBeCloseTo(13 / 3, 12);
    expect(item!.seen.sd).toBeGreaterThan(0);
    expect(item!.seen.ci.high).toBeLessThanOrEqual(5);
    expect(seenSentence(item!.seen, { k: 3 })).toBe("Your team saw it often (4.3 of 5).");
  });

  it("hides a commitment with fewer than k answers, and everything when the team is below k", () => {
    const [few] = followThroughOf([series(library, [4, 5, null, null])], team(4, 4), { k: 3 }, () => null);
    expect(few!.seen).toEqual({ shown: false, reason: "below_threshold" });
    expect(seenSentence(few!.seen, { k: 3 })).toBe("Not shown: fewer than 3 answers.");
    const [below] = followThroughOf([series(library, [4, 5])], team(2, 4), { k: 3 }, () => null);
    expect(below!.seen).toEqual({ shown: false, reason: "team_below_threshold" });
    expect(seenSentence(below!.seen, { k: 3 })).toBe("Not shown: fewer than 3 people answered.");
  });

  it("never carries a number when hidden, and stays on the scale when shown", () => {
    fc.assert(
      fc.property(
        k,
        fc.array(fc.option(fc.constantFrom(...RATINGS), { nil: null }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (threshold, answers, respondents) => {
          const [item] = followThroughOf([series(library, answers)], team(respondents, 4, { k: threshold }), { k: threshold }, () => null);
          if (item!.seen.shown) {
            expect(respondents).toBeGreaterThanOrEqual(threshold);
            expect(item!.seen.n).toBeGreaterThanOrEqual(threshold);
            expect(item!.seen.value).toBeGreaterThanOrEqual(1);
            expect(item!.seen.value).toBeLessThanOrEqual(5);
            expect(item!.seen.ci.low).toBeGreaterThanOrEqual(1);
            expect(item!.seen.ci.high).toBeLessThanOrEqual(5);
          } else {
            expect(Object.keys(item!.seen).sort()).toEqual(["reason", "shown"]);
          }
        },
      ),
    );
  });

  it("puts the commitments in list order, with the change on the committed pole since the report they answered", () => {
    const before = team(5, 2);
    const after = team(5, 4);
    const items = followThroughOf([series({ ...own, direction: "build_both" }, [3, 3, 3], 2), series(library, [4, 4, 5], 1)], after, { k: 3 }, (cycleId) =>
      cycleId === "q2" ? before : null,
    );
    expect(items.map((item) => item.position)).toEqual([1, 2]);
    expect(items[0]!.changes.map((moved) => moved.pole)).toEqual(["leadership"]);
    // Everyone moved from 2 to 4 on leading, everyone answering the same: a clear rise with no noise.
    expect(items[0]!.changes[0]!.change).toMatchObject({ value: 2, clear: true });
    expect(movedSentence(items[0]!, items[0]!.changes[0]!)).toMatch(/^Leading on Motivation since Q2 2026: \+2\.0, a clear rise/);
    expect(items[1]!.changes.map((moved) => moved.pole)).toEqual(["management", "leadership"]);
  });

  it("says why there is no change when the earlier report is not in view or hides the scores", () => {
    const [item] = followThroughOf([series(library, [4, 4, 4])], team(3, 4), { k: 3 }, () => null);
    expect(item!.changes).toEqual([{ pole: "leadership", change: null }]);
    expect(movedSentence(item!, item!.changes[0]!)).toBe("Leading on Motivation since Q2 2026: not shown, because one of the two cycles does not show it.");
    const [hidden] = followThroughOf([series(library, [4, 4, 4])], team(3, 4), { k: 3 }, () => team(2, 2));
    expect(hidden!.changes[0]!.change).toBeNull();
  });
});

describe("the scale's word for a mean", () => {
  it("is the nearest answer's", () => {
    expect(seenWord(1)).toBe("never");
    expect(seenWord(1.8)).toBe("rarely");
    expect(seenWord(3.8)).toBe("often");
    // The word goes with the number shown: 2.46 shows as 2.5, which is nearer "sometimes".
    expect(seenWord(2.46)).toBe("sometimes");
    expect(seenWord(2.44)).toBe("rarely");
    expect(seenWord(5)).toBe("always");
  });
});
