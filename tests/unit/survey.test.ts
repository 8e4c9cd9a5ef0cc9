import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { CANT_SAY, completedAspects, fieldName, FOLLOW_THROUGH_POSITIONS, followThroughField, itemsFor, surveyProgress } from "@/lib/survey/fields";
import { responseSchema, selfAssessmentSchema, surveyFieldErrors, surveyFields } from "@/lib/survey/schema";

const CYCLE = "5f0c6c2e-8a3b-4c1d-9e2f-0a1b2c3d4e5f";
const MANAGER = "6a1d7d3f-9b4c-4d2e-8f30-1b2c3d4e5f60";

function completeForm(perspective: "rater" | "self", overrides: Record<string, string> = {}) {
  const entries: [string, string][] = [
    ["cycleId", CYCLE],
    ["managerId", MANAGER],
  ];
  for (const aspect of ASPECT_KEYS) {
    for (const item of itemsFor(perspective)) entries.push([fieldName(aspect, item), item === "need" ? "1" : "4"]);
  }
  const form = new Map(entries);
  for (const [key, value] of Object.entries(overrides)) form.set(key, value);
  return [...form.entries()];
}

describe("the rater's survey", () => {
  it("reads a complete form, with can't-say as null and an empty comment as none", () => {
    const parsed = responseSchema.parse(surveyFields(completeForm("rater", { "aspects.focus.management": CANT_SAY, comment: "   " })));
    expect(parsed.aspects.focus).toEqual({ management: null, leadership: 4, need: 1 });
    expect(parsed.aspects.development).toEqual({ management: 4, leadership: 4, need: 1 });
    expect(parsed.comment).toBeNull();
  });

  it("keeps a comment, trimmed", () => {
    const parsed = responseSchema.parse(surveyFields(completeForm("rater", { comment: "  Good coaching.  " })));
    expect(parsed.comment).toBe("Good coaching.");
  });

  it("names the field of a missing or out-of-range answer", () => {
    const entries = completeForm("rater", { "aspects.motivation.leadership": "6" }).filter(([key]) => key !== "aspects.focus.need");
    const result = responseSchema.safeParse(surveyFields(entries));
    expect(result.success).toBe(false);
    const errors = surveyFieldErrors(result.error!);
    expect(Object.keys(errors).sort()).toEqual(["aspects.focus.need", "aspects.motivation.leadership"]);
    expect(errors["aspects.focus.need"]).toEqual(["Choose an answer, or “Can't say”."]);
  });

  it("refuses an unknown aspect or item as a form error, with the same message", () => {
    const foreign = { form: ["The form did not come from this survey. Reload the page and try again."] };
    const result = responseSchema.safeParse(surveyFields([...completeForm("rater"), ["aspects.charisma.management", "3"]]));
    expect(result.success).toBe(false);
    expect(surveyFieldErrors(result.error!)).toEqual(foreign);
    const extraItem = responseSchema.safeParse(surveyFields([...completeForm("rater"), ["aspects.focus.vision", "3"]]));
    expect(surveyFieldErrors(extraItem.error!)).toEqual(foreign);
  });

  it("counts a comment in characters, not UTF-16 units, up to 1,000", () => {
    const emoji = "🙂".repeat(1000);
    expect(responseSchema.safeParse(surveyFields(completeForm("rater", { comment: emoji }))).success).toBe(true);
    const tooLong = responseSchema.safeParse(surveyFields(completeForm("rater", { comment: "x".repeat(1001) })));
    expect(surveyFieldErrors(tooLong.error!)).toEqual({ comment: ["Keep the comment to 1,000 characters."] });
  });

  it("refuses ids that are not ids, and ignores fields it does not know", () => {
    const result = responseSchema.safeParse(surveyFields(completeForm("rater", { cycleId: "1; DROP TABLE", $ACTION_ID_x: "" })));
    expect(surveyFieldErrors(result.error!)).toEqual({ cycleId: ["Unknown cycle."] });
    expect(surveyFieldErrors(responseSchema.safeParse({}).error!).form).toBeUndefined();
  });
});

describe("the follow-through items", () => {
  const foreign = { form: ["The form did not come from this survey. Reload the page and try again."] };
  const withFollowThrough = (positions: string, answers: Record<string, string>) =>
    surveyFields([
      ...completeForm("rater"),
      [FOLLOW_THROUGH_POSITIONS, positions],
      ...Object.entries(answers).map(([place, value]) => [followThroughField(Number(place)), value] as [string, string]),
    ]);

  it("are none when the form names no place, as for a manager who committed to nothing", () => {
    expect(responseSchema.parse(surveyFields(completeForm("rater"))).followThrough).toEqual([]);
    expect(responseSchema.parse(withFollowThrough("", {})).followThrough).toEqual([]);
  });

  it("read each named place, with can't-say as null", () => {
    const parsed = responseSchema.parse(withFollowThrough("1,3", { 1: "4", 3: CANT_SAY }));
    expect(parsed.followThrough).toEqual([
      { position: 1, rating: 4 },
      { position: 3, rating: null },
    ]);
  });

  it("name the field of a place left unanswered or out of range", () => {
    const result = responseSchema.safeParse(withFollowThrough("1,2", { 2: "6" }));
    expect(surveyFieldErrors(result.error!)).toEqual({
      "followThrough.1": ["Choose an answer, or “Can't say”."],
      "followThrough.2": ["Choose an answer, or “Can't say”."],
    });
  });

  it("refuse places the form did not name, places out of the list, and lists out of order", () => {
    for (const [positions, answers] of [
      ["1", { 1: "3", 2: "3" }],
      ["4", { 4: "3" }],
      ["0", { 0: "3" }],
      ["2,1", { 1: "3", 2: "3" }],
      ["1,1", { 1: "3" }],
      ["1,,2", { 1: "3", 2: "3" }],
      ["", { 1: "3" }],
    ] as const) {
      expect(surveyFieldErrors(responseSchema.safeParse(withFollowThrough(positions, answers)).error!), positions).toEqual(foreign);
    }
    expect(
      surveyFieldErrors(responseSchema.safeParse(surveyFields([...completeForm("rater"), [FOLLOW_THROUGH_POSITIONS, "1"], ["followThrough.01", "3"]])).error!),
    ).toEqual(foreign);
  });
});

describe("the self-assessment", () => {
  it("has no need items, and refuses one", () => {
    expect(selfAssessmentSchema.parse(surveyFields(completeForm("self"))).aspects.focus).toEqual({ management: 4, leadership: 4 });
    const withNeed = selfAssessmentSchema.safeParse(surveyFields([...completeForm("self"), ["aspects.focus.need", "1"]]));
    expect(withNeed.success).toBe(false);
  });
});

describe("progress", () => {
  it("counts the aspects whose every item is answered", () => {
    const answers: Record<string, string> = {};
    expect(completedAspects(answers, "rater")).toBe(0);
    answers["aspects.focus.management"] = "3";
    answers["aspects.focus.leadership"] = CANT_SAY;
    expect(completedAspects(answers, "rater")).toBe(0);
    expect(completedAspects(answers, "self")).toBe(1);
    answers["aspects.focus.need"] = "0";
    expect(completedAspects(answers, "rater")).toBe(1);
  });

  it("counts the follow-through items as one more part when there are any", () => {
    const answers: Record<string, string> = { "aspects.focus.management": "3", "aspects.focus.leadership": "3", "aspects.focus.need": "0" };
    expect(surveyProgress(answers, "rater", [])).toEqual({ done: 1, total: ASPECT_KEYS.length, unit: "aspects" });
    expect(surveyProgress(answers, "rater", [1, 2])).toEqual({ done: 1, total: ASPECT_KEYS.length + 1, unit: "parts" });
    answers[followThroughField(1)] = "4";
    expect(surveyProgress(answers, "rater", [1, 2]).done).toBe(1);
    answers[followThroughField(2)] = CANT_SAY;
    expect(surveyProgress(answers, "rater", [1, 2]).done).toBe(2);
  });
});
