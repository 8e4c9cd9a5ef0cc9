"use server";

import { z } from "zod";
import { formatSigned } from "@/lib/format";
import { uuidField } from "@/lib/ids";
import { SITUATION_KEYS } from "@/lib/situations";
import { DIGITS } from "@/lib/teams/rows";
import { runAction } from "@/server/action";
import { ForbiddenError } from "@/server/dal/errors";
import { saveTeamSituations } from "@/server/dal/situations";
import { getDb } from "@/server/db";
import type { FormState } from "@/server/form-state";

export type SituationsField = "situations";
export type SituationsFormState = FormState<SituationsField>;

const RELOAD = "Reload the page and try again.";

const situationsSchema = z.object({
  managerId: uuidField("Unknown team."),
  // On the union alone the message is lost: Zod reports the uuid option's own error instead.
  basedOn: z.union([uuidField(RELOAD), z.literal("")], { error: RELOAD }),
  situations: z.array(z.enum(SITUATION_KEYS, { error: "Choose from the listed situations only." })).max(SITUATION_KEYS.length),
});

/**
 * Saves a team's situation as a new entry of its history. The data access layer checks the
 * right (above the team in today's tree) and writes in a transaction. A save based on an
 * entry that is no longer the latest is refused, and the page is read again to show the
 * newer one.
 */
export async function saveSituationsAction(_previous: SituationsFormState, formData: FormData): Promise<SituationsFormState> {
  return runAction(formData, {
    name: "situation change",
    gate: "signed-in",
    schema: situationsSchema,
    input: (formData) => ({ managerId: formData.get("managerId"), basedOn: formData.get("basedOn") ?? "", situations: formData.getAll("situations") }),
    hidden: ["managerId", "basedOn"],
    invalid: "Check the situations.",
    run: async ({ viewer, input: { managerId, basedOn, situations } }) => {
      const outcome = await saveTeamSituations(await getDb(), viewer, managerId, situations, basedOn || null);
      return outcome.status === "saved"
        ? `Saved. The situation now calls for ${formatSigned(outcome.target, DIGITS.target)}, and the fit to it follows.`
        : "Nothing to save: these are already the team's situations.";
    },
    revalidate: [["/teams", "layout"]],
    refusal: (error) => (error instanceof ForbiddenError ? "Only someone above this team in the reporting tree can change its situation." : undefined),
  });
}
