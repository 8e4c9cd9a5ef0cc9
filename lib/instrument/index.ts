import { ASPECT_KEYS, type AspectKey, type Pole } from "../aspects";
import { type AbsentReason, resolveThresholds, type Thresholds } from "../scoring/suppression";
import { en } from "./en";
import type { AspectText, InstrumentText, SurveyText } from "./types";

export { en } from "./en";
export type { AspectText, InstrumentText, PoleText, SurveyText } from "./types";

/** Every language the instrument is written in. A translation is one more entry. */
export const INSTRUMENT_TEXTS = { en } as const satisfies Record<string, InstrumentText>;
export type Locale = keyof typeof INSTRUMENT_TEXTS;
export const DEFAULT_LOCALE: Locale = "en";

export function instrumentText(locale: Locale = DEFAULT_LOCALE): InstrumentText {
  return INSTRUMENT_TEXTS[locale];
}

/** The aspects with their text, in the order of the instrument. */
export function orderedAspects(text: InstrumentText = en): readonly (AspectText & { readonly key: AspectKey })[] {
  return ASPECT_KEYS.map((key) => ({ key, ...text.aspects[key] }));
}

/** The survey's wording, out of the whole instrument. */
export function surveyText(text: InstrumentText = en): SurveyText {
  const { rating, needCantSay, raterIntro, selfIntro, comment } = text;
  return { rating, needCantSay, raterIntro, selfIntro, comment, aspects: orderedAspects(text) };
}

/** Who is answering: a rep about their manager, or the manager about themselves. */
export type Perspective = "rater" | "self";

/** The statement of one pole item, worded for the person answering it. */
export function poleStatement(aspect: AspectKey, pole: Pole, perspective: Perspective, text: InstrumentText = en): string {
  const poleText = text.aspects[aspect][pole];
  return perspective === "rater" ? poleText.statement : poleText.selfStatement;
}

/** Why a value is hidden, in words, saying no more than the thresholds themselves. */
export function describeAbsence(reason: AbsentReason, thresholds: Partial<Thresholds> = {}, text: InstrumentText = en): string {
  // Resolved the same way suppression resolves them, so the text names the rule applied.
  const { k, commentThreshold } = resolveThresholds(thresholds);
  return text.absence[reason].replaceAll("{k}", String(k)).replaceAll("{commentThreshold}", String(commentThreshold));
}
