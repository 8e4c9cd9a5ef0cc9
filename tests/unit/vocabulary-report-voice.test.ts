import { describe, expect, it } from "vitest";
import { OVERALL_LOPSIDED_BALANCE } from "@/lib/recommendations";
import { BALANCED_WITHIN, HIGH_VERSATILITY } from "@/lib/report";
import { BALANCE_SCALE, capitalised, overallLeanWords, reportVoice, situationWords, versatilityWords } from "@/lib/vocabulary";

describe("reportVoice", () => {
  it("speaks to the manager reading their own report, and about them by first name to anyone else", () => {
    expect(reportVoice({ name: "Grace Kim", isViewer: true })).toEqual({ person: "you", possessive: "your", team: "your team" });
    expect(reportVoice({ name: "Liam O'Brien", isViewer: false })).toEqual({ person: "Liam", possessive: "Liam's", team: "the team" });
    expect(reportVoice({ name: "  Tomás  Alvarez ", isViewer: false }).person).toBe("Tomás");
  });
});

describe("the report's words for the scores", () => {
  it("puts the balance scale in words, from the rating scale", () => {
    expect(BALANCE_SCALE).toBe("on a scale from \u22121 (managing) to +1 (leading)");
  });

  it('says "strongly" from the lean that raises the risks of a profile', () => {
    expect(overallLeanWords(0)).toBe("balanced between managing and leading");
    expect(overallLeanWords(-BALANCED_WITHIN)).toBe("leaning toward managing");
    expect(overallLeanWords(-OVERALL_LOPSIDED_BALANCE)).toBe("leaning strongly toward managing");
    expect(overallLeanWords(OVERALL_LOPSIDED_BALANCE - 0.01)).toBe("leaning toward leading");
    expect(overallLeanWords(1)).toBe("leaning strongly toward leading");
  });

  it("says how much of both sides the team sees", () => {
    expect(versatilityWords(HIGH_VERSATILITY)).toBe("plenty of both sides");
    expect(versatilityWords(3.5)).toBe("some of both sides");
    expect(versatilityWords(2.9)).toBe("too little of either side");
  });

  it("sets the lean against what the situation calls for", () => {
    expect(situationWords(-0.5, 1)).toBe("more than their situation calls for");
    expect(situationWords(-0.2, -0.5)).toBe("less than their situation calls for");
    expect(situationWords(-0.2, -0.15)).toBe("as their situation calls for");
    expect(situationWords(0, 0.5)).toBe("where their situation calls for more leading");
    expect(situationWords(0, -0.5)).toBe("where their situation calls for more managing");
    // Leaning one way while the situation calls for the other: further than it calls for.
    expect(situationWords(0.3, -0.33)).toBe("more than their situation calls for");
  });

  it("capitalises the first letter only", () => {
    expect(capitalised("your team")).toBe("Your team");
    expect(capitalised("the team's situation")).toBe("The team's situation");
  });
});
