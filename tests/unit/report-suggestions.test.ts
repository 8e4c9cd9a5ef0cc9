import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScore } from "@/lib/format";
import { developmentPlan, type Recommendation } from "@/lib/recommendations";
import { suggestionNumbers, suggestionSentence } from "@/lib/report";
import { aggregateResponses, type RaterResponse, type Scores, suppressTeam } from "@/lib/scoring";
import { reportVoice } from "@/lib/vocabulary";
import * as arb from "./support/arbitraries";
import { responses } from "./support/builders";

const OWN = reportVoice({ name: "Grace Kim", isViewer: true });
const DIRECTOR = reportVoice({ name: "Grace Kim", isViewer: false });

function scoresOf(raters: readonly RaterResponse[]): Scores {
  const report = suppressTeam(aggregateResponses(raters));
  if (!report.shown) throw new Error("expected a shown report");
  return report;
}

/** The top pick of a plan ranked as the report ranks it: with T = 0 when no situation is marked. */
function topPick(scores: Scores, target: number | null): Recommendation {
  const [top] = developmentPlan(scores, target ?? 0).actions;
  if (!top) throw new Error("expected a recommendation");
  return top;
}

/** Managing 4, leading 2 on Motivation and 3 elsewhere; the team asks for more leading everywhere. */
const managingTeam = scoresOf(responses(4, { management: 4, leadership: 3, need: 2 }, { motivation: { leadership: 2 } }));

describe("suggestionSentence", () => {
  it("says why in words, with the team's ratings of the two sides", () => {
    const pick = topPick(managingTeam, 1);
    expect(pick.aspect).toBe("motivation");
    expect(suggestionSentence(pick, 1, OWN)).toBe(
      "Suggested because your team asks for more leading here, and so does their situation. Your team rates leading here 2.0 of 5, and managing 4.0.",
    );
    expect(suggestionSentence(pick, 1, DIRECTOR)).toBe(
      "Suggested because the team asks for more leading here, and so does their situation. The team rates leading here 2.0 of 5, and managing 4.0.",
    );
  });

  it("names the situation alone, the weaker side, or build both when that is the reason", () => {
    const calm = scoresOf(responses(3, { management: 3, leadership: 4, need: 0 }, { motivation: { management: 2 } }));
    expect(suggestionSentence(topPick(calm, -1), -1, OWN)).toBe(
      "Suggested because your team's situation calls for more managing here. Your team rates managing here 2.0 of 5, and leading 4.0.",
    );
    const unasked = scoresOf(responses(3, { management: 4, leadership: 3, need: 0 }, { decision_making: { leadership: 2 } }));
    expect(suggestionSentence(topPick(unasked, null), null, OWN)).toMatch(/^Suggested because it is the side your team sees less of\. /);
    const low = scoresOf(responses(3, { management: 3, leadership: 3, need: 0 }, { conflict_resolution: { management: 2, leadership: 1 } }));
    expect(suggestionSentence(topPick(low, null), null, OWN)).toBe(
      "Suggested because your team sees too little of either side here: they rate managing here 2.0 of 5, and leading 1.0.",
    );
  });
});

describe("suggestionNumbers", () => {
  it("names every number of the ranking with its symbol, its value and what it means", () => {
    const pick = topPick(managingTeam, 1);
    const numbers = suggestionNumbers(pick, 1);
    expect(numbers.map(({ name, value }) => [name, value])).toEqual([
      ["Managing M", "4.0"],
      ["Leading L", "2.0"],
      ["Balance b", "\u22120.50"],
      ["Team need", "+2.0"],
      ["Target T", "+1.00"],
      ["Pull", "+1.75"],
      ["Weakness", "0.75"],
      ["Priority", "2.50"],
    ]);
    expect(numbers.find((number) => number.name === "Balance b")?.meaning).toBe("(L \u2212 M) / 4, on a scale from \u22121 (managing) to +1 (leading)");
    expect(numbers.find((number) => number.name === "Weakness")?.meaning).toMatch(/^\(5 \u2212 P\) \/ 4, where P is leading, L: /);
    expect(suggestionNumbers(pick, null).find((number) => number.name === "Target T")?.value).toBe("no situation marked, counted as 0");
  });
});

describe("suggestions, for any team", () => {
  it("are sentences without symbols, quoting the ratings the numbers table shows", () => {
    fc.assert(
      fc.property(arb.team(9), fc.option(arb.target, { nil: null }), fc.boolean(), (raters, target, own) => {
        const report = suppressTeam(aggregateResponses(raters));
        if (!report.shown) return;
        for (const pick of developmentPlan(report, target ?? 0).actions) {
          const sentence = suggestionSentence(pick, target, own ? OWN : DIRECTOR);
          expect(sentence).toMatch(/^Suggested because /);
          expect(sentence).not.toMatch(/\b[BbTkML]\b|[=÷]|priority|pull|weakness/i);
          expect(sentence).toContain(formatScore(pick.numbers.management));
          expect(sentence).toContain(formatScore(pick.numbers.leadership));
          if (!own) expect(sentence).not.toMatch(/\b(you|your)\b/i);
          const table = suggestionNumbers(pick, target);
          expect(table.find((number) => number.name === "Managing M")?.value).toBe(formatScore(pick.numbers.management));
          expect(table.every((number) => number.meaning !== "" && number.value !== "")).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
