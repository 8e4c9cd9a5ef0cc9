import { z } from "zod";
import { ASPECT_KEYS, type AspectKey, COMMENT_MAX_LENGTH, type Need, type Rating } from "../aspects";
import { COMMITMENT_POSITIONS } from "../commitment-fields";
import { uuidField } from "../ids";
import { CANT_SAY, FOLLOW_THROUGH_POSITIONS } from "./fields";

const UNANSWERED = "Choose an answer, or “Can't say”.";

const rating = z.enum(["1", "2", "3", "4", "5", CANT_SAY], { error: UNANSWERED }).transform((value) => (value === CANT_SAY ? null : (Number(value) as Rating)));

const need = z.enum(["-2", "-1", "0", "1", "2", CANT_SAY], { error: UNANSWERED }).transform((value) => (value === CANT_SAY ? null : (Number(value) as Need)));

// An unknown aspect, or an unknown item of a known aspect: either way, not this survey's form.
const FOREIGN_FORM = "The form did not come from this survey. Reload the page and try again.";
/** Marks an issue that is about the whole form, wherever in it the schema found it. */
const WHOLE_FORM = "wholeForm";

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

/**
 * One follow-through item per commitment the manager made before this cycle (lib/follow-
 * through), by its place in their list. The form names the places it asks about; each must
 * be answered or "can't say", and no other may be. The data access layer checks the places
 * against the manager's commitments, so a forged list is refused there.
 */
const followThrough = z
  .object({ positions: z.string({ error: FOREIGN_FORM }), answers: z.record(z.string(), z.unknown()) })
  .transform(({ positions, answers }, context) => {
    const places = positions === "" ? [] : positions.split(",").map(Number);
    const known = places.every((place, index) => COMMITMENT_POSITIONS.includes(place) && (index === 0 || place > places[index - 1]!));
    if (!known || Object.keys(answers).some((key) => !places.includes(Number(key)) || String(Number(key)) !== key)) {
      context.addIssue({ code: "custom", message: FOREIGN_FORM, params: { [WHOLE_FORM]: true } });
      return z.NEVER;
    }
    return places.map((position) => {
      const parsed = rating.safeParse(answers[String(position)]);
      if (!parsed.success) context.addIssue({ code: "custom", message: UNANSWERED, path: [String(position)] });
      return { position, rating: parsed.success ? parsed.data : null };
    });
  });

export const responseSchema = z.object({ ...ids, aspects: allAspects(raterAspect), followThrough, comment });
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
  const followThrough = { positions: "", answers: {} as Record<string, unknown> };
  const result: Record<string, unknown> & { aspects: Record<string, Record<string, unknown>> } = { aspects, followThrough };
  for (const [key, value] of entries) {
    const match = /^aspects\.([^.]+)\.([^.]+)$/.exec(key);
    const place = /^followThrough\.([^.]+)$/.exec(key);
    if (key === FOLLOW_THROUGH_POSITIONS) {
      followThrough.positions = value as string;
    } else if (place) {
      followThrough.answers[place[1] ?? ""] = value;
    } else if (match) {
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
    const wholeForm = issue.code === "unrecognized_keys" || (issue.code === "custom" && issue.params?.[WHOLE_FORM] === true);
    const key = wholeForm ? "form" : issue.path.join(".") || "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
