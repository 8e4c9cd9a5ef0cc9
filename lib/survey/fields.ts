import { ASPECT_KEYS, type AspectKey } from "../aspects";
import type { Perspective } from "../instrument";

export type { Perspective };

// Nothing here may import zod: the survey form ships this module to the browser.

/**
 * The survey's wire format, shared by the form and the server action. Every item is a
 * radio group named `aspects.<aspect>.<item>`; "can't say" is an explicit answer, so a
 * missing field always means the item was skipped.
 */
export const CANT_SAY = "cant_say";
export type SurveyItem = "management" | "leadership" | "need";

export const RATER_ITEMS: readonly SurveyItem[] = ["management", "leadership", "need"];
export const SELF_ITEMS: readonly SurveyItem[] = ["management", "leadership"];

export const itemsFor = (perspective: Perspective) => (perspective === "rater" ? RATER_ITEMS : SELF_ITEMS);
export const fieldName = (aspect: AspectKey, item: SurveyItem) => `aspects.${aspect}.${item}`;
/** The follow-through item of the commitment at this place in the manager's list (lib/follow-through). */
export const followThroughField = (position: number) => `followThrough.${position}`;
/** The hidden field that lists the places the form asks about, "1,3" say, or "" for none. */
export const FOLLOW_THROUGH_POSITIONS = "followThroughPositions";

/** How many aspects have every item answered ("can't say" counts as an answer). */
export function completedAspects(answers: Readonly<Record<string, string | undefined>>, perspective: Perspective): number {
  return ASPECT_KEYS.filter((aspect) => itemsFor(perspective).every((item) => answers[fieldName(aspect, item)] !== undefined)).length;
}

/** How far a survey is: its aspects, and the follow-through items as one more part when there are any. */
export function surveyProgress(
  answers: Readonly<Record<string, string | undefined>>,
  perspective: Perspective,
  followThroughPositions: readonly number[],
): { done: number; total: number; unit: "aspects" | "parts" } {
  const aspects = completedAspects(answers, perspective);
  if (followThroughPositions.length === 0) return { done: aspects, total: ASPECT_KEYS.length, unit: "aspects" };
  const followedThrough = followThroughPositions.every((position) => answers[followThroughField(position)] !== undefined);
  return { done: aspects + (followedThrough ? 1 : 0), total: ASPECT_KEYS.length + 1, unit: "parts" };
}
