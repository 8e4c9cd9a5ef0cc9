import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { cycles, settings } from "@/db/schema";
import { clock } from "@/lib/clock";
import { CURRENT_SEALED_FORMAT } from "@/lib/survey/sealed-answers";
import { freezeCommitments } from "@/server/internal/commitments";
import { type SealKey, sealKey } from "@/server/seal";
import { SealKeyMismatch } from "./close";
import { createSealedPartition } from "./sealed-partitions";

/**
 * Moves a draft whose snapshot is taken to open, in the caller's transaction: it freezes
 * the anonymity thresholds in force now (later changes apply to cycles opened afterwards),
 * records which key will seal its answers and in which layout, creates the partition that
 * holds them, and freezes every manager's commitments not yet frozen: the next cycle has
 * opened.
 * `openedAt` backdates the opening, for the demo's past cycles.
 */
export async function markOpen(tx: Transaction, cycleId: string, options: { openedAt?: Date; key?: SealKey } = {}) {
  const [thresholds] = await tx.select({ minRaters: settings.minRaters, minCommenters: settings.minCommenters }).from(settings).where(eq(settings.id, 1));
  await tx
    .update(cycles)
    .set({
      state: "open",
      openedAt: options.openedAt ?? clock.now(),
      minRaters: thresholds!.minRaters,
      minCommenters: thresholds!.minCommenters,
      sealKeyFingerprint: (options.key ?? sealKey()).fingerprint,
      sealedFormat: CURRENT_SEALED_FORMAT,
    })
    .where(eq(cycles.id, cycleId));
  await freezeCommitments(tx, cycleId);
  await createSealedPartition(tx, cycleId);
}

/**
 * Run as the app starts: refuses a key that cannot open the sealed answers of an open
 * cycle, before any of them is lost at the close. A cycle that was open when sealing came
 * in has no key recorded yet: it takes this one.
 */
export async function checkSealKey(db: Database, key: SealKey = sealKey()) {
  await db
    .update(cycles)
    .set({ sealKeyFingerprint: key.fingerprint })
    .where(and(eq(cycles.state, "open"), isNull(cycles.sealKeyFingerprint)));
  const open = await db.select({ name: cycles.name, fingerprint: cycles.sealKeyFingerprint }).from(cycles).where(eq(cycles.state, "open"));
  const others = open.filter((cycle) => cycle.fingerprint !== key.fingerprint).map((cycle) => cycle.name);
  if (others.length > 0) {
    throw new SealKeyMismatch(
      `FULCRUM_SEAL_KEY is not the key that sealed the answers of ${others.join(", ")}: they could not be opened at the close. Start with the key those cycles were opened with.`,
    );
  }
}
