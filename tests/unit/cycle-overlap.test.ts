import { describe, expect, it } from "vitest";
import { ALLOW_OVERLAP_LABEL, overlapRefusal, quotedNames, stillOpenNotice } from "@/lib/cycle-overlap";

describe("the one-open-cycle words", () => {
  it("quote the open cycles' names", () => {
    expect(quotedNames([])).toBe("");
    expect(quotedNames(["Q4"])).toBe("“Q4”");
    expect(quotedNames(["Q3", "Q4"])).toBe("“Q3” and “Q4”");
    expect(quotedNames(["Q2", "Q3", "Q4"])).toBe("“Q2”, “Q3” and “Q4”");
  });

  it("name the open cycle in the refusal, and the box that allows the overlap", () => {
    expect(overlapRefusal(["Q4 2026"])).toBe(
      `“Q4 2026” is still open, and one cycle runs at a time. Close it first, or tick “${ALLOW_OVERLAP_LABEL}” to open this one alongside.`,
    );
    expect(overlapRefusal(["Q3", "Q4"])).toMatch(/^“Q3” and “Q4” are still open, and one cycle runs at a time\. Close them first/);
  });

  it("warn in the confirmation that another cycle is open", () => {
    expect(stillOpenNotice(["Q4 2026"])).toBe("“Q4 2026” is still open. Fulcrum runs one cycle at a time unless you tick the box below.");
    expect(stillOpenNotice(["Q3", "Q4"])).toMatch(/^“Q3” and “Q4” are still open\./);
  });
});
