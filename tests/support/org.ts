import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { cycleAssignments, cycles, people } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { markOpen } from "@/server/internal/cycles/open";
import { runningCycleDates } from "./days";

const unique = () => randomBytes(4).toString("hex");

export async function createPerson(
  db: Database,
  options: { name?: string; reportsTo?: string; isAdmin?: boolean; password?: string; isActive?: boolean } = {},
) {
  const name = options.name ?? `Person ${unique()}`;
  const [person] = await db
    .insert(people)
    .values({
      name,
      email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}.${unique()}@test.example`,
      reportsTo: options.reportsTo,
      isAdmin: options.isAdmin ?? false,
      isActive: options.isActive ?? true,
      passwordHash: options.password ? await hashPassword(options.password) : null,
    })
    .returning();
  if (!person) throw new Error("person not created");
  return person;
}

/**
 * A manager with `size` reps, in an open cycle whose snapshot has each rep rating the
 * manager. The cycle is running today unless `dates` say otherwise.
 */
export async function createOpenCycleWithTeam(db: Database, size: number, dates = runningCycleDates()) {
  const manager = await createPerson(db, { name: "Team Manager" });
  const reps = [];
  for (let i = 0; i < size; i++) reps.push(await createPerson(db, { name: `Rep ${i}`, reportsTo: manager.id }));
  const [cycle] = await db
    .insert(cycles)
    .values({ name: `Cycle ${unique()}`, ...dates })
    .returning();
  if (!cycle) throw new Error("cycle not created");
  await db
    .insert(cycleAssignments)
    .values([
      ...reps.map((rep) => ({ cycleId: cycle.id, raterId: rep.id, managerId: manager.id })),
      { cycleId: cycle.id, raterId: manager.id, managerId: manager.id },
    ]);
  await db.transaction((tx) => markOpen(tx, cycle.id));
  return { manager, reps, cycle };
}
