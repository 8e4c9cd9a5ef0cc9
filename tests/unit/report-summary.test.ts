import { describe, expect, it } from "vitest";
import { BALANCED_WITHIN, headlineSentence, HIGH_VERSATILITY, leanOf } from "@/lib/report";

describe("leanOf", () => {
  it("reads small values as balanced and the rest by their sign", () => {
    expect(leanOf(0)).toBe("balanced");
    expect(leanOf(BALANCED_WITHIN - 0.001)).toBe("balanced");
    expect(leanOf(-BALANCED_WITHIN + 0.001)).toBe("balanced");
    expect(leanOf(BALANCED_WITHIN)).toBe("leading");
    expect(leanOf(-BALANCED_WITHIN)).toBe("managing");
  });
});

describe("headlineSentence", () => {
  it("sums up a strongly management-heavy profile against a leadership target", () => {
    expect(headlineSentence({ balance: -0.51, versatility: 3.26, target: 1 })).toBe(
      "The team sees a strong lean toward managing (B \u22120.51) with moderate versatility (3.3 of 5), further toward managing than the team's situation calls for (T +1.00).",
    );
  });

  it("tells a mild lean from a strong one, at the risk threshold of 0.25", () => {
    expect(headlineSentence({ balance: 0.18, versatility: 3.5, target: null })).toMatch(/^The team sees a lean toward leading \(B \+0\.18\)/);
    expect(headlineSentence({ balance: 0.25, versatility: 3.5, target: null })).toMatch(/^The team sees a strong lean toward leading/);
  });

  it("calls a balanced, versatile profile that, and leaves out the target when no situation is marked", () => {
    expect(headlineSentence({ balance: 0.02, versatility: HIGH_VERSATILITY, target: null })).toBe(
      "The team sees a balance between managing and leading (B +0.02) with high versatility (4.0 of 5): strong on both sides.",
    );
  });

  it("points out low versatility, and a profile that matches or overshoots its target", () => {
    expect(headlineSentence({ balance: -0.05, versatility: 2.45, target: 0 })).toBe(
      "The team sees a balance between managing and leading (B \u22120.05) with low versatility (2.5 of 5): room to build both sides, close to what the team's situation calls for (T 0.00).",
    );
    expect(headlineSentence({ balance: 0.3, versatility: 3, target: -0.33 })).toContain(
      "further toward leading than the team's situation calls for (T \u22120.33)",
    );
  });
});
