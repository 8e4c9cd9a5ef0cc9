"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formatSigned } from "@/lib/format";
import { SITUATION_KEYS } from "@/lib/situations";
import { ForbiddenError } from "@/server/dal/errors";
import { currentViewer } from "@/server/dal/session";
import { saveTeamSituations, SituationConflictError } from "@/server/dal/situations";
import { getDb } from "@/server/db";
import type { FormState } from "@/server/form-state";

export type SituationsField = "situations";
export type SituationsFormState = FormState<SituationsField>;

const failed = (message: string): SituationsFormState => ({ status: "error", message, fieldErrors: {} });

const RELOAD = "Reload the page and try again.";

const situationsSchema = z.object({
  managerId: z.uuid({ error: "Unknown team." }),
  // On the union alone the message is lost: Zod reports the uuid option's own error instead.
  basedOn: z.union([z.uuid({ error: RELOAD }), z.literal("")], { error: RELOAD }),
  situations: z.array(z.enum(SITUATION_KEYS, { error: "Choose from the listed situations only." })).max(SITUATION_KEYS.length),
});

/**
 * Saves a team's situation as a new entry of its history. Re-reads the session, validates
 * the form, and lets the data access layer check the right (above the team in today's
 * tree) and write in a transaction. Refusals come back as messages.
 */
export async function saveSituationsAction(_previous: SituationsFormState, formData: FormData): Promise<SituationsFormState> {
  const viewer = await currentViewer();
  if (!viewer) return failed("Your session has ended. Sign in again.");
  const parsed = situationsSchema.safeParse({
    managerId: formData.get("managerId"),
    basedOn: formData.get("basedOn") ?? "",
    situations: formData.getAll("situations"),
  });
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    return {
      status: "error",
      message: errors.managerId?.[0] ?? errors.basedOn?.[0] ?? "Check the situations.",
      fieldErrors: { situations: errors.situations },
    };
  }
  const { managerId, basedOn, situations } = parsed.data;
  try {
    const outcome = await saveTeamSituations(await getDb(), viewer, managerId, situations, basedOn || null);
    revalidatePath("/teams", "layout");
    return {
      status: "success",
      message:
        outcome.status === "saved"
          ? `Saved. The target T is now ${formatSigned(outcome.target, 2)}, and the fit gaps follow it.`
          : "Nothing to save: these are already the team's situations.",
      fieldErrors: {},
    };
  } catch (error) {
    if (error instanceof SituationConflictError) {
      revalidatePath("/teams", "layout");
      return failed(error.message);
    }
    if (error instanceof ForbiddenError) return failed("Only someone above this team in the reporting tree can change its situation.");
    console.error(`situation change failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return failed("That did not work, and nothing was changed. Please try again.");
  }
}
