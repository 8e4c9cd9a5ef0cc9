import "server-only";
import type { Database, Transaction } from "@/db/client";
import { auditAction, auditEvents } from "@/db/schema";

/**
 * Writing to the audit log: a building block with no check of its own. Each checked
 * action in server/dal calls it inside its own transaction, naming the person who acted.
 */
export type AuditAction = (typeof auditAction.enumValues)[number];
export const AUDIT_ACTIONS = auditAction.enumValues;

export interface AuditEntry {
  action: AuditAction;
  personId?: string | null;
  cycleId?: string | null;
  /** Counts, names of changed fields and the like; never a survey answer or a password. */
  details?: Record<string, unknown>;
}

/**
 * Records one action, in the same transaction as the change it describes: an
 * administrator's, or a person's own where it concerns their account (a reset they asked for).
 */
export async function recordAudit(tx: Database | Transaction, actor: { readonly id: string }, entry: AuditEntry) {
  await tx.insert(auditEvents).values({
    actorId: actor.id,
    action: entry.action,
    personId: entry.personId ?? null,
    cycleId: entry.cycleId ?? null,
    details: entry.details ?? {},
  });
}
