import { cycles, people } from "@/db/schema";
import { seedDemoIfEmpty } from "@/db/seed/demo";
import { createTestDatabase, type TestDatabase } from "./database";

/** The day the demo is seeded as of, so that its cycle names are the same in every run. */
export const DEMO_TODAY = new Date("2026-11-23T12:00:00Z");

/**
 * A fresh database with the demo organisation in it. The maps, when given, are filled with
 * the ids of people and cycles by name.
 */
export async function createDemoDatabase(byName: { people?: Map<string, string>; cycles?: Map<string, string> } = {}): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await seedDemoIfEmpty(database.db, DEMO_TODAY);
  for (const person of await database.db.select({ id: people.id, name: people.name }).from(people)) byName.people?.set(person.name, person.id);
  for (const cycle of await database.db.select({ id: cycles.id, name: cycles.name }).from(cycles)) byName.cycles?.set(cycle.name, cycle.id);
  return database;
}
