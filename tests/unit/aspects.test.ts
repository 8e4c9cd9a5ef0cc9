import { describe, expect, it } from "vitest";
import { ASPECT_KEYS, isAspectKey, NEED_MAX, NEED_MIN, NEEDS, POLES, RATING_MAX, RATING_MIN, RATINGS } from "@/lib/aspects";
import { SITUATION_FAVOURS, SITUATION_KEYS } from "@/lib/situations";

describe("aspects", () => {
  it("lists the seven aspects in the order of the product brief", () => {
    expect(ASPECT_KEYS).toEqual(["focus", "decision_making", "motivation", "communication", "adaptability", "conflict_resolution", "development"]);
    expect(POLES).toEqual(["management", "leadership"]);
  });

  it("recognises aspect keys and rejects anything else", () => {
    expect(isAspectKey("motivation")).toBe(true);
    expect(isAspectKey("Motivation")).toBe(false);
    expect(isAspectKey("vision")).toBe(false);
    expect(isAspectKey(3)).toBe(false);
    expect(isAspectKey(null)).toBe(false);
  });

  it("lists every rating and need answer within the shared ranges", () => {
    expect(RATINGS).toEqual([1, 2, 3, 4, 5]);
    expect(NEEDS).toEqual([-2, -1, 0, 1, 2]);
    expect(Math.min(...RATINGS)).toBe(RATING_MIN);
    expect(Math.max(...RATINGS)).toBe(RATING_MAX);
    expect(Math.min(...NEEDS)).toBe(NEED_MIN);
    expect(Math.max(...NEEDS)).toBe(NEED_MAX);
  });
});

describe("situations", () => {
  it("has ten situations, five favouring each pole", () => {
    expect(SITUATION_KEYS).toHaveLength(10);
    expect(Object.keys(SITUATION_FAVOURS).sort()).toEqual([...SITUATION_KEYS].sort());
    const favours = SITUATION_KEYS.map((key) => SITUATION_FAVOURS[key]);
    expect(favours.filter((pole) => pole === "management")).toHaveLength(5);
    expect(favours.filter((pole) => pole === "leadership")).toHaveLength(5);
  });
});
