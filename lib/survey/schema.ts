import { z } from "zod";
import { ASPECT_KEYS, type AspectKey, COMMENT_MAX_LENGTH, type Need, type Rating } from "../aspects";
import { uuidField } from "../ids";
import { CANT_SAY } from "./fields";

const UNANSWERED = "Choose an answer, or “Can't say”.";

const rating = z.enum(["1", "2", "3", "4", "5", CANT_SAY], { error: UNANSWERED }).transform((value) => (value === CANT_SAY ? null : (Number(value) as Rating)));

const need = z.enum(["-2", "-1", "0", "1", "2", CANT_SAY], { error: UNANSWERED }).transform((value) => (value === CANT_SAY ? null : (Number(value) as Need)));

// An unknown aspect, or an unknown item of a known aspect: either way, not this survey's form.
const FOREIGN_FORM = "The form did not come from this survey. Reload the page and try again.";

const raterAspect = z.strictObject({ management: rating, leadership: rating, need }, { error: FOREIGN_FORM });
const selfAspect = z.strictObject({ management: rating, leadership: rating }, { error: FOREIGN_FORM });

function allAspects<T extends z.ZodType>(item: T) {
  const shape = Object.fromEntries(ASPECT_KEYS.map((key) => [key, item])) as Record<AspectKey, T>;
  return z.strictObject(shape, { error: FOREIGN_FORM });
}

const characters = (value: string) => [...value].length;

const comment = z
  .string({ error: "The comment must be text." })
  .optional()
  .transform((value) => value?.trim() ?? "")
  .refine((value) => characters(value) <= COMMENT_MAX_LENGTH, {
    error: `Keep the comment to ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters.`,
  })
  .transform((value) => (value === "" ? null : value));

const ids = {
  cycleId: uuidField("Unknown cycle."),
  managerId: uuidField("Unknown manager."),
};

export const responseSchema = z.object({ ...ids, aspects: allAspects(raterAspect), comment });
export const selfAssessmentSchema = z.object({ ...ids, aspects: allAspects(selfAspect) });

export type ResponseInput = z.infer<typeof responseSchema>;
export type SelfAssessmentInput = z.infer<typeof selfAssessmentSchema>;

/**
 * Turns the posted fields into the nested shape the schemas read. Fields the survey never
 * has (an unknown aspect or item) are kept, so that the strict schemas can refuse them.
 */
export function surveyFields(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  // Every aspect starts present, so a skipped item is reported as that item, not as a whole aspect.
  const aspects: Record<string, Record<string, unknown>> = Object.fromEntries(ASPECT_KEYS.map((key) => [key, {}]));
  const result: Record<string, unknown> & { aspects: Record<string, Record<string, unknown>> } = { aspects };
  for (const [key, value] of entries) {
    const match = /^aspects\.([^.]+)\.([^.]+)$/.exec(key);
    if (match) {
      const [, aspect = "", item = ""] = match;
      result.aspects[aspect] ??= {};
      (result.aspects[aspect] as Record<string, unknown>)[item] = value;
    } else if (key === "cycleId" || key === "managerId" || key === "comment") {
      result[key] = value;
    }
  }
  return result;
}

/** Zod's issues as the form's field errors, keyed by input name. */
export function surveyFieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.code === "unrecognized_keys" ? "form" : issue.path.join(".") || "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
