"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ForbiddenError } from "@/server/dal/errors";
import { adminGate } from "@/server/dal/admin-gate";
import { thresholdsSchema, updateThresholds } from "@/server/dal/settings";
import { getDb } from "@/server/db";
import type { FormState } from "@/server/form-state";

export type ThresholdsField = "k" | "commentThreshold";
export type ThresholdsState = FormState<ThresholdsField>;

export async function updateThresholdsAction(_previous: ThresholdsState, formData: FormData): Promise<ThresholdsState> {
  const values = { k: String(formData.get("k") ?? ""), commentThreshold: String(formData.get("commentThreshold") ?? "") };
  const { viewer, refusal } = await adminGate("change thresholds");
  if (refusal !== undefined) return { status: "error", message: refusal, fieldErrors: {}, values };
  const parsed = thresholdsSchema.safeParse(values);
  if (!parsed.success) {
    return { status: "error", message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  try {
    await updateThresholds(await getDb(), viewer, parsed.data);
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: "error", message: "Only administrators can change thresholds.", fieldErrors: {}, values };
    console.error(`threshold change failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return { status: "error", message: "That did not work, and nothing was changed. Please try again.", fieldErrors: {}, values };
  }
  revalidatePath("/", "layout");
  return { status: "success", message: "Saved. Cycles opened from now on use these thresholds.", fieldErrors: {}, values };
}
