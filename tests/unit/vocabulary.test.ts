import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BALANCED_WITHIN, leanOf } from "@/lib/report";
import { fitWords, leanWords, SCORE_NAMES } from "@/lib/vocabulary";

const balance = fc.double({ min: -1, max: 1, noNaN: true });

describe("the words for a balance and a fit", () => {
  it("name the side a value leans to, and call small values balanced, as leanOf does", () => {
    fc.assert(
      fc.property(balance, (value) => {
        const lean = leanOf(value);
        expect(leanWords(value)).toContain(lean === "balanced" ? "balanced" : `toward ${lean}`);
        expect(fitWords(value)).toMatch(
          lean === "balanced" ? /^close to what the situation calls for$/ : new RegExp(`^more ${lean} than the situation calls for$`),
        );
      }),
    );
    expect(leanWords(BALANCED_WITHIN)).toBe("leaning toward leading");
    expect(leanWords(-BALANCED_WITHIN)).toBe("leaning toward managing");
    expect(fitWords(0)).toBe("close to what the situation calls for");
  });

  it("never carry a symbol or a number: those belong to the tables and How scores work", () => {
    const words = [...Object.values(SCORE_NAMES), leanWords(-0.5), leanWords(0), leanWords(0.5), fitWords(-0.5), fitWords(0), fitWords(0.5)];
    for (const phrase of words) expect(phrase).not.toMatch(/\b[BbTkMLn]\b|[0-9=÷<>−+]/);
  });
});
