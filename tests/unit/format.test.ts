import { describe, expect, it } from "vitest";
import { displayedSign, formatInterval, formatScore, formatSigned } from "@/lib/format";

describe("formatScore", () => {
  it("rounds to one decimal for display", () => {
    expect(formatScore(4.25)).toBe("4.3");
    expect(formatScore(4)).toBe("4.0");
    expect(formatScore(2 / 3, 2)).toBe("0.67");
  });

  it("uses a typographic minus, symmetric with the positive value, and never −0.0", () => {
    expect(formatScore(-0.55)).toBe("\u22120.6");
    expect(formatScore(0.55)).toBe("0.6");
    expect(formatScore(-0.04)).toBe("0.0");
  });
});

describe("formatSigned", () => {
  it("always shows the sign of a non-zero value", () => {
    expect(formatSigned(1.2)).toBe("+1.2");
    expect(formatSigned(-0.4)).toBe("\u22120.4");
    expect(formatSigned(0.2, 2)).toBe("+0.20");
  });

  it("shows zero, and anything that rounds to it, without a sign", () => {
    expect(formatSigned(0)).toBe("0.0");
    expect(formatSigned(0.04)).toBe("0.0");
    expect(formatSigned(-0.04)).toBe("0.0");
    expect(formatSigned(-0)).toBe("0.0");
  });
});

describe("displayedSign", () => {
  it("is the sign a reader sees after rounding", () => {
    expect(displayedSign(0.05)).toBe(1);
    expect(displayedSign(-1)).toBe(-1);
    expect(displayedSign(0.04)).toBe(0);
    expect(displayedSign(0.004, 2)).toBe(0);
    expect(displayedSign(0.006, 2)).toBe(1);
  });
});

describe("formatInterval", () => {
  it("joins both ends with an en dash", () => {
    expect(formatInterval({ low: 3.14, high: 4.46 })).toBe("3.1\u20134.5");
    expect(formatInterval({ low: -9.71, high: 15.71 }, 0)).toBe("\u221210\u201316");
  });
});
