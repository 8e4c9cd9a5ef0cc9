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

/** How many aspects have every item answered ("can't say" counts as an answer). */
export function completedAspects(answers: Readonly<Record<string, string | undefined>>, perspective: Perspective): number {
  return ASPECT_KEYS.filter((aspect) => itemsFor(perspective).every((item) => answers[fieldName(aspect, item)] !== undefined)).length;
}
