"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cycleIdSchema, cycleInputSchema, type CycleField } from "@/server/cycles/schema";
import { closeCycleNow, createCycle, CycleRuleError, openCycle, raiseCycleThresholds, updateDraftCycle } from "@/server/dal/cycles";
import { ForbiddenError } from "@/server/dal/errors";
import { adminGate } from "@/server/dal/admin-gate";
import type { Viewer } from "@/server/dal/viewer";
import { getDb } from "@/server/db";
import { thresholdsSchema } from "@/server/dal/settings";
import type { FormState } from "@/server/form-state";

export type CycleFormState = FormState<CycleField>;

const failed = (message: string): CycleFormState => ({ status: "error", message, fieldErrors: {} });

const MANAGE = "manage cycles";

/**
 * Runs one admin change for an administrator already let through the gate: the data access
 * layer checks the right again and applies the rules. Refusals come back as messages;
 * anything else is logged by name only and reported without detail.
 */
async function asAdmin(viewer: Viewer, work: (viewer: Viewer) => Promise<string>): Promise<CycleFormState> {
  try {
    const message = await work(viewer);
    revalidatePath("/admin/cycles");
    return { status: "success", message, fieldErrors: {} };
  } catch (error) {
    if (error instanceof CycleRuleError) return failed(error.message);
    if (error instanceof ForbiddenError) return failed(`Only administrators can ${MANAGE}.`);
    console.error(`cycle change failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return failed("That did not work, and nothing was changed. Please try again.");
  }
}

const typed = (formData: FormData) => ({
  name: String(formData.get("name") ?? ""),
  opensOn: String(formData.get("opensOn") ?? ""),
  closesOn: String(formData.get("closesOn") ?? ""),
});

function parseCycle(formData: FormData) {
  return cycleInputSchema.safeParse(typed(formData));
}

export async function createCycleAction(_previous: CycleFormState, formData: FormData): Promise<CycleFormState> {
  const { viewer, refusal } = await adminGate(MANAGE);
  if (refusal !== undefined) return { ...failed(refusal), values: typed(formData) };
  const parsed = parseCycle(formData);
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await asAdmin(viewer, async (viewer) => {
    await createCycle(await getDb(), viewer, parsed.data);
    return `Draft “${parsed.data.name}” created. Open it when you are ready.`;
  });
  // After a success the form starts empty for the next cycle; after a refusal it keeps what was typed.
  return result.status === "error" ? { ...result, values: typed(formData) } : result;
}

function invalid(error: z.ZodError, formData: FormData): CycleFormState {
  return { status: "error", message: "Check the highlighted fields.", fieldErrors: z.flattenError(error).fieldErrors, values: typed(formData) };
}

export async function updateCycleAction(_previous: CycleFormState, formData: FormData): Promise<CycleFormState> {
  const { viewer, refusal } = await adminGate(MANAGE);
  if (refusal !== undefined) return { ...failed(refusal), values: typed(formData) };
  const id = cycleIdSchema.safeParse(formData.get("cycleId"));
  const parsed = parseCycle(formData);
  if (!id.success) return failed("Unknown cycle.");
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await asAdmin(viewer, async (viewer) => {
    await updateDraftCycle(await getDb(), viewer, id.data, parsed.data);
    return `Saved “${parsed.data.name}”.`;
  });
  return { ...result, values: typed(formData) };
}

export async function openCycleAction(_previous: CycleFormState, formData: FormData): Promise<CycleFormState> {
  const { viewer, refusal } = await adminGate(MANAGE);
  if (refusal !== undefined) return failed(refusal);
  const id = cycleIdSchema.safeParse(formData.get("cycleId"));
  if (!id.success) return failed("Unknown cycle.");
  return asAdmin(viewer, async (viewer) => {
    await openCycle(await getDb(), viewer, id.data);
    return "The cycle is open: everyone in it can now rate their manager.";
  });
}

export async function closeCycleAction(_previous: CycleFormState, formData: FormData): Promise<CycleFormState> {
  const { viewer, refusal } = await adminGate(MANAGE);
  if (refusal !== undefined) return failed(refusal);
  const id = cycleIdSchema.safeParse(formData.get("cycleId"));
  if (!id.success) return failed("Unknown cycle.");
  return asAdmin(viewer, async (viewer) => {
    await closeCycleNow(await getDb(), viewer, id.data);
    return "The cycle is closed. Results are now available to managers.";
  });
}

export type CycleThresholdsState = FormState<"k" | "commentThreshold">;

export async function raiseThresholdsAction(_previous: CycleThresholdsState, formData: FormData): Promise<CycleThresholdsState> {
  const values = { k: String(formData.get("k") ?? ""), commentThreshold: String(formData.get("commentThreshold") ?? "") };
  const { viewer, refusal } = await adminGate(MANAGE);
  if (refusal !== undefined) return { status: "error", message: refusal, fieldErrors: {}, values };
  const id = cycleIdSchema.safeParse(formData.get("cycleId"));
  if (!id.success) return { status: "error", message: "Unknown cycle.", fieldErrors: {}, values };
  const parsed = thresholdsSchema.safeParse(values);
  if (!parsed.success) {
    return { status: "error", message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  const result = await asAdmin(viewer, async (viewer) => {
    await raiseCycleThresholds(await getDb(), viewer, id.data, parsed.data);
    return `Raised: this cycle's results now need ${parsed.data.k} raters, and its comments ${parsed.data.commentThreshold}.`;
  });
  return { status: result.status, message: result.message, fieldErrors: {}, values };
}
