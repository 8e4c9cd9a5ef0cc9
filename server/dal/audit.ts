import "server-only";
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { auditEvents, cycles, people } from "@/db/schema";
import { AUDIT_ACTION_LABELS } from "@/lib/audit-sentences";
import { addDays, startOfDay } from "@/lib/dates";
import { requireAdmin } from "./errors";
import type { Viewer } from "./viewer";

import type { AuditAction } from "@/server/internal/audit-log";

export { AUDIT_ACTIONS, type AuditAction } from "@/server/internal/audit-log";

/** What the filter calls each action. Typed against the database's list: an action without words does not compile. */
export const AUDIT_ACTION_NAMES: Readonly<Record<AuditAction, string>> = AUDIT_ACTION_LABELS;

export interface AuditFilter {
  action?: AuditAction;
  /** Calendar days, inclusive, in UTC. */
  from?: string;
  to?: string;
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;

const actor = alias(people, "actor");
const subject = alias(people, "subject");

/**
 * The audit log for administrators, newest first, one page at a time, with the names of
 * who acted and of the person or cycle each entry is about (lib/audit-sentences words them).
 */
export async function listAudit(db: Database, viewer: Viewer, filter: AuditFilter) {
  requireAdmin(viewer, "read the audit log");
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  // UTC days, as instants computed here: the database's own time zone plays no part.
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, startOfDay(filter.from)));
  if (filter.to) conditions.push(lt(auditEvents.occurredAt, startOfDay(addDays(filter.to, 1))));
  const rows = await db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      occurredAt: auditEvents.occurredAt,
      details: auditEvents.details,
      actorId: auditEvents.actorId,
      actorName: actor.name,
      personId: auditEvents.personId,
      personName: subject.name,
      personEmail: subject.email,
      cycleName: cycles.name,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .leftJoin(subject, eq(subject.id, auditEvents.personId))
    .leftJoin(cycles, eq(cycles.id, auditEvents.cycleId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE);
  const entries = rows
    .slice(0, AUDIT_PAGE_SIZE)
    .map(({ actorId, personId, ...entry }) => ({ ...entry, actorIsPerson: actorId !== null && actorId === personId }));
  return { entries, hasMore: rows.length > AUDIT_PAGE_SIZE };
}
