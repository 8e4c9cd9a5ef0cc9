import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { en } from "@/lib/instrument";
import {
  ACTIONS,
  developmentPlan,
  explainPick,
  prioritise,
  RANKING_DESCRIPTION,
  RANKING_WEIGHTS,
  rankAspects,
  rankingInputs,
  recommend,
} from "@/lib/recommendations";
import { aggregateResponses, type Scores, suppressTeam } from "@/lib/scoring";
import { response, responses } from "./support/builders";

describe("prioritise (hand-computed)", () => {
  it("Motivation M 4.3 / L 2.1, need +1.2, T 0 → more leading, priority 1.6", () => {
    const pick = prioritise({ aspect: "motivation", management: 4.3, leadership: 2.1, need: 1.2 }, 0);
    expect(pick.direction).toBe("more_leading");
    expect(pick.numbers.balance).toBeCloseTo(-0.55, 12);
    // pull = 1 × 1.2/2 + 0.5 × (0 − (−0.55)) = 0.875; weakness = (5 − 2.1)/4 = 0.725
    expect(pick.numbers.pull).toBeCloseTo(0.875, 12);
    expect(pick.numbers.weakness).toBeCloseTo(0.725, 12);
    expect(pick.numbers.priority).toBeCloseTo(1.6, 12);
    expect(pick.numbers).toMatchObject({ management: 4.3, leadership: 2.1, need: 1.2, target: 0 });
    expect(explainPick(pick)).toBe("Your team rates Motivation M 4.3 / L 2.1 and asks for more leading (+1.2).");
  });

  it("adds the situational target to the pull and to the sentence", () => {
    const pick = prioritise({ aspect: "motivation", management: 4.3, leadership: 2.1, need: 1.2 }, 0.2);
    expect(pick.numbers.pull).toBeCloseTo(0.975, 12);
    expect(pick.numbers.priority).toBeCloseTo(1.7, 12);
    expect(explainPick(pick)).toBe(
      "Your team rates Motivation M 4.3 / L 2.1 and asks for more leading (+1.2). The team's situation calls for a balance of +0.20; this aspect is at \u22120.55.",
    );
  });

  it("Focus M 3 / L 4.5, need −2 → more managing, priority 1.6875", () => {
    const pick = prioritise({ aspect: "focus", management: 3, leadership: 4.5, need: -2 }, 0);
    expect(pick.direction).toBe("more_managing");
    expect(pick.numbers.pull).toBeCloseTo(-1.1875, 12);
    expect(pick.numbers.weakness).toBe(0.5);
    expect(pick.numbers.priority).toBeCloseTo(1.6875, 12);
    expect(explainPick(pick)).toBe("Your team rates Focus M 3.0 / L 4.5 and asks for more managing (\u22122.0).");
  });

  it("both poles below 3 → build both, weakness from the average of the two", () => {
    const pick = prioritise({ aspect: "development", management: 2.5, leadership: 2, need: null }, 0);
    expect(pick.direction).toBe("build_both");
    expect(pick.numbers.pull).toBeCloseTo(0.0625, 12);
    expect(pick.numbers.weakness).toBeCloseTo(0.6875, 12);
    expect(pick.numbers.priority).toBeCloseTo(0.75, 12);
    expect(explainPick(pick, en)).toBe("Your team rates Development M 2.5 / L 2.0. Both are below 3, so build both.");
    // A pole of exactly 3 is not below 3.
    expect(prioritise({ aspect: "development", management: 3, leadership: 2, need: null }, 0).direction).toBe("more_leading");
  });

  it("with no pull, points toward the lower pole, and toward managing when they are equal", () => {
    const lowerLeading = prioritise({ aspect: "focus", management: 4, leadership: 3, need: 0 }, -0.25);
    expect(lowerLeading.numbers.pull).toBe(0);
    expect(lowerLeading).toMatchObject({ direction: "more_leading", numbers: { weakness: 0.5, priority: 0.5 } });
    const lowerManaging = prioritise({ aspect: "focus", management: 3, leadership: 4, need: 0 }, 0.25);
    expect(lowerManaging).toMatchObject({ direction: "more_managing", numbers: { pull: 0, weakness: 0.5 } });
    const equal = prioritise({ aspect: "focus", management: 4, leadership: 4, need: 0 }, 0);
    expect(equal).toMatchObject({ direction: "more_managing", numbers: { pull: 0, weakness: 0.25, priority: 0.25 } });
  });

  it("counts a hidden need as 0 and leaves it out of the sentence", () => {
    const pick = prioritise({ aspect: "adaptability", management: 4, leadership: 2, need: null }, 0);
    expect(pick.numbers.pull).toBeCloseTo(0.25, 12);
    expect(explainPick(pick)).toBe("Your team rates Adaptability M 4.0 / L 2.0.");
  });

  it("words a need that rounds to 0.0 as keeping the balance", () => {
    for (const need of [0.04, -0.04, 0]) {
      const pick = prioritise({ aspect: "focus", management: 4, leadership: 4, need }, 0);
      expect(explainPick(pick)).toBe("Your team rates Focus M 4.0 / L 4.0 and asks you to keep the balance (0.0).");
    }
  });
});

describe("rankAspects", () => {
  it("orders by priority, highest first", () => {
    const ranked = rankAspects(
      [
        { aspect: "focus", management: 4, leadership: 4, need: 0 },
        { aspect: "motivation", management: 4.3, leadership: 2.1, need: 1.2 },
        { aspect: "development", management: 2.5, leadership: 2, need: null },
      ],
      0,
    );
    expect(ranked.map((r) => r.aspect)).toEqual(["motivation", "development", "focus"]);
  });

  it("breaks ties by instrument order, whatever the input order", () => {
    const same = { management: 4, leadership: 3, need: 1 };
    const inputs = [
      { aspect: "development" as const, ...same },
      { aspect: "motivation" as const, ...same },
      { aspect: "focus" as const, ...same },
    ];
    expect(rankAspects(inputs, 0).map((r) => r.aspect)).toEqual(["focus", "motivation", "development"]);
    expect(rankAspects([...inputs].reverse(), 0)).toEqual(rankAspects(inputs, 0));
  });

  it("returns nothing for no inputs", () => {
    expect(rankAspects([], 0.5)).toEqual([]);
  });
});

function scores(...args: Parameters<typeof responses>): Scores {
  const report = suppressTeam(aggregateResponses(responses(...args)));
  if (!report.shown) throw new Error("expected a shown report");
  return report;
}

describe("rankingInputs", () => {
  it("takes aspects with both poles shown, and a hidden need as null", () => {
    const report = suppressTeam(
      aggregateResponses([
        ...responses(3, { management: 4, leadership: 3, need: 1 }, { focus: { leadership: null } }),
        response({ management: 4, leadership: 3, need: null }, { motivation: { need: 2 } }),
      ]),
      { k: 4 },
    );
    if (!report.shown) throw new Error("expected a shown report");
    const inputs = rankingInputs(report);
    expect(inputs.map((i) => i.aspect)).toEqual(ASPECT_KEYS.filter((key) => key !== "focus"));
    expect(inputs.find((i) => i.aspect === "motivation")).toEqual({
      aspect: "motivation",
      management: 4,
      leadership: 3,
      need: 1.25,
    });
    expect(inputs.find((i) => i.aspect === "development")?.need).toBeNull();
  });
});

describe("recommend and developmentPlan", () => {
  const report = scores(
    3,
    { management: 4, leadership: 4, need: 0 },
    {
      motivation: { management: 5, leadership: 2, need: 2 },
      communication: { management: 2, leadership: 2, need: 0 },
      adaptability: { management: 3, leadership: 5, need: -1 },
    },
  );

  it("picks the top three, each with its action, alternatives and sentence", () => {
    const picks = recommend(report, 0);
    expect(picks.map((p) => [p.rank, p.aspect, p.direction])).toEqual([
      [1, "motivation", "more_leading"],
      [2, "adaptability", "more_managing"],
      [3, "communication", "build_both"],
    ]);
    const [first] = picks;
    expect(first?.action).toBe(ACTIONS.motivation.more_leading[0]);
    expect(first?.alternatives).toEqual(ACTIONS.motivation.more_leading.slice(1));
    expect(first?.sentence).toBe("Your team rates Motivation M 5.0 / L 2.0 and asks for more leading (+2.0).");
  });

  it("returns as many picks as asked for, up to the aspects that can be ranked", () => {
    expect(recommend(report, 0, 0)).toEqual([]);
    expect(recommend(report, 0, 1)).toHaveLength(1);
    expect(recommend(report, 0, 10)).toHaveLength(7);
    expect(recommend(report, 0, -2)).toEqual([]);
  });

  it("bundles three actions with the profile's risks", () => {
    const plan = developmentPlan(report, 0);
    expect(plan.actions).toHaveLength(3);
    expect(plan.risks.map((r) => r.risk.id)).toEqual(["low_engagement", "less_structure"]);
  });
});

describe("RANKING_DESCRIPTION", () => {
  it("states the formula with the weights the code uses", () => {
    expect(RANKING_WEIGHTS).toEqual({ need: 1, target: 0.5, weakness: 1 });
    expect(RANKING_DESCRIPTION.formula).toBe("priority = |1 × need / 2 + 0.5 × (T − b)| + 1 × (5 − P) / 4");
    expect(RANKING_DESCRIPTION.steps.length).toBeGreaterThanOrEqual(5);
    expect(RANKING_DESCRIPTION.steps.join(" ")).toContain("×0.5");
  });
});
