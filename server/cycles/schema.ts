import "server-only";
import { z } from "zod";

const isoDay = z.iso.date({ error: "Enter a date." });

/** What an admin types to create or edit a cycle. */
export const cycleInputSchema = z
  .object({
    name: z.string().trim().min(1, "Give the cycle a name.").max(120, "Keep the name under 120 characters."),
    opensOn: isoDay,
    closesOn: isoDay,
  })
  .refine((cycle) => cycle.closesOn > cycle.opensOn, {
    message: "The close date must come after the open date.",
    path: ["closesOn"],
  });

export type CycleInput = z.infer<typeof cycleInputSchema>;
export type CycleField = keyof CycleInput;

export const cycleIdSchema = z.uuid({ error: "Unknown cycle." });
