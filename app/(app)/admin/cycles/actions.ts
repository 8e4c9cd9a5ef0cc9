"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction } from "@/server/action";
import { cycleIdSchema, cycleInputSchema, type CycleField } from "@/lib/cycle-input";
import { ALLOW_OVERLAP_FIELD, ALLOW_OVERLAP_LABEL, quotedNames } from "@/lib/cycle-overlap";
import { DELETED_PARAM } from "@/lib/cycle-input";
import { closeCycleNow, createCycle, deleteDraftCycle, openCycle, raiseCycleThresholds, updateDraftCycle } from "@/server/dal/cycles";
import { thresholdsSchema } from "@/server/dal/settings";
import { getDb } from "@/server/db";
import { emailIsOn } from "@/server/dal/email";
import { deliverEmailSoon } from "@/server/email-delivery";
import { siteOrigin } from "@/server/site-origin";
import type { FormState } from "@/server/form-state";

export type CycleFormState = FormState<CycleField>;
export type CycleThresholdsState = FormState<"k" | "commentThreshold">;
export type CycleTransitionState = FormState<typeof ALLOW_OVERLAP_FIELD>;

/** What every cycle action shares: the administrators' gate, the log line, and the page the change shows on. */
const cycleChange = { name: "cycle change", gate: "admin", can: "manage cycles", revalidate: ["/admin/cycles"] } as const;

const typed = (formData: FormData) => ({
  name: String(formData.get("name") ?? ""),
  opensOn: String(formData.get("opensOn") ?? ""),
  closesOn: String(formData.get("closesOn") ?? ""),
});

const thresholds = (formData: FormData) => ({ k: String(formData.get("k") ?? ""), commentThreshold: String(formData.get("commentThreshold") ?? "") });

const cycleId = z.object({ cycleId: cycleIdSchema });
const withCycleId = (formData: FormData) => ({ cycleId: formData.get("cycleId") });

/** Opening: the cycle, and whether the admin ticked the box that lets it run alongside another open cycle. */
const openInput = z.object({
  cycleId: cycleIdSchema,
  [ALLOW_OVERLAP_FIELD]: z.literal("on").optional(),
});
const withOverlap = (formData: FormData) => ({ ...withCycleId(formData), [ALLOW_OVERLAP_FIELD]: formData.get(ALLOW_OVERLAP_FIELD) ?? undefined });

export async function createCycleAction(_previous: CycleFormState, formData: FormData): Promise<CycleFormState> {
  return runAction(formData, {
    ...cycleChange,
    echo: typed,
    // After a success the form starts empty for the next cycle; after a refusal it keeps what was typed.
    clearOnSuccess: true,
    schema: cycleInputSchema,
    input: typed,
    run: async ({ viewer, input }) => {
      await createCycle(await getDb(), viewer, input);
      return `Draft “${input.name}” created. Open it when you are ready.`;
    },
  });
}

export async function updateCycleAction(_previous: CycleFormState, formData: FormData): Promise<CycleFormState> {
  return runAction(formData, {
    ...cycleChange,
    echo: typed,
    schema: cycleId.and(cycleInputSchema),
    input: (formData) => ({ ...withCycleId(formData), ...typed(formData) }),
    hidden: ["cycleId"],
    run: async ({ viewer, input: { cycleId, ...cycle } }) => {
      await updateDraftCycle(await getDb(), viewer, cycleId, cycle);
      return `Saved “${cycle.name}”.`;
    },
  });
}

export async function openCycleAction(_previous: CycleTransitionState, formData: FormData): Promise<CycleTransitionState> {
  return runAction(formData, {
    ...cycleChange,
    schema: openInput,
    input: withOverlap,
    hidden: ["cycleId"],
    invalid: `“${ALLOW_OVERLAP_LABEL}” is either ticked or not: nothing was opened.`,
    run: async ({ viewer, input }) => {
      const { alongside, invited } = await openCycle(await getDb(), viewer, input.cycleId, {
        allowOverlap: input[ALLOW_OVERLAP_FIELD] === "on",
        origin: await siteOrigin(),
      });
      deliverEmailSoon();
      const overlap = alongside.length > 0 ? ` It runs alongside ${quotedNames(alongside)}.` : "";
      const told = invited ? " Invitations are on their way by email." : emailIsOn() ? "" : " Email is off: tell them yourself.";
      return `The cycle is open: everyone in it can now rate their manager.${told}${overlap}`;
    },
  });
}

export async function closeCycleAction(_previous: CycleTransitionState, formData: FormData): Promise<CycleTransitionState> {
  return runAction(formData, {
    ...cycleChange,
    schema: cycleId,
    input: withCycleId,
    hidden: ["cycleId"],
    run: async ({ viewer, input }) => {
      await closeCycleNow(await getDb(), viewer, input.cycleId, await siteOrigin());
      deliverEmailSoon();
      const told = emailIsOn() ? " Each manager whose team met k is told by email." : "";
      return `The cycle is closed. Results are now available to managers.${told}`;
    },
  });
}

export async function raiseThresholdsAction(_previous: CycleThresholdsState, formData: FormData): Promise<CycleThresholdsState> {
  return runAction(formData, {
    ...cycleChange,
    echo: thresholds,
    schema: cycleId.and(thresholdsSchema),
    input: (formData) => ({ ...withCycleId(formData), ...thresholds(formData) }),
    hidden: ["cycleId"],
    run: async ({ viewer, input: { cycleId, ...raised } }) => {
      await raiseCycleThresholds(await getDb(), viewer, cycleId, raised);
      return `Raised: this cycle's results now need ${raised.k} raters, and its comments ${raised.commentThreshold}.`;
    },
  });
}

/** Deleting a draft: the row goes, so the page it lands on says what happened (see page.tsx `deleted`). */
export async function deleteDraftAction(_previous: CycleTransitionState, formData: FormData): Promise<CycleTransitionState> {
  return runAction(formData, {
    ...cycleChange,
    schema: cycleId,
    input: withCycleId,
    hidden: ["cycleId"],
    run: async ({ viewer, input }) => {
      const name = await deleteDraftCycle(await getDb(), viewer, input.cycleId);
      redirect(`/admin/cycles?${DELETED_PARAM}=${encodeURIComponent(name)}`);
    },
  });
}
