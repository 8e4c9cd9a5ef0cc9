import { describe, expect, it } from "vitest";
import { SCORE_DEFINITIONS } from "@/lib/scoring";

describe("SCORE_DEFINITIONS", () => {
  it("describes every score once, with a formula and a description", () => {
    const keys = SCORE_DEFINITIONS.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([
      "pole_score",
      "cant_say",
      "spread",
      "balance",
      "overall_balance",
      "versatility",
      "lopsided",
      "team_need",
      "self_gap",
      "situational_target",
      "fit_gap",
      "change",
      "anonymity",
    ]);
    for (const d of SCORE_DEFINITIONS) {
      expect(d.name.length).toBeGreaterThan(0);
      expect(d.formula.length).toBeGreaterThan(0);
      expect(d.description.length).toBeGreaterThan(40);
    }
  });

  it("states the thresholds the code uses", () => {
    const byKey = Object.fromEntries(SCORE_DEFINITIONS.map((d) => [d.key, d]));
    expect(byKey.balance?.formula).toBe("b = (L − M) / 4, from −1 to +1");
    expect(byKey.lopsided?.formula).toBe("|L − M| ≥ 1");
    expect(byKey.self_gap?.formula).toContain("≥ +1");
    expect(byKey.anonymity?.formula).toContain("k = 3 by default, never below 3");
    expect(byKey.anonymity?.formula).toContain("at least 5 by default");
    expect(byKey.spread?.formula).toContain("cut at 1 and 5");
    expect(byKey.spread?.description).toContain("from 1.2 up the report says the team disagrees");
  });
});
