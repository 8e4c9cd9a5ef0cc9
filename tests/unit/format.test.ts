import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayedSign, formatCount, formatInterval, formatScore, formatSigned, roundedUnits, roundForDisplay } from "@/lib/format";

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

/**
 * The reference: p/q rounded half away from zero to `digits` decimals, in whole numbers
 * only, so it is exact by construction.
 */
function referenceUnits(p: bigint, q: bigint, digits: number): bigint {
  const scaled = p * 10n ** BigInt(digits);
  const magnitude = scaled < 0n ? -scaled : scaled;
  const rounded = (2n * magnitude + q) / (2n * q);
  return scaled < 0n ? -rounded : rounded;
}

const fraction = fc.record({ p: fc.integer({ min: -400, max: 400 }), q: fc.integer({ min: 1, max: 200 }) });

describe("rounding on the exact value", () => {
  it("rounds the ties the reports met half away from zero", () => {
    expect(formatScore(63 / 20)).toBe("3.2");
    expect(formatSigned(-5 / 8, 2)).toBe("\u22120.63");
    expect(formatSigned(5 / 8, 2)).toBe("+0.63");
    expect(formatSigned(3.75 - 3.2)).toBe("+0.6");
    expect(formatSigned(4.05 - 4)).toBe("+0.1");
    expect(formatSigned(4 - 4.05)).toBe("\u22120.1");
    expect(roundForDisplay(2.675, 2)).toBe(2.68);
  });

  it("matches whole-number rounding of p/q for every denominator up to 200", () => {
    fc.assert(
      fc.property(fraction, fc.integer({ min: 0, max: 3 }), ({ p, q }, digits) => {
        expect(roundedUnits(p / q, digits)).toBe(Number(referenceUnits(BigInt(p), BigInt(q), digits)));
      }),
      { numRuns: 20000 },
    );
  });

  it("matches it for differences and quarter-differences of two such fractions, as b and changes are", () => {
    fc.assert(
      fc.property(fraction, fraction, fc.integer({ min: 0, max: 3 }), (a, b, digits) => {
        const [p, q] = [BigInt(a.p * b.q - b.p * a.q), BigInt(a.q * b.q)];
        expect(roundedUnits(a.p / a.q - b.p / b.q, digits)).toBe(Number(referenceUnits(p, q, digits)));
        expect(roundedUnits((a.p / a.q - b.p / b.q) / 4, digits)).toBe(Number(referenceUnits(p, 4n * q, digits)));
      }),
      { numRuns: 20000 },
    );
  });

  // The written-out value (12 decimals) as a whole number, rounded half up in steps of 10^(12 − digits).
  const onDigits = (value: number, digits: number): number => {
    const exact = BigInt(Math.abs(value).toFixed(12).replace(".", ""));
    const step = 10n ** BigInt(12 - digits);
    const magnitude = Number((exact + step / 2n) / step);
    return value < 0 && magnitude > 0 ? -magnitude : magnitude;
  };

  it("rounds the written-out value exactly as whole-number arithmetic on its digits does, for any value and decimals", () => {
    fc.assert(
      fc.property(fc.double({ min: -999.999, max: 999.999, noNaN: true }), fc.integer({ min: 0, max: 12 }), (value, digits) => {
        expect(roundedUnits(value, digits)).toBe(onDigits(value, digits));
      }),
      { numRuns: 20000 },
    );
  });

  it("rounds values a hair either side of a tie as their written-out digits do", () => {
    // Doubles round most values (lib/format `quickMagnitude`), and leave those near a tie to the text.
    const tie = fc.record({ steps: fc.integer({ min: -99_999, max: 99_999 }), digits: fc.integer({ min: 0, max: 3 }) });
    const hair = fc.oneof(
      fc.constant(0),
      fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
      fc.integer({ min: -3000, max: 3000 }).map((n) => n * 1e-13),
    );
    fc.assert(
      fc.property(tie, hair, ({ steps, digits }, offset) => {
        const value = (steps + 0.5) / 10 ** digits + offset;
        fc.pre(Math.abs(value) < 1000);
        expect(roundedUnits(value, digits)).toBe(onDigits(value, digits));
      }),
      { numRuns: 20000 },
    );
  });

  it("hits every exact tie with a denominator up to 200", () => {
    for (let q = 1; q <= 200; q++) {
      for (let p = -5 * q; p <= 5 * q; p++) {
        for (const digits of [1, 2]) {
          if ((2n * BigInt(Math.abs(p)) * 10n ** BigInt(digits)) % BigInt(q) !== 0n) continue;
          expect(roundedUnits(p / q, digits)).toBe(Number(referenceUnits(BigInt(p), BigInt(q), digits)));
        }
      }
    }
  });

  it("shows a value and its negative alike, and the sign a reader sees", () => {
    fc.assert(
      fc.property(fraction, fc.integer({ min: 0, max: 3 }), ({ p, q }, digits) => {
        expect(formatScore(-p / q, digits).replace("\u2212", "")).toBe(formatScore(p / q, digits).replace("\u2212", ""));
        const units = referenceUnits(BigInt(p), BigInt(q), digits);
        expect(displayedSign(p / q, digits)).toBe(units === 0n ? 0 : units < 0n ? -1 : 1);
      }),
    );
  });

  it("refuses what it cannot round exactly", () => {
    expect(() => formatScore(Number.NaN)).toThrow(RangeError);
    expect(() => formatScore(1e6)).toThrow(RangeError);
  });
});

describe("formatCount", () => {
  it("puts a comma between thousands", () => {
    expect([0, 7, 999, 1000, 2155, 10_000, 1_234_567].map(formatCount)).toEqual(["0", "7", "999", "1,000", "2,155", "10,000", "1,234,567"]);
  });

  it("reads back as the count it was given", () => {
    fc.assert(fc.property(fc.nat(), (count) => Number(formatCount(count).replaceAll(",", "")) === count));
  });
});
