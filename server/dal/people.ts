import "server-only";
import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Database, Transaction } from "@/db/client";
import { selectRows } from "@/db/raw";
import { people } from "@/db/schema";
import type { NewPerson, PersonDetails } from "@/lib/org-import/person";
import { recordAudit } from "@/server/internal/audit-log";
import { voidOpenLinks } from "@/server/internal/sign-in-links";
import { ExpectedError, requireAdmin } from "./errors";
import { revokeSessions } from "@/server/internal/viewer";
import type { Viewer } from "./viewer";

/** A refusal the admin can act on; its message is safe to show. */
export class PersonRuleError extends ExpectedError {
  override name = "PersonRuleError";
}

/** The manager chosen from the picker was deactivated since the page was drawn: the page is read again. */
export class StaleManagerError extends PersonRuleError {
  override name = "StaleManagerError";
  override readonly stale = true;
}

export const PEOPLE_PAGE_SIZE = 25;

const manager = alias(people, "manager");

const personColumns = {
  id: people.id,
  name: people.name,
  email: people.email,
  isAdmin: people.isAdmin,
  isActive: people.isActive,
  hasPassword: sql<boolean>`${people.passwordHash} IS NOT NULL`,
  managerName: manager.name,
};

/** An ILIKE pattern that finds `query` anywhere, its wildcards taken literally. */
const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** One page of people matching a search on name or email, for administrators. */
export async function searchPeople(db: Database, viewer: Viewer, { query, page }: { query: string; page: number }) {
  requireAdmin(viewer, "list people");
  const pattern = likePattern(query);
  const where = query ? or(ilike(people.name, pattern), ilike(people.email, pattern)) : undefined;
  const [total] = await db.select({ total: count() }).from(people).where(where);
  const rows = await db
    .select(personColumns)
    .from(people)
    .leftJoin(manager, eq(manager.id, people.reportsTo))
    .where(where)
    .orderBy(asc(people.name), asc(people.email))
    .limit(PEOPLE_PAGE_SIZE)
    .offset((page - 1) * PEOPLE_PAGE_SIZE);
  return { rows, total: total?.total ?? 0 };
}

export async function getPerson(db: Database, viewer: Viewer, personId: string) {
  requireAdmin(viewer, "read a person");
  const [row] = await db
    .select({ ...personColumns, managerEmail: manager.email, managerIsActive: manager.isActive })
    .from(people)
    .leftJoin(manager, eq(manager.id, people.reportsTo))
    .where(eq(people.id, personId));
  return row ?? null;
}

/** How many people the manager picker lists for one search; the rest are counted. */
export const MANAGER_CANDIDATES_SHOWN = 10;

/** Someone the manager picker offers: active, and not below the person whose manager changes. */
export interface ManagerCandidate {
  id: string;
  name: string;
  email: string;
  managerName: string | null;
}

const candidateRow = z.object({ id: z.string(), name: z.string(), email: z.string(), managerName: z.string().nullable(), total: z.number() });

/**
 * The active people matching a search on name or email, for the manager picker. For a
 * person who is already in the tree (`forPersonId`), they themselves and everyone below
 * them are left out: choosing any of them would make a loop.
 */
export async function searchManagerCandidates(
  db: Database,
  viewer: Viewer,
  { query, forPersonId }: { query: string; forPersonId?: string },
): Promise<{ rows: ManagerCandidate[]; total: number }> {
  requireAdmin(viewer, "choose a manager");
  const pattern = likePattern(query.trim());
  const below = forPersonId
    ? sql`WITH RECURSIVE below(id) AS (
            SELECT id FROM people WHERE id = ${forPersonId}
            UNION SELECT p.id FROM people p JOIN below b ON p.reports_to = b.id)`
    : sql`WITH below(id) AS (SELECT NULL::uuid WHERE false)`;
  const rows = await selectRows(
    db,
    sql`${below}
        SELECT p.id, p.name, p.email, m.name AS "managerName", (count(*) OVER ())::int AS total
        FROM people p LEFT JOIN people m ON m.id = p.reports_to
        WHERE p.is_active AND (p.name ILIKE ${pattern} OR p.email ILIKE ${pattern})
          AND NOT EXISTS (SELECT 1 FROM below WHERE below.id = p.id)
        ORDER BY p.name, p.email
        LIMIT ${MANAGER_CANDIDATES_SHOWN}`,
    candidateRow,
  );
  return { rows: rows.map(({ id, name, email, managerName }) => ({ id, name, email, managerName })), total: rows[0]?.total ?? 0 };
}

/**
 * Edits a person's name and admin flag; the manager changes through `setManager`. The name
 * follows the import's rules (lib/org-import/person.ts).
 */
export async function updatePerson(db: Database, viewer: Viewer, personId: string, input: PersonDetails) {
  requireAdmin(viewer, "edit a person");
  if (personId === viewer.id && !input.isAdmin) throw new PersonRuleError("You cannot remove your own administrator rights.");
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(people).where(eq(people.id, personId)).for("update");
    if (!current) throw new PersonRuleError("That person does not exist.");
    const changed = [current.name !== input.name && "name", current.isAdmin !== input.isAdmin && "admin"].filter(Boolean);
    if (changed.length === 0) return;
    await tx.update(people).set({ name: input.name, isAdmin: input.isAdmin }).where(eq(people.id, personId));
    await recordAudit(tx, viewer, { action: "person.update", personId, details: { changed } });
  });
}

/**
 * Every change to the reporting tree by hand takes the lock an import takes: writers to
 * `people` queue behind each other, so two changes made at once cannot build a loop that
 * neither would make alone, and none can slip between an import's plan and its writes.
 */
const lockTheTree = (tx: Transaction) => tx.execute(sql`LOCK TABLE people IN SHARE ROW EXCLUSIVE MODE`);

/** The manager asked for, who must be active, or a refusal. */
async function activeManager(tx: Transaction, managerId: string) {
  const [found] = await tx.select({ id: people.id, name: people.name, isActive: people.isActive }).from(people).where(eq(people.id, managerId));
  if (!found || !found.isActive) throw new StaleManagerError("Only an active person can be a manager. Search again and choose someone from the list.");
  return found;
}

/** Whether the manager asked for sits somewhere below the person in today's tree. */
const newManagerBelowRow = z.object({ below: z.boolean() });

export interface ManagerChange {
  /** False when they already reported to that manager: nothing was written. */
  changed: boolean;
  personName: string;
  /** The new manager's name; null for the top of the organisation. */
  managerName: string | null;
}

/**
 * Gives a person another manager (`null`: the top of the organisation). The manager must be
 * active and may not be the person or anyone below them: the tree never loops. Open cycles
 * keep their snapshot.
 */
export async function setManager(db: Database, viewer: Viewer, personId: string, managerId: string | null): Promise<ManagerChange> {
  requireAdmin(viewer, "change a manager");
  return db.transaction(async (tx) => {
    await lockTheTree(tx);
    const [person] = await tx.select({ name: people.name, reportsTo: people.reportsTo }).from(people).where(eq(people.id, personId));
    if (!person) throw new PersonRuleError("That person does not exist.");
    let managerName: string | null = null;
    if (managerId !== null) {
      if (managerId === personId) throw new PersonRuleError("Someone cannot be their own manager.");
      managerName = (await activeManager(tx, managerId)).name;
      const [loop] = await selectRows(
        tx,
        sql`WITH RECURSIVE below(id) AS (
              SELECT id FROM people WHERE reports_to = ${personId}
              UNION SELECT p.id FROM people p JOIN below b ON p.reports_to = b.id)
            SELECT EXISTS (SELECT 1 FROM below WHERE id = ${managerId}) AS below`,
        newManagerBelowRow,
      );
      if (loop?.below) throw new PersonRuleError(`${managerName} reports to ${person.name} already, directly or through others: the tree would loop.`);
    }
    if (person.reportsTo === managerId) return { changed: false, personName: person.name, managerName };
    await tx.update(people).set({ reportsTo: managerId }).where(eq(people.id, personId));
    await recordAudit(tx, viewer, { action: "person.update", personId, details: { changed: ["manager"] } });
    return { changed: true, personName: person.name, managerName };
  });
}

/**
 * Adds one person, by the import's rules: the email is new (emails are stored in lower
 * case, so "new" ignores case), and the manager is active. Someone new has nobody below
 * them, so no loop can form. They start without a password: an admin sends them a link.
 */
export async function addPerson(db: Database, viewer: Viewer, input: NewPerson): Promise<{ id: string; name: string }> {
  requireAdmin(viewer, "add a person");
  return db.transaction(async (tx) => {
    await lockTheTree(tx);
    const [taken] = await tx.select({ name: people.name, isActive: people.isActive }).from(people).where(eq(people.email, input.email));
    if (taken) {
      throw new PersonRuleError(
        taken.isActive
          ? `${taken.name} already has the email ${input.email}: each person once.`
          : `${taken.name} already has the email ${input.email}, and is deactivated: reactivate them from their page instead.`,
      );
    }
    if (input.managerId !== null) await activeManager(tx, input.managerId);
    const [added] = await tx
      .insert(people)
      .values({ name: input.name, email: input.email, reportsTo: input.managerId, isAdmin: input.isAdmin })
      .returning({ id: people.id, name: people.name });
    if (!added) throw new Error("no row inserted");
    await recordAudit(tx, viewer, { action: "person.create", personId: added.id, details: { admin: input.isAdmin, manager: input.managerId !== null } });
    return added;
  });
}

/**
 * Deactivates or reactivates someone. A deactivated person is signed out on their next
 * request, and their open sign-in links end: reactivating them revives none.
 */
export async function setPersonActive(db: Database, viewer: Viewer, personId: string, active: boolean) {
  requireAdmin(viewer, active ? "reactivate a person" : "deactivate a person");
  if (personId === viewer.id && !active) throw new PersonRuleError("You cannot deactivate yourself.");
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(people)
      .set({ isActive: active })
      .where(and(eq(people.id, personId), eq(people.isActive, !active)))
      .returning({ id: people.id });
    if (updated.length === 0) {
      // Already as asked is fine; nobody at all is not.
      const [exists] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId));
      if (!exists) throw new PersonRuleError("There is no such person.");
      return;
    }
    if (!active) await voidOpenLinks(tx, personId);
    await recordAudit(tx, viewer, { action: active ? "person.reactivate" : "person.deactivate", personId });
  });
  if (!active) await revokeSessions(db, personId);
}
