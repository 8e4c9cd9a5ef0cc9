import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deactivationRefusal, isMassDeactivation, MASS_DEACTIVATION_PERCENT, peopleCount } from "@/lib/org-import";

describe("the brake on mass deactivation", () => {
  it("is set at 20%", () => {
    expect(MASS_DEACTIVATION_PERCENT).toBe(20);
  });

  it("counts more than 20% of the active people, and exactly 20% is not more", () => {
    expect(isMassDeactivation(2, 10)).toBe(false);
    expect(isMassDeactivation(3, 10)).toBe(true);
    // 0.2 × 15 is 3.0000000000000004 in floating point: three of fifteen is exactly 20%.
    expect(isMassDeactivation(3, 15)).toBe(false);
    expect(isMassDeactivation(4, 15)).toBe(true);
    expect(isMassDeactivation(0, 0)).toBe(false);
    expect(isMassDeactivation(1, 1)).toBe(true);
  });

  it("agrees with the share computed exactly, for any counts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 0, max: 50_000 }), (active, share) => {
        const deactivating = share % (active + 1);
        expect(isMassDeactivation(deactivating, active)).toBe(deactivating > 0 && deactivating * 5 > active);
      }),
    );
  });
});

describe("the confirmations a full replace needs", () => {
  it("needs none when nobody is deactivated", () => {
    expect(deactivationRefusal(0, 100, {})).toBeNull();
  });

  it("needs the first for any deactivation, for the very number deactivated", () => {
    expect(deactivationRefusal(2, 100, {})).toBe("This full replace deactivates 2 people. Tick the box to confirm it, then apply the file again.");
    expect(deactivationRefusal(1, 100, { massDeactivation: 1 })).toBe(
      "This full replace deactivates 1 person. Tick the box to confirm it, then apply the file again.",
    );
    expect(deactivationRefusal(3, 100, { deactivations: 2 })).toBe(
      "The organisation has changed since the preview: this import would now deactivate 3 people, not 2. Preview the file again.",
    );
    expect(deactivationRefusal(2, 100, { deactivations: 2 })).toBeNull();
  });

  it("needs a second one past 20%, for the same number", () => {
    expect(deactivationRefusal(30, 100, { deactivations: 30 })).toBe(
      "This full replace deactivates 30 people of the 100 active, more than 20%. Confirm that a second time, then apply the file again.",
    );
    expect(deactivationRefusal(30, 100, { deactivations: 30, massDeactivation: 29 })).toContain("would now deactivate 30 people, not 29.");
    expect(deactivationRefusal(30, 100, { deactivations: 30, massDeactivation: 30 })).toBeNull();
    expect(deactivationRefusal(20, 100, { deactivations: 20 })).toBeNull();
  });

  it("words counts for people", () => {
    expect(peopleCount(1)).toBe("1 person");
    expect(peopleCount(12_345)).toBe("12,345 people");
  });
});
