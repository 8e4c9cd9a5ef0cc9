import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invitations } from "@/db/schema";
import { clock } from "@/lib/clock";

/** Voids every sign-in link of the person that is still open: a newer one replaces them, and deactivation ends them. */
export async function voidOpenLinks(tx: Transaction, personId: string) {
  await tx
    .update(invitations)
    .set({ voidedAt: clock.now() })
    .where(and(eq(invitations.personId, personId), isNull(invitations.usedAt), isNull(invitations.voidedAt)));
}
