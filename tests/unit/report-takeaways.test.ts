import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASPECT_KEYS, type AspectKey, type Rating } from "@/lib/aspects";
import { ACTIONS, developmentPlan } from "@/lib/recommendations";
import { actionAnchorId, keyTakeaways, statisticText, type Takeaway, TAKEAWAY_KINDS, type TakeawaysInput } from "@/lib/report";
import { aggregateResponses, type RaterResponse, type Scores, type SelfAspect, selfProfile, suppressTeam } from "@/lib/scoring";
import { type ReportVoice, reportVoice } from "@/lib/vocabulary";
import * as arb from "./support/arbitraries";
import { responses } from "./support/builders";

function scoresOf(raters: readonly RaterResponse[]): Scores {
  const report = suppressTeam(aggregateResponses(raters));
  if (!report.shown) throw new Error("expected a shown report");
  return report;
}

type SelfRatings = { management: Rating | null; leadership: Rating | null };

function selfOf(all: SelfRatings, overrides: Partial<Record<AspectKey, Partial<SelfRatings>>> = {}): Record<AspectKey, SelfAspect> {
  const aspects = Object.fromEntries(ASPECT_KEYS.map((key) => [key, { ...all, ...overrides[key] }]));
  return selfProfile({ aspects: aspects as Parameters<typeof selfProfile>[0]["aspects"] });
}

/** The manager reading their own report, and their director reading it. */
const OWN = reportVoice({ name: "Grace Kim", isViewer: true });
const DIRECTOR = reportVoice({ name: "Grace Kim", isViewer: false });

/** The takeaways as the report builds them: the plan ranks with T = 0 when no situation is marked. */
function takeawaysOf(scores: Scores, self: Record<AspectKey, SelfAspect> | null, target: number | null, voice: ReportVoice = OWN): Takeaway[] {
  return keyTakeaways({ scores, self, target, plan: developmentPlan(scores, target ?? 0), voice });
}

const byKind = (takeaways: readonly Takeaway[], kind: Takeaway["kind"]) => takeaways.find((takeaway) => takeaway.kind === kind);
const kinds = (takeaways: readonly Takeaway[]) => takeaways.map((takeaway) => takeaway.kind);

/** A sentence without the quoted action text, which is the library's own wording ("Block 30 minutes …"). */
function ownWords(takeaway: Takeaway, input: Pick<TakeawaysInput, "plan">): string {
  const action = input.plan.actions[0]?.action.text;
  return takeaway.kind === "focus" && action ? takeaway.sentence.replace(action, "") : takeaway.sentence;
}

const SYMBOL = /\b[BbTkMLn]\b/;

/**
 * A management-heavy team that asks for more leading: three raters see managing often and
 * leading rarely, a fourth a little less so. Communication's managing side is rated highest;
 * Motivation's leading side lowest.
 */
const managingTeam = scoresOf([
  ...responses(3, { management: 4, leadership: 2, need: 2 }, { communication: { management: 5 }, motivation: { leadership: 1 } }),
  ...responses(1, { management: 4, leadership: 3, need: 1 }, { communication: { management: 4 }, motivation: { leadership: 2 } }),
]);
/** Rates leading 4 everywhere but Motivation: 1.75 above the team on six aspects, a tie. */
const overRatingSelf = selfOf({ management: 4, leadership: 4 }, { motivation: { leadership: 2 } });

describe("keyTakeaways", () => {
  const takeaways = takeawaysOf(managingTeam, overRatingSelf, 1);

  it("gives all five takeaways, in the order of the issue", () => {
    expect(kinds(takeaways)).toEqual(["overall", "strength", "opportunity", "blind_spot", "focus"]);
  });

  it("says how the team sees the manager overall, against the situation, with B, versatility and T behind it", () => {
    expect(byKind(takeaways, "overall")).toEqual({
      kind: "overall",
      sentence: "Your team sees you leaning strongly toward managing, more than their situation calls for.",
      numbers: "Overall balance B \u22120.50, the mean of 7 of 7 aspects; versatility 3.1 of 5; situational target T +1.00, fit gap B \u2212 T \u22121.50",
    });
  });

  it("names the clearest strength in the instrument's words, with its score", () => {
    const strength = byKind(takeaways, "strength")!;
    expect(strength.sentence).toBe(
      "Your clearest strength is the managing side of Communication style (clear direction), the behaviour your team sees most often.",
    );
    const score = managingTeam.aspects.communication.management;
    if (!score.shown) throw new Error("expected a shown score");
    expect(strength.numbers).toBe(`Managing on Communication style: ${statisticText(score)}; the highest of 14 scores shown`);
    expect(strength.numbers).toBe(
      "Managing on Communication style: 4.8 (n 4, SD 0.5, 4.0\u20135.0, cut at the end of the scale); the highest of 14 scores shown",
    );
  });

  it("takes the biggest opportunity from the top-ranked recommendation, with why", () => {
    expect(byKind(takeaways, "opportunity")).toEqual({
      kind: "opportunity",
      sentence:
        "Your biggest opportunity is more of the leading side of Motivation (growth, recognition and purpose): your team asks for it, and so does their situation.",
      numbers:
        "Motivation: managing 4.0 (n 4, SD 0.0, everyone answered the same), leading 1.3 (n 4, SD 0.5, 1.0\u20132.0, cut at the end of the scale); balance b \u22120.69; team need +1.8 (n 4, SD 0.5, 1.0\u20132.0, cut at the end of the scale); situational target T +1.00",
    });
  });

  it("names the largest blind spot, the first in instrument order on a tie", () => {
    expect(byKind(takeaways, "blind_spot")).toEqual({
      kind: "blind_spot",
      sentence: "Your largest blind spot is the leading side of Focus (long-term vision): you rated it much higher than your team did.",
      numbers: "Leading on Focus: self 4, team 2.3 (n 4, SD 0.5, 1.5\u20133.0); self \u2212 team +1.8",
    });
  });

  it("suggests the top action as the focus, with the anchor of its card", () => {
    const action = ACTIONS.motivation.more_leading[0];
    expect(byKind(takeaways, "focus")).toEqual({
      kind: "focus",
      sentence: `Your suggested focus: ${action.text}`,
      numbers: "Ranked first of 3 suggested actions, for Motivation (more leading): priority 2.66, from pull +1.72 and weakness 0.94",
      actionAnchor: `action-${action.id}`,
    });
    expect(actionAnchorId(action.id)).toBe(`action-${action.id}`);
  });

  it("keeps numbers and symbols out of every sentence", () => {
    const input = { plan: developmentPlan(managingTeam, 1) };
    for (const takeaway of takeaways) {
      expect(ownWords(takeaway, input)).not.toMatch(/\d/);
      expect(takeaway.sentence).not.toMatch(SYMBOL);
      expect(takeaway.numbers).toMatch(/\d/);
    }
  });
});

describe("keyTakeaways read by a director", () => {
  it("says the same things about the manager by first name, with the same numbers", () => {
    const own = takeawaysOf(managingTeam, overRatingSelf, 1);
    const director = takeawaysOf(managingTeam, overRatingSelf, 1, DIRECTOR);
    expect(director.map((takeaway) => takeaway.sentence)).toEqual([
      "The team sees Grace leaning strongly toward managing, more than their situation calls for.",
      "Grace's clearest strength is the managing side of Communication style (clear direction), the behaviour the team sees most often.",
      "Grace's biggest opportunity is more of the leading side of Motivation (growth, recognition and purpose): the team asks for it, and so does their situation.",
      "Grace's largest blind spot is the leading side of Focus (long-term vision): Grace rated it much higher than the team did.",
      `Grace's suggested focus: ${ACTIONS.motivation.more_leading[0].text}`,
    ]);
    expect(director.map((takeaway) => takeaway.numbers)).toEqual(own.map((takeaway) => takeaway.numbers));
  });
});

describe("the overall takeaway", () => {
  const overall = (scores: Scores, target: number | null) => byKind(takeawaysOf(scores, null, target), "overall")!;

  it("leaves out the situation when none is marked", () => {
    const { sentence, numbers } = overall(managingTeam, null);
    expect(sentence).toBe("Your team sees you leaning strongly toward managing.");
    expect(numbers).toBe("Overall balance B \u22120.50, the mean of 7 of 7 aspects; versatility 3.1 of 5; no situation marked, so no target");
  });

  it("tells a mild lean from a strong one, and a lean the situation calls for from one that falls short of it", () => {
    // b = −0.125 everywhere: toward managing, not strongly.
    const mild = scoresOf([...responses(2, { management: 4, leadership: 3, need: 0 }), ...responses(2, { management: 4, leadership: 4, need: 0 })]);
    expect(overall(mild, null).sentence).toBe("Your team sees you leaning toward managing.");
    expect(overall(mild, -0.2).sentence).toBe("Your team sees you leaning toward managing, as their situation calls for.");
    expect(overall(mild, -1).sentence).toBe("Your team sees you leaning toward managing, less than their situation calls for.");
  });

  it("calls a balance a balance, and says which way the situation would move it", () => {
    const balanced = scoresOf(responses(3, { management: 4, leadership: 4, need: 0 }));
    expect(overall(balanced, 0).sentence).toBe(
      "Your team sees you balanced between managing and leading, as their situation calls for. They see plenty of both sides.",
    );
    expect(overall(balanced, 1).sentence).toBe(
      "Your team sees you balanced between managing and leading, where their situation calls for more leading. They see plenty of both sides.",
    );
    expect(overall(balanced, -0.5).sentence).toBe(
      "Your team sees you balanced between managing and leading, where their situation calls for more managing. They see plenty of both sides.",
    );
  });

  it("says when the team sees too little of either side", () => {
    const low = scoresOf([...responses(2, { management: 2, leadership: 2, need: 0 }), ...responses(2, { management: 2, leadership: 3, need: 0 })]);
    expect(overall(low, null).sentence).toBe("Your team sees you leaning toward leading. They see too little of either side.");
  });

  it("is left out when no aspect has a balance to show, and the list then starts with what there is", () => {
    // Only two raters rate leading: no leading score, so no balance, versatility or ranking.
    const scores = scoresOf([...responses(3, { management: 4, leadership: null, need: 1 }, { focus: { management: 5 } }), ...responses(2, { leadership: 5 })]);
    expect(scores.balance.shown).toBe(false);
    const takeaways = takeawaysOf(scores, selfOf({ management: 5, leadership: 5 }), 1);
    expect(kinds(takeaways)).toEqual(["strength", "blind_spot"]);
    expect(takeaways[0]!.sentence).toBe(
      "Your clearest strength is the managing side of Focus (day-to-day execution), the behaviour your team sees most often.",
    );
  });
});

describe("the strength", () => {
  it("goes to the first aspect in instrument order, managing before leading, on a tie", () => {
    const even = scoresOf(responses(3, { management: 4, leadership: 4, need: 0 }));
    expect(byKind(takeawaysOf(even, null, null), "strength")!.sentence).toBe(
      "Your clearest strength is the managing side of Focus (day-to-day execution), the behaviour your team sees most often.",
    );
    const leadingLater = scoresOf(responses(3, { management: 3, leadership: 3, need: 0 }, { development: { leadership: 5 }, adaptability: { leadership: 5 } }));
    expect(byKind(takeawaysOf(leadingLater, null, null), "strength")!.sentence).toMatch(
      /^Your clearest strength is the leading side of Adaptability \(change and improvement\)/,
    );
  });
});

describe("the opportunity", () => {
  it("says build both when both sides are low", () => {
    const low = scoresOf(responses(3, { management: 3, leadership: 3, need: 0 }, { conflict_resolution: { management: 2, leadership: 1 } }));
    expect(byKind(takeawaysOf(low, null, null), "opportunity")!.sentence).toBe(
      "Your biggest opportunity is Conflict resolution: your team sees too little of either side there, so build both.",
    );
  });

  it("falls back on the weaker side when neither the team nor a situation asks for it", () => {
    const scores = scoresOf(responses(3, { management: 4, leadership: 3, need: 0 }, { decision_making: { leadership: 2 } }));
    const takeaways = takeawaysOf(scores, null, null);
    expect(byKind(takeaways, "opportunity")).toMatchObject({
      sentence:
        "Your biggest opportunity is more of the leading side of Decision-making (judgement and the big picture): it is the side your team sees less of.",
      numbers:
        "Decision-making: managing 4.0 (n 3, SD 0.0, everyone answered the same), leading 2.0 (n 3, SD 0.0, everyone answered the same); balance b \u22120.50; team need 0.0 (n 3, SD 0.0, everyone answered the same)",
    });
  });

  it("names the situation alone when the team does not ask, and more managing when that is the pull", () => {
    const scores = scoresOf(responses(3, { management: 3, leadership: 4, need: 0 }, { motivation: { management: 2 } }));
    expect(byKind(takeawaysOf(scores, null, -1), "opportunity")!.sentence).toBe(
      "Your biggest opportunity is more of the managing side of Motivation (rewards and incentives): your team's situation calls for it.",
    );
  });

  it("says a change would help most when the pull and the weaker side disagree", () => {
    // Leading is the stronger side already (b +0.10), and the situation's pull toward it
    // (T +0.19) is too small to count as calling for more: the ranking still points there.
    const scores = scoresOf([...responses(3, { management: 4, leadership: 4, need: 0 }), ...responses(2, { management: 4, leadership: 5, need: 0 })]);
    expect(byKind(takeawaysOf(scores, null, 0.19), "opportunity")).toMatchObject({
      sentence: "Your biggest opportunity is more of the leading side of Focus (long-term vision): this is where a change would help most.",
    });
  });

  it("says when the team need is not shown", () => {
    const scores = scoresOf([...responses(3, { management: 4, leadership: 2, need: null }), ...responses(2, { need: 1 })]);
    expect(byKind(takeawaysOf(scores, null, null), "opportunity")).toMatchObject({
      sentence: "Your biggest opportunity is more of the leading side of Focus (long-term vision): it is the side your team sees less of.",
      numbers:
        "Focus: managing 4.0 (n 3, SD 0.0, everyone answered the same), leading 2.0 (n 3, SD 0.0, everyone answered the same); balance b \u22120.50; team need not shown",
    });
  });

  it("is left out, with the focus, when there is no recommendation", () => {
    const takeaways = keyTakeaways({ scores: managingTeam, self: overRatingSelf, target: 1, plan: { actions: [] }, voice: OWN });
    expect(kinds(takeaways)).toEqual(["overall", "strength", "blind_spot"]);
  });
});

describe("the blind spot", () => {
  it('is left out without a self-assessment, below the threshold, and for "can\'t say"', () => {
    expect(kinds(takeawaysOf(managingTeam, null, 1))).toEqual(["overall", "strength", "opportunity", "focus"]);
    // At most 0.75 above the team anywhere.
    const close = selfOf({ management: 4, leadership: 3 }, { motivation: { leadership: 2 } });
    expect(byKind(takeawaysOf(managingTeam, close, 1), "blind_spot")).toBeUndefined();
    const cantSay = selfOf({ management: null, leadership: null });
    expect(byKind(takeawaysOf(managingTeam, cantSay, 1), "blind_spot")).toBeUndefined();
  });

  it("takes the largest gap, wherever it is", () => {
    const self = selfOf({ management: 4, leadership: 3 }, { development: { leadership: 5 } });
    expect(byKind(takeawaysOf(managingTeam, self, 1), "blind_spot")).toMatchObject({
      sentence: "Your largest blind spot is the leading side of Development (individual strengths): you rated it much higher than your team did.",
      numbers: "Leading on Development: self 5, team 2.3 (n 4, SD 0.5, 1.5\u20133.0); self \u2212 team +2.8",
    });
  });
});

describe("the suggested focus", () => {
  it("quotes library actions, which carry no symbol", () => {
    for (const aspect of ASPECT_KEYS) {
      for (const action of Object.values(ACTIONS[aspect]).flat()) expect(action.text).not.toMatch(SYMBOL);
    }
  });
});

describe("keyTakeaways properties", () => {
  const rating = fc.option(fc.constantFrom<Rating>(1, 2, 3, 4, 5), { nil: null });
  const self = fc.option(
    fc.record(
      Object.fromEntries(ASPECT_KEYS.map((key) => [key, fc.record({ management: rating, leadership: rating })])) as Record<
        AspectKey,
        fc.Arbitrary<SelfRatings>
      >,
    ),
    { nil: null },
  );

  it("starts with the overall takeaway whenever a balance is shown, keeps the order, and never says more than five things", () => {
    fc.assert(
      fc.property(arb.team(9), self, fc.option(arb.target, { nil: null }), fc.boolean(), (raters, selfAnswers, target, own) => {
        const report = suppressTeam(aggregateResponses(raters));
        if (!report.shown) return;
        const input: TakeawaysInput = {
          scores: report,
          self: selfAnswers && selfProfile({ aspects: selfAnswers }),
          target,
          plan: developmentPlan(report, target ?? 0),
          voice: own ? OWN : DIRECTOR,
        };
        const takeaways = keyTakeaways(input);
        expect(takeaways.length).toBeLessThanOrEqual(5);
        if (report.balance.shown) expect(takeaways[0]?.kind).toBe("overall");
        else expect(kinds(takeaways)).not.toContain("overall");
        expect(kinds(takeaways)).toEqual(TAKEAWAY_KINDS.filter((kind) => kinds(takeaways).includes(kind)));
        for (const takeaway of takeaways) {
          expect(ownWords(takeaway, input)).not.toMatch(/\d/);
          expect(takeaway.sentence).not.toMatch(SYMBOL);
          expect(takeaway.numbers).not.toBe("");
          // The director reads about Grace, never "you".
          if (!own) expect(ownWords(takeaway, input)).not.toMatch(/\b(you|your)\b/i);
        }
        const focus = byKind(takeaways, "focus");
        const top = input.plan.actions[0];
        expect(focus?.actionAnchor).toBe(top && `action-${top.action.id}`);
        expect(byKind(takeaways, "opportunity") !== undefined).toBe(top !== undefined);
      }),
      { numRuns: 300 },
    );
  });
});
