import { describe, expect, it } from "vitest";
import { debriefOverall, debriefRows } from "@/lib/report";
import { aggregateResponses, DEFAULT_THRESHOLDS, suppressTeam } from "@/lib/scoring";
import { response, responses } from "./support/builders";

function shownScores(...args: Parameters<typeof responses>) {
  const report = suppressTeam(aggregateResponses(responses(...args)));
  if (!report.shown) throw new Error("expected a shown team");
  return report;
}

describe("debriefRows", () => {
  it("gives each aspect's two scores with n and what the team asked for, in plain words", () => {
    const rows = debriefRows(shownScores(4, { management: 4, leadership: 2, need: 2 }, { focus: { need: -2 }, motivation: { need: 0 } }), DEFAULT_THRESHOLDS);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({ aspect: "focus", name: "Focus", managing: "4.0 of 5 (n 4)", leading: "2.0 of 5 (n 4)", asked: "More managing" });
    expect(rows.find((row) => row.aspect === "motivation")?.asked).toBe("The same balance");
    expect(rows.find((row) => row.aspect === "development")?.asked).toBe("More leading");
  });

  it("says why a value is hidden, and never shows a number below k", () => {
    const scores = suppressTeam(aggregateResponses([...responses(3, { management: 4, leadership: 3 }), response({ management: 4 }, { focus: { need: 1 } })]));
    if (!scores.shown) throw new Error("expected a shown team");
    const [focus] = debriefRows(scores, DEFAULT_THRESHOLDS);
    expect(focus).toMatchObject({ managing: "4.0 of 5 (n 4)", leading: "3.0 of 5 (n 3)", asked: "Not shown: fewer than 3 answers." });
  });
});

describe("debriefOverall", () => {
  it("says the lean in the manager's voice, and nothing without a balance", () => {
    expect(debriefOverall(shownScores(3, { management: 5, leadership: 2 }))).toMatch(/^Overall, you see me leaning toward managing/);
    expect(debriefOverall(shownScores(3, { management: 3, leadership: 3 }))).toBe("Overall, you see me balancing managing and leading.");
    expect(debriefOverall(shownScores(3, { management: 2, leadership: 5 }))).toMatch(/^Overall, you see me leaning toward leading/);
    expect(debriefOverall(shownScores(3, { management: 3 }))).toBeNull();
  });
});
