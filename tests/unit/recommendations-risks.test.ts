import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { OVERALL_LOPSIDED_BALANCE, RISKS, risksFor } from "@/lib/recommendations";
import { aggregateResponses, type Scores, suppressTeam } from "@/lib/scoring";
import { response, responses } from "./support/builders";

function scoresOf(...args: Parameters<typeof responses>): Scores {
  const report = suppressTeam(aggregateResponses(responses(...args)));
  if (!report.shown) throw new Error("expected a shown report");
  return report;
}

const ids = (scores: Pick<Scores, "aspects" | "balance">) => risksFor(scores).map((r) => r.risk.id);

describe("risksFor", () => {
  it("shows nothing for a balanced profile", () => {
    expect(risksFor(scoresOf(3, { management: 4, leadership: 4 }))).toEqual([]);
  });

  it("shows every management-heavy risk when the whole profile leans that way", () => {
    const triggered = risksFor(scoresOf(3, { management: 5, leadership: 3 }));
    const expected = RISKS.filter((r) => r.lean === "management_heavy");
    expect(triggered.map((t) => t.risk)).toEqual(expected);
    for (const t of triggered) {
      expect(t.overall).toBe(true);
      expect(t.aspects).toEqual(ASPECT_KEYS.filter((key) => t.risk.aspects.includes(key)));
    }
  });

  it("shows every leadership-heavy risk when the whole profile leans that way", () => {
    const triggered = risksFor(scoresOf(3, { management: 2, leadership: 4 }));
    expect(triggered.map((t) => t.risk.lean)).toEqual(Array(5).fill("leadership_heavy"));
    expect(triggered.map((t) => t.risk.id)).toContain("misalignment");
  });

  it("shows only the risks tied to a single lopsided aspect", () => {
    const scores = scoresOf(3, { management: 4, leadership: 4 }, { adaptability: { management: 5, leadership: 3 } });
    expect(scores.balance.shown && scores.balance.value).toBeCloseTo(-0.5 / 7, 12);
    const byId = (id: string) => RISKS.find((r) => r.id === id);
    expect(risksFor(scores)).toEqual([
      { risk: byId("limited_innovation"), overall: false, aspects: ["adaptability"] },
      { risk: byId("rigidity"), overall: false, aspects: ["adaptability"] },
    ]);
  });

  it("shows risks of both leans when aspects pull different ways", () => {
    const scores = scoresOf(
      3,
      { management: 4, leadership: 4 },
      {
        motivation: { management: 5, leadership: 2 },
        decision_making: { management: 2, leadership: 5 },
      },
    );
    expect(scores.balance.shown && scores.balance.value).toBe(0);
    expect(ids(scores)).toEqual(["low_engagement", "weak_monitoring", "slow_subjective_decisions"]);
  });

  it("treats an overall balance of exactly −0.25 as strongly lopsided, and −0.24 as not", () => {
    expect(OVERALL_LOPSIDED_BALANCE).toBe(0.25);
    const base = scoresOf(3, { management: 4, leadership: 4 });
    const at = { ...base, balance: { shown: true, value: -0.25, aspects: 7, precision: null } } as const;
    const near = { ...base, balance: { shown: true, value: -0.24, aspects: 7, precision: null } } as const;
    expect(risksFor(at)).toHaveLength(5);
    expect(risksFor(near)).toEqual([]);
  });

  it("ignores hidden values", () => {
    const scores = suppressTeam(aggregateResponses([...responses(2, { management: 5, leadership: 1 }), response()]));
    if (!scores.shown) throw new Error("expected a shown report");
    expect(scores.balance.shown).toBe(false);
    expect(risksFor(scores)).toEqual([]);
  });
});
