import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { CANT_SAY, fieldName, followThroughField, itemsFor, surveyProgress } from "@/lib/survey/fields";
import { firstMarkedField, firstUnfinishedPart, partLabel, partOfField, surveyParts } from "@/lib/survey/parts";

/** Every item of the first `count` aspects answered, "can't say" included. */
function answered(count: number): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const aspect of ASPECT_KEYS.slice(0, count)) {
    for (const item of itemsFor("rater")) answers[fieldName(aspect, item)] = item === "need" ? "0" : CANT_SAY;
  }
  return answers;
}

describe("the survey's parts, one per screen on a phone", () => {
  it("has one part per aspect, holding its items in the order of the form", () => {
    const rater = surveyParts("rater", []);
    expect(rater.map((part) => part.key)).toEqual([...ASPECT_KEYS]);
    expect(rater[0]!.fields).toEqual(["aspects.focus.management", "aspects.focus.leadership", "aspects.focus.need"]);
    expect(surveyParts("self", [1])[0]!.fields).toEqual(["aspects.focus.management", "aspects.focus.leadership"]);
  });

  it("adds the follow-through items as one last part for raters only, as the progress counts them", () => {
    const parts = surveyParts("rater", [1, 3]);
    expect(parts).toHaveLength(ASPECT_KEYS.length + 1);
    expect(parts.at(-1)).toEqual({ key: "followThrough", fields: [followThroughField(1), followThroughField(3)] });
    expect(parts).toHaveLength(surveyProgress({}, "rater", [1, 3]).total);
    expect(surveyParts("self", [1, 3])).toHaveLength(ASPECT_KEYS.length);
  });

  it("says which part is on screen, in the progress's own terms", () => {
    expect(partLabel(2, surveyParts("rater", []))).toBe(`Aspect 3 of ${ASPECT_KEYS.length}`);
    expect(partLabel(ASPECT_KEYS.length, surveyParts("rater", [2]))).toBe(`Part ${ASPECT_KEYS.length + 1} of ${ASPECT_KEYS.length + 1}`);
  });

  it("finds the part of a question, and puts the comment with the last part", () => {
    const parts = surveyParts("rater", [2]);
    expect(partOfField(parts, fieldName("motivation", "need"))).toBe(ASPECT_KEYS.indexOf("motivation"));
    expect(partOfField(parts, followThroughField(2))).toBe(ASPECT_KEYS.length);
    expect(partOfField(parts, "comment")).toBe(ASPECT_KEYS.length);
  });

  it("picks a draft up at the first part with a question left, or the last part when none is", () => {
    const parts = surveyParts("rater", []);
    expect(firstUnfinishedPart(parts, {})).toBe(0);
    expect(firstUnfinishedPart(parts, answered(3))).toBe(3);
    const gap = answered(ASPECT_KEYS.length);
    delete gap[fieldName(ASPECT_KEYS[1]!, "leadership")];
    expect(firstUnfinishedPart(parts, gap)).toBe(1);
    expect(firstUnfinishedPart(parts, answered(ASPECT_KEYS.length))).toBe(ASPECT_KEYS.length - 1);
    expect(firstUnfinishedPart(surveyParts("rater", [1]), answered(ASPECT_KEYS.length))).toBe(ASPECT_KEYS.length);
  });

  it("names the first question the server marked, in the order of the form rather than of the messages", () => {
    const parts = surveyParts("rater", [1]);
    const later = fieldName(ASPECT_KEYS[4]!, "management");
    const earlier = fieldName(ASPECT_KEYS[2]!, "need");
    expect(firstMarkedField(parts, { [later]: ["Choose an answer."], [earlier]: ["Choose an answer."] })).toBe(earlier);
    expect(firstMarkedField(parts, { [followThroughField(1)]: ["Choose an answer."] })).toBe(followThroughField(1));
    expect(firstMarkedField(parts, { comment: ["Too long."], form: ["Reload the page."] })).toBeNull();
    expect(firstMarkedField(parts, { [earlier]: [] })).toBeNull();
  });
});
