import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { settings } from "@/db/schema";
import { clock } from "@/lib/clock";
import { MIN_K, resolveThresholds, type Thresholds } from "@/lib/scoring";
import { recordAudit } from "@/server/internal/audit-log";
import { requireAdmin } from "./errors";
import type { Viewer } from "./viewer";

/**
 * The anonymity thresholds in force. Anyone signed in may read them: they are printed on
 * every report. The database keeps k ≥ 3 and the comment threshold ≥ k.
 */
export async function currentThresholds(db: Database): Promise<Thresholds> {
  const [row] = await db.select().from(settings).where(eq(settings.id, 1));
  return resolveThresholds({ k: row?.minRaters, commentThreshold: row?.minCommenters });
}

export const thresholdsSchema = z
  .object({
    k: z.coerce
      .number({ error: "Enter a whole number." })
      .int("Enter a whole number.")
      .min(MIN_K, `At least ${MIN_K}: fewer raters would make individual answers guessable.`)
      .max(100, "At most 100."),
    commentThreshold: z.coerce.number({ error: "Enter a whole number." }).int("Enter a whole number.").max(100, "At most 100."),
  })
  .refine((value) => value.commentThreshold >= value.k, {
    message: "Comments need at least as many writers as scores need raters.",
    path: ["commentThreshold"],
  });

export type ThresholdsInput = z.infer<typeof thresholdsSchema>;

/** Changes the thresholds for every report and export at once, on the record. */
export async function updateThresholds(db: Database, viewer: Viewer, input: ThresholdsInput) {
  requireAdmin(viewer, "change the anonymity thresholds");
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(settings).where(eq(settings.id, 1)).for("update");
    await tx
      .update(settings)
      .set({ minRaters: input.k, minCommenters: input.commentThreshold, updatedAt: clock.now(), updatedBy: viewer.id })
      .where(eq(settings.id, 1));
    await recordAudit(tx, viewer, {
      action: "settings.update",
      details: { from: { k: before?.minRaters, commentThreshold: before?.minCommenters }, to: input },
    });
  });
}
