"use server";

import { z } from "zod";
import { runAction } from "@/server/action";
import { cycleIdSchema, cycleInputSchema, type CycleField } from "@/lib/cycle-input";
import { closeCycleNow, createCycle, openCycle, raiseCycleThresholds, updateDraftCycle } from "@/server/dal/cycles";
import { thresholdsSchema } from "@/server/dal/settings";
import { getDb } from "@/server/db";
import type { FormState } from "@/server/form-state";

export type CycleFormState = FormState<CycleField>;
export type CycleThresholdsState = FormState<"k" | "commentThreshold">;

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

export async function openCycleAction(_previous: CycleFormState, formData: FormData): Promise<CycleFormState> {
  return runAction(formData, {
    ...cycleChange,
    schema: cycleId,
    input: withCycleId,
    hidden: ["cycleId"],
    run: async ({ viewer, input }) => {
      await openCycle(await getDb(), viewer, input.cycleId);
      return "The cycle is open: everyone in it can now rate their manager.";
    },
  });
}

export async function closeCycleAction(_previous: CycleFormState, formData: FormData): Promise<CycleFormState> {
  return runAction(formData, {
    ...cycleChange,
    schema: cycleId,
    input: withCycleId,
    hidden: ["cycleId"],
    run: async ({ viewer, input }) => {
      await closeCycleNow(await getDb(), viewer, input.cycleId);
      return "The cycle is closed. Results are now available to managers.";
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
