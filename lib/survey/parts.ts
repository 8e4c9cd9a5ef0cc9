import { ASPECT_KEYS, type AspectKey } from "../aspects";
import { fieldName, followThroughField, itemsFor, type Perspective } from "./fields";

/**
 * The survey's parts, in the order of the form: one per aspect, then the follow-through
 * items as one more part when the manager committed to actions. On a phone each part is a
 * screen of its own; the counts match `surveyProgress`, which counts the same parts.
 */
export interface SurveyPart {
  key: AspectKey | "followThrough";
  /** The radio groups of this part, by field name, in the order shown. */
  fields: readonly string[];
}

export function surveyParts(perspective: Perspective, followThroughPositions: readonly number[]): SurveyPart[] {
  const parts: SurveyPart[] = ASPECT_KEYS.map((aspect) => ({ key: aspect, fields: itemsFor(perspective).map((item) => fieldName(aspect, item)) }));
  if (perspective === "rater" && followThroughPositions.length > 0)
    parts.push({ key: "followThrough", fields: followThroughPositions.map(followThroughField) });
  return parts;
}

/** "Aspect 3 of 7", or "Part 8 of 8" once the follow-through part makes the parts more than aspects. */
export function partLabel(index: number, parts: readonly SurveyPart[]): string {
  const noun = parts.length === ASPECT_KEYS.length ? "Aspect" : "Part";
  return `${noun} ${index + 1} of ${parts.length}`;
}

/** The part that holds a field; fields after the parts (the comment) belong to the last one. */
export function partOfField(parts: readonly SurveyPart[], name: string): number {
  const index = parts.findIndex((part) => part.fields.includes(name));
  return index === -1 ? parts.length - 1 : index;
}

/** Where to pick a survey up again: the first part with a question left, or the last part when none is. */
export function firstUnfinishedPart(parts: readonly SurveyPart[], answers: Readonly<Record<string, string | undefined>>): number {
  const index = parts.findIndex((part) => part.fields.some((name) => answers[name] === undefined));
  return index === -1 ? parts.length - 1 : index;
}

/** The first question, in the order of the form, that the server marked; null when none was. */
export function firstMarkedField(parts: readonly SurveyPart[], fieldErrors: Readonly<Partial<Record<string, readonly string[]>>>): string | null {
  for (const part of parts) {
    const marked = part.fields.find((name) => (fieldErrors[name]?.length ?? 0) > 0);
    if (marked) return marked;
  }
  return null;
}
