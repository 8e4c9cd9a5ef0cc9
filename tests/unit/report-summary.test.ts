import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScore, formatSigned } from "@/lib/format";
import { BALANCED_WITHIN, headlineSentence, HIGH_VERSATILITY, leanOf } from "@/lib/report";
import { reportVoice } from "@/lib/vocabulary";
import * as arb from "./support/arbitraries";

const OWN = reportVoice({ name: "Grace Kim", isViewer: true });
const DIRECTOR = reportVoice({ name: "Grace Kim", isViewer: false });

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
  it("sums up a strongly management-heavy profile against a leadership target, in sentences with the numbers beside them", () => {
    expect(headlineSentence({ balance: -0.51, versatility: 3.26, target: 1 }, OWN)).toBe(
      "Your team sees you leaning strongly toward managing, more than their situation calls for. " +
        "The overall balance is \u22120.51 on a scale from \u22121 (managing) to +1 (leading), and the team's situation calls for +1.00. " +
        "They see some of both sides: versatility 3.3 of 5.",
    );
  });

  it("speaks about the manager by first name to a director", () => {
    expect(headlineSentence({ balance: -0.51, versatility: 3.26, target: 1 }, DIRECTOR)).toMatch(
      /^The team sees Grace leaning strongly toward managing, more than their situation calls for\. The overall balance is \u22120\.51 /,
    );
  });

  it("tells a mild lean from a strong one, at the risk threshold of 0.25", () => {
    expect(headlineSentence({ balance: 0.18, versatility: 3.5, target: null }, OWN)).toMatch(
      /^Your team sees you leaning toward leading\. The overall balance is \+0\.18 /,
    );
    expect(headlineSentence({ balance: 0.25, versatility: 3.5, target: null }, OWN)).toMatch(/^Your team sees you leaning strongly toward leading\./);
  });

  it("calls a balanced, versatile profile that, and leaves out the situation when none is marked", () => {
    expect(headlineSentence({ balance: 0.02, versatility: HIGH_VERSATILITY, target: null }, OWN)).toBe(
      "Your team sees you balanced between managing and leading. The overall balance is +0.02 on a scale from \u22121 (managing) to +1 (leading). " +
        "They see plenty of both sides: versatility 4.0 of 5.",
    );
  });

  it("points out low versatility, and a profile that matches, falls short of or overshoots its situation", () => {
    expect(headlineSentence({ balance: -0.05, versatility: 2.45, target: 0 }, OWN)).toBe(
      "Your team sees you balanced between managing and leading, as their situation calls for. " +
        "The overall balance is \u22120.05 on a scale from \u22121 (managing) to +1 (leading), and the team's situation calls for 0.00. " +
        "They see too little of either side: versatility 2.5 of 5.",
    );
    expect(headlineSentence({ balance: 0.3, versatility: 3, target: -0.33 }, OWN)).toMatch(
      /^Your team sees you leaning strongly toward leading, more than their situation calls for\./,
    );
    expect(headlineSentence({ balance: -0.15, versatility: 3, target: -0.6 }, OWN)).toMatch(
      /^Your team sees you leaning toward managing, less than their situation calls for\./,
    );
    expect(headlineSentence({ balance: 0, versatility: 3, target: 0.5 }, OWN)).toMatch(/, where their situation calls for more leading\./);
  });

  it("never shows a symbol, always shows the rounded numbers, and speaks to or about the manager as the reader calls for", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.option(arb.target, { nil: null }),
        fc.boolean(),
        (balance, versatility, target, own) => {
          const headline = headlineSentence({ balance, versatility, target }, own ? OWN : DIRECTOR);
          // No symbol (B, b, T, k, M, L) standing alone, and no formula sign.
          expect(headline).not.toMatch(/\b[BbTkML]\b/);
          expect(headline).not.toMatch(/[=÷]|\bfit gap\b/i);
          expect(headline).toContain(`is ${formatSigned(balance, 2)} on a scale`);
          expect(headline).toContain(`versatility ${formatScore(versatility)} of 5.`);
          if (target === null) expect(headline).not.toContain("situation");
          else expect(headline).toContain(`situation calls for ${formatSigned(target, 2)}.`);
          if (own) expect(headline).toMatch(/^Your team sees you /);
          else expect(headline).not.toMatch(/\b(you|your)\b/i);
          expect(headline.split(". ")).toHaveLength(3);
        },
      ),
      { numRuns: 500 },
    );
  });
});
