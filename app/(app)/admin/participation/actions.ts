"use server";

import { z } from "zod";
import { cycleIdSchema } from "@/lib/cycle-input";
import { runAction } from "@/server/action";
import { remindNonRespondents } from "@/server/dal/email";
import { getDb } from "@/server/db";
import { deliverEmailSoon } from "@/server/email-delivery";
import type { FormState } from "@/server/form-state";
import { siteOrigin } from "@/server/site-origin";

export type RemindState = FormState;

/** "Remind everyone who has not answered": the outbox sends them within the minute; the admin learns no name. */
export async function remindAction(_previous: RemindState, formData: FormData): Promise<RemindState> {
  return runAction(formData, {
    name: "reminders",
    gate: "admin",
    can: "send reminders",
    schema: z.object({ cycleId: cycleIdSchema }),
    input: (formData) => ({ cycleId: formData.get("cycleId") }),
    hidden: ["cycleId"],
    run: async ({ viewer, input }) => {
      const summary = await remindNonRespondents(await getDb(), viewer, input.cycleId, await siteOrigin());
      deliverEmailSoon();
      return summary;
    },
    revalidate: ["/admin/participation"],
  });
}
