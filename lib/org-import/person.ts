import { z } from "zod";
import { uuidSchema } from "../ids";
import { emailProblem, nameProblem, normaliseEmail, normaliseName } from "./fields";
import { CHOOSE_MANAGER, NO_MANAGER } from "./manager-choice";

/**
 * The forms that add one person or edit one, checked by the same rules as a line of an
 * import file (fields.ts): the same normalising, the same limits, the same messages.
 */
const ruled = (normalise: (value: string) => string, problem: (value: string) => string | null, missing: string) =>
  z.string({ error: missing }).transform((value, context) => {
    const normalised = normalise(value);
    const refusal = problem(normalised);
    if (refusal === null) return normalised;
    context.addIssue({ code: "custom", message: refusal });
    return z.NEVER;
  });

export const personNameSchema = ruled(normaliseName, nameProblem, "The name is missing.");
export const workEmailSchema = ruled(normaliseEmail, emailProblem, "The email is missing.");

export { CHOOSE_MANAGER, NO_MANAGER };

/** A choice of the manager picker: a person's id, or null for the top of the organisation. */
export const managerChoiceSchema = z
  .string({ error: CHOOSE_MANAGER })
  .refine((value) => value === NO_MANAGER || uuidSchema.safeParse(value).success, { error: CHOOSE_MANAGER })
  .transform((value) => (value === NO_MANAGER ? null : value));

/** What the details form of a person changes: the manager has a picker of its own. */
export const personDetailsSchema = z.object({ name: personNameSchema, isAdmin: z.boolean() });
export type PersonDetails = z.output<typeof personDetailsSchema>;

/** One person added by hand. */
export const newPersonSchema = z.object({ name: personNameSchema, email: workEmailSchema, managerId: managerChoiceSchema, isAdmin: z.boolean() });
export type NewPerson = z.output<typeof newPersonSchema>;
export type NewPersonField = keyof NewPerson;
