import { z } from "zod";
import { uuidField } from "./ids";

/** The longest cycle name; the database enforces the same (cycles_name_length). */
export const CYCLE_NAME_MAX_LENGTH = 120;

const isoDay = z.iso.date({ error: "Enter a date." });

/** What an admin types to create or edit a cycle. */
export const cycleInputSchema = z
  .object({
    name: z.string().trim().min(1, "Give the cycle a name.").max(CYCLE_NAME_MAX_LENGTH, `Keep the name to ${CYCLE_NAME_MAX_LENGTH} characters.`),
    opensOn: isoDay,
    closesOn: isoDay,
  })
  .refine((cycle) => cycle.closesOn > cycle.opensOn, {
    message: "The close date must come after the open date.",
    path: ["closesOn"],
  });

export type CycleInput = z.infer<typeof cycleInputSchema>;
export type CycleField = keyof CycleInput;

export const cycleIdSchema = uuidField("Unknown cycle.");

/** The search parameter that names a draft just deleted, for the cycles page to say so. */
export const DELETED_PARAM = "deleted";
