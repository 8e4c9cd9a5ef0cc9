import { describe, expect, it } from "vitest";
import { fitGap, situationalTarget } from "@/lib/scoring";
import { SITUATION_KEYS } from "@/lib/situations";

describe("situationalTarget", () => {
  it("is 0 when nothing is marked", () => {
    expect(situationalTarget([])).toBe(0);
  });

  it("is ±1 when only one side is marked", () => {
    expect(situationalTarget(["period_of_change"])).toBe(1);
    expect(situationalTarget(["large_team", "regulated_industry"])).toBe(-1);
  });

  it("is (#leadership − #management) / (#leadership + #management)", () => {
    expect(situationalTarget(["period_of_change", "innovation_essential", "large_team"])).toBeCloseTo(1 / 3, 12);
    expect(situationalTarget(["customer_relationships", "short_term_targets", "efficiency_priority", "clear_structure_needed"])).toBe(-0.5);
    expect(situationalTarget(SITUATION_KEYS)).toBe(0);
  });

  it("counts a situation marked twice once", () => {
    expect(situationalTarget(["competitive_market", "competitive_market", "large_team"])).toBe(0);
  });
});

describe("fitGap", () => {
  it("is B − T", () => {
    expect(fitGap(0.25, -0.5)).toBe(0.75);
    expect(fitGap(-0.25, 0)).toBe(-0.25);
    expect(fitGap(0.3, 0.3)).toBe(0);
  });
});
