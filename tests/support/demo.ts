import { cycles, people } from "@/db/schema";
import { demoCycleCalendar } from "@/server/internal/seed/demo-calendar";
import { seedDemoIfEmpty } from "@/server/internal/seed/demo";
import { clock } from "@/lib/clock";
import { createTestDatabase, type TestDatabase } from "./database";

/**
 * The demo's cycles are placed around today (three closed quarters and an open one), so
 * tests name them by their place, never by a calendar quarter.
 */
const [oldest, previous, latestClosed, open] = demoCycleCalendar(clock.now()).map((cycle) => cycle.name) as [string, string, string, string];
export const DEMO_CYCLES = { oldest, previous, latestClosed, open } as const;

/**
 * A fresh database with the demo organisation in it, seeded as of today. The maps, when
 * given, are filled with the ids of people and cycles by name.
 */
export async function createDemoDatabase(byName: { people?: Map<string, string>; cycles?: Map<string, string> } = {}): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await seedDemoIfEmpty(database.db);
  for (const person of await database.db.select({ id: people.id, name: people.name }).from(people)) byName.people?.set(person.name, person.id);
  for (const cycle of await database.db.select({ id: cycles.id, name: cycles.name }).from(cycles)) byName.cycles?.set(cycle.name, cycle.id);
  return database;
}
