"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cycleIdSchema, cycleInputSchema, type CycleField } from "@/server/cycles/schema";
import { closeCycleNow, createCycle, CycleRuleError, openCycle, updateDraftCycle } from "@/server/dal/cycles";
import { ForbiddenError } from "@/server/dal/errors";
import { currentViewer } from "@/server/dal/session";
import type { Viewer } from "@/server/dal/viewer";
import { getDb } from "@/server/db";
import type { FormState } from "@/server/form-state";

export type CycleFormState = FormState<CycleField>;

const failed = (message: string): CycleFormState => ({ status: "error", message, fieldErrors: {} });

/**
 * Runs one admin change: re-reads the session, then lets the data access layer check the
 * right and apply the rules. Refusals come back as messages; anything else is logged by
 * name only and reported without detail.
 */
async function asAdmin(work: (viewer: Viewer) => Promise<string>): Promise<CycleFormState> {
  const viewer = await currentViewer();
  if (!viewer) return failed("Your session has ended. Sign in again.");
  try {
    const message = await work(viewer);
    revalidatePath("/admin/cycles");
    return { status: "success", message, fieldErrors: {} };
  } catch (error) {
    if (error instanceof CycleRuleError) return failed(error.message);
    if (error instanceof ForbiddenError) return failed("Only administrators can manage cycles.");
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
  const parsed = parseCycle(formData);
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await asAdmin(async (viewer) => {
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
  const id = cycleIdSchema.safeParse(formData.get("cycleId"));
  const parsed = parseCycle(formData);
  if (!id.success) return failed("Unknown cycle.");
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await asAdmin(async (viewer) => {
    await updateDraftCycle(await getDb(), viewer, id.data, parsed.data);
    return `Saved “${parsed.data.name}”.`;
  });
  return { ...result, values: typed(formData) };
}

export async function openCycleAction(_previous: CycleFormState, formData: FormData): Promise<CycleFormState> {
  const id = cycleIdSchema.safeParse(formData.get("cycleId"));
  if (!id.success) return failed("Unknown cycle.");
  return asAdmin(async (viewer) => {
    await openCycle(await getDb(), viewer, id.data);
    return "The cycle is open: everyone in it can now rate their manager.";
  });
}

export async function closeCycleAction(_previous: CycleFormState, formData: FormData): Promise<CycleFormState> {
  const id = cycleIdSchema.safeParse(formData.get("cycleId"));
  if (!id.success) return failed("Unknown cycle.");
  return asAdmin(async (viewer) => {
    await closeCycleNow(await getDb(), viewer, id.data);
    return "The cycle is closed. Results are now available to managers.";
  });
}
