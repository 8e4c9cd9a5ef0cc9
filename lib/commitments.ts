/**
 * Commitments: after a report, the manager picks one to three actions to practise before
 * the next cycle, each tied to an aspect and a direction. Each is a library action (one
 * of the suggested ones, or any other) or the manager's own words. These are the schemas
 * that check a list, and the form that sends one; the rest is in lib/commitment-fields.ts,
 * which the browser gets too.
 */
import { z } from "zod";
import { ASPECT_KEYS } from "./aspects";
import {
  checkLibraryChoice,
  checkOwnText,
  COMMITMENT_FIELDS,
  type CommitmentField,
  type CommitmentInput,
  MAX_COMMITMENTS,
  MIN_COMMITMENTS,
  readCommitmentForm,
  REPEATED_ACTION,
  REPEATED_TEXT,
  repeatOf,
  TOO_FEW,
  TOO_MANY,
} from "./commitment-fields";
import { uuidField } from "./ids";
import { DIRECTIONS } from "./recommendations/library";

export * from "./commitment-fields";

const aspect = z.enum(ASPECT_KEYS, { error: "Choose an aspect from the list." });
const direction = z.enum(DIRECTIONS, { error: "Choose a direction from the list." });

const ownText = z.string().transform((text, context) => {
  const checked = checkOwnText(text);
  if (checked.ok) return checked.text;
  context.addIssue({ code: "custom", message: checked.message });
  return z.NEVER;
});

/** One commitment: a library action filed under its aspect and direction, or the manager's own words with theirs. */
export const commitmentSchema = z
  .discriminatedUnion("source", [
    z.object({ source: z.literal("library"), actionId: z.string(), aspect, direction }),
    z.object({ source: z.literal("own"), text: ownText, aspect, direction }),
  ])
  .superRefine((commitment, context) => {
    if (commitment.source !== "library") return;
    const check = checkLibraryChoice(commitment.actionId, commitment.aspect, commitment.direction);
    if (!check.ok) context.addIssue({ code: "custom", message: check.message, path: ["actionId"] });
  }) satisfies z.ZodType<CommitmentInput>;

/** A manager's list after one report: one to three, in order, none repeated. */
export const commitmentListSchema = z
  .array(commitmentSchema, { error: TOO_FEW })
  .min(MIN_COMMITMENTS, TOO_FEW)
  .max(MAX_COMMITMENTS, TOO_MANY)
  .superRefine((list, context) => {
    list.forEach((item, index) => {
      if (repeatOf(list, index) >= 0) context.addIssue({ code: "custom", message: item.source === "library" ? REPEATED_ACTION : REPEATED_TEXT, path: [index] });
    });
  });

const formField = z.string({ error: "Check this field." }).optional();

/**
 * The commitments form: the cycle whose report it answers, and one row of fields per place
 * (lib/commitment-fields `readCommitmentForm`). Each problem is reported on its field.
 */
export const commitmentsFormSchema = z
  .object({
    cycleId: uuidField("Unknown cycle."),
    ...(Object.fromEntries(COMMITMENT_FIELDS.map((name) => [name, formField])) as Record<CommitmentField, typeof formField>),
  })
  .transform(({ cycleId, ...values }, context) => {
    const reading = readCommitmentForm(values);
    if (reading.ok) return { cycleId, commitments: reading.commitments };
    for (const [field, message] of Object.entries(reading.errors)) context.addIssue({ code: "custom", message, path: [field] });
    return z.NEVER;
  });

/** Taking one commitment off the list: the cycle, and its place in the list. */
export const removeCommitmentSchema = z.object({
  cycleId: uuidField("Unknown cycle."),
  position: z.coerce
    .number({ error: "Unknown commitment." })
    .int({ error: "Unknown commitment." })
    .min(1, { error: "Unknown commitment." })
    .max(MAX_COMMITMENTS, { error: "Unknown commitment." }),
});
