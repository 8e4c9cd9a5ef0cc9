import "server-only";
import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Database } from "@/db/client";
import { selectRows } from "@/db/raw";
import { people } from "@/db/schema";
import { recordAudit } from "@/server/internal/audit-log";
import { voidOpenLinks } from "@/server/internal/sign-in-links";
import { ExpectedError, requireAdmin } from "./errors";
import { revokeSessions } from "@/server/internal/viewer";
import type { Viewer } from "./viewer";

/** A refusal the admin can act on; its message is safe to show. */
export class PersonRuleError extends ExpectedError {
  override name = "PersonRuleError";
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

/** One page of people matching a search on name or email, for administrators. */
export async function searchPeople(db: Database, viewer: Viewer, { query, page }: { query: string; page: number }) {
  requireAdmin(viewer, "list people");
  const pattern = `%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
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
    .select({ ...personColumns, managerEmail: manager.email })
    .from(people)
    .leftJoin(manager, eq(manager.id, people.reportsTo))
    .where(eq(people.id, personId));
  return row ?? null;
}

export const personInputSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(200, "Keep the name under 200 characters."),
  managerEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.union([z.literal(""), z.email({ error: "Enter the manager's email address, or leave it empty." })])),
  isAdmin: z.boolean(),
});
export type PersonInput = z.infer<typeof personInputSchema>;

/** Whether the manager asked for sits somewhere below the person in today's tree. */
const newManagerBelowRow = z.object({ below: z.boolean() });

/**
 * Edits a person's name, manager and admin flag. A new manager must be active and may not
 * sit below the person (that would make a loop). Open cycles keep their snapshot.
 */
export async function updatePerson(db: Database, viewer: Viewer, personId: string, input: PersonInput) {
  requireAdmin(viewer, "edit a person");
  if (personId === viewer.id && !input.isAdmin) throw new PersonRuleError("You cannot remove your own administrator rights.");
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(people).where(eq(people.id, personId)).for("update");
    if (!current) throw new PersonRuleError("That person does not exist.");
    let managerId: string | null = null;
    if (input.managerEmail) {
      const [found] = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.email, input.managerEmail), eq(people.isActive, true)));
      if (!found) throw new PersonRuleError("No active person has that email address.");
      if (found.id === personId) throw new PersonRuleError("Someone cannot be their own manager.");
      const [loop] = await selectRows(
        tx,
        sql`WITH RECURSIVE below(id) AS (
              SELECT id FROM people WHERE reports_to = ${personId}
              UNION SELECT p.id FROM people p JOIN below b ON p.reports_to = b.id)
            SELECT EXISTS (SELECT 1 FROM below WHERE id = ${found.id}) AS below`,
        newManagerBelowRow,
      );
      if (loop?.below) throw new PersonRuleError("That manager reports to this person already: the tree would loop.");
      managerId = found.id;
    }
    await tx.update(people).set({ name: input.name, reportsTo: managerId, isAdmin: input.isAdmin }).where(eq(people.id, personId));
    const changed = [current.name !== input.name && "name", current.reportsTo !== managerId && "manager", current.isAdmin !== input.isAdmin && "admin"].filter(
      Boolean,
    );
    if (changed.length > 0) await recordAudit(tx, viewer, { action: "person.update", personId, details: { changed } });
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
