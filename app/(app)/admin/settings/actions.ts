"use server";

import { runAction } from "@/server/action";
import { thresholdsSchema, updateThresholds } from "@/server/dal/settings";
import { getDb } from "@/server/db";
import type { FormState } from "@/server/form-state";

export type ThresholdsField = "k" | "commentThreshold";
export type ThresholdsState = FormState<ThresholdsField>;

const typed = (formData: FormData) => ({ k: String(formData.get("k") ?? ""), commentThreshold: String(formData.get("commentThreshold") ?? "") });

export async function updateThresholdsAction(_previous: ThresholdsState, formData: FormData): Promise<ThresholdsState> {
  return runAction(formData, {
    name: "threshold change",
    gate: "admin",
    can: "change thresholds",
    echo: typed,
    schema: thresholdsSchema,
    input: typed,
    run: async ({ viewer, input }) => {
      await updateThresholds(await getDb(), viewer, input);
      return "Saved. Cycles opened from now on use these thresholds.";
    },
    // Every report and export reads the thresholds.
    revalidate: [["/", "layout"]],
  });
}
