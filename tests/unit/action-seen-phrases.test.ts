import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { ACTIONS, DIRECTIONS } from "@/lib/recommendations";

const allActions = ASPECT_KEYS.flatMap((aspect) => DIRECTIONS.flatMap((direction) => ACTIONS[aspect][direction]));

describe("action seen phrases", () => {
  it("covers every action in every aspect and direction", () => {
    expect(allActions.length).toBeGreaterThanOrEqual(ASPECT_KEYS.length * DIRECTIONS.length * 3);
    for (const action of allActions) {
      expect(typeof action.seen, action.id).toBe("string");
      expect(action.seen.trim().length, action.id).toBeGreaterThan(0);
    }
  });

  it("writes each as a lowercase verb phrase that completes the survey question", () => {
    for (const action of allActions) {
      expect(action.seen, action.id).toMatch(/^[a-z]/);
      expect(action.seen, action.id).not.toMatch(/^to /);
      expect(action.seen, action.id).not.toMatch(/[.!?;:]$/);
      expect(action.seen, action.id).not.toMatch(/\s$/);
      expect(action.seen, action.id).not.toContain("  ");
      expect(action.seen.length, action.id).toBeLessThanOrEqual(110);
    }
  });

  it("never repeats a seen phrase", () => {
    const phrases = allActions.map((a) => a.seen.toLowerCase());
    const repeated = phrases.filter((phrase, index) => phrases.indexOf(phrase) !== index);
    expect(repeated).toEqual([]);
  });
});
