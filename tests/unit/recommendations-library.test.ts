import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { ACTIONS, DIRECTION_LABELS, DIRECTIONS, RISKS } from "@/lib/recommendations";

const allActions = ASPECT_KEYS.flatMap((aspect) => DIRECTIONS.flatMap((direction) => ACTIONS[aspect][direction]));

describe("action library", () => {
  it("has at least 3 actions for every aspect × direction", () => {
    expect(DIRECTIONS).toEqual(["more_managing", "more_leading", "build_both"]);
    for (const aspect of ASPECT_KEYS) {
      for (const direction of DIRECTIONS) {
        expect(ACTIONS[aspect][direction].length, `${aspect} × ${direction}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("never repeats an action's text, its why, or its id", () => {
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(allActions.map((a) => a.text.toLowerCase()))).toBe(true);
    expect(unique(allActions.map((a) => a.why.toLowerCase()))).toBe(true);
    expect(unique(allActions.map((a) => a.id))).toBe(true);
  });

  it("writes each action and its why as one complete sentence or two", () => {
    for (const action of allActions) {
      expect(action.text).toMatch(/^[A-Z].*[.?]$/);
      expect(action.why).toMatch(/^[A-Z].*\.$/);
      expect(action.why.length).toBeLessThan(140);
      expect(action.id).toMatch(/^[a-z]+\.(managing|leading|both)\.[a-z0-9-]+$/);
    }
  });

  it("labels every direction", () => {
    expect(Object.keys(DIRECTION_LABELS)).toEqual([...DIRECTIONS]);
  });
});

describe("risk library", () => {
  it("covers both leans, with unique ids and text, and ties every aspect to a risk of each lean", () => {
    expect(new Set(RISKS.map((r) => r.id)).size).toBe(RISKS.length);
    expect(new Set(RISKS.map((r) => r.text)).size).toBe(RISKS.length);
    for (const lean of ["management_heavy", "leadership_heavy"] as const) {
      const risks = RISKS.filter((r) => r.lean === lean);
      expect(risks.length).toBeGreaterThanOrEqual(3);
      for (const aspect of ASPECT_KEYS) {
        expect(
          risks.some((r) => r.aspects.includes(aspect)),
          `${lean} × ${aspect}`,
        ).toBe(true);
      }
    }
  });

  it("includes the cons named in the brief", () => {
    const ids = RISKS.map((r) => r.id);
    for (const id of ["limited_innovation", "rigidity", "low_engagement", "misalignment", "weak_monitoring", "slow_subjective_decisions"]) {
      expect(ids).toContain(id);
    }
  });
});
